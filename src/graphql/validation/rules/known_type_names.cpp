// KnownTypeNames (spec 5.5.1.2 / 5.8.3): type conditions and variable types
// name types of the schema.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class KnownTypeNames : public Visitor {
 public:
  explicit KnownTypeNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_variable_definition(const ast::VariableDefinition& var) override {
    const ast::TypeRef* t = &var.type;
    while (t->kind != ast::TypeRef::Kind::kNamed) t = t->of.get();
    check(t->name, t->loc);
  }
  void enter_fragment(const ast::FragmentDefinition& frag) override {
    check(frag.type_condition, frag.type_condition_loc);
  }
  void enter_selection(const ast::Selection& sel) override {
    if (sel.kind == ast::SelectionKind::kInlineFragment && !sel.type_condition.empty()) {
      check(sel.type_condition, sel.type_condition_loc);
    }
  }

 private:
  void check(std::string_view name, SourceLocation loc) {
    if (ctx_.schema().type(name) != nullptr) return;
    if (ctx_.hide_suggestions()) {
      ctx_.report("Unknown type \"" + std::string(name) + "\".", {loc});
      return;
    }
    // The schema's names, for suggestions, only once a name is unknown.
    if (names_.empty()) {
      for (const Type* t : ctx_.schema().types()) names_.push_back(t->name);
    }
    ctx_.report(
        "Unknown type \"" + std::string(name) + "\"." + did_you_mean(suggestion_list(name, names_)),
        {loc});
  }

  ValidationContext& ctx_;
  std::vector<std::string> names_;  // see check()
};

}  // namespace

Rule known_type_names(ValidationContext& ctx) {
  return std::make_unique<KnownTypeNames>(ctx);
}

}  // namespace myspace::graphql::rules
