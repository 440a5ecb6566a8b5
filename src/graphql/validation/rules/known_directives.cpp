// KnownDirectives (spec 5.7.1, 5.7.2): directives are defined by the schema
// and used only at the locations they allow.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class KnownDirectives : public Visitor {
 public:
  explicit KnownDirectives(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    locations_.push_back(op.operation == ast::OperationType::kQuery      ? "QUERY"
                         : op.operation == ast::OperationType::kMutation ? "MUTATION"
                                                                         : "SUBSCRIPTION");
  }
  void leave_operation(const ast::OperationDefinition&) override { locations_.pop_back(); }
  void enter_fragment(const ast::FragmentDefinition&) override {
    locations_.push_back("FRAGMENT_DEFINITION");
  }
  void leave_fragment(const ast::FragmentDefinition&) override { locations_.pop_back(); }
  void enter_variable_definition(const ast::VariableDefinition&) override {
    locations_.push_back("VARIABLE_DEFINITION");
  }
  void leave_variable_definition(const ast::VariableDefinition&) override { locations_.pop_back(); }
  void enter_selection(const ast::Selection& sel) override {
    locations_.push_back(sel.kind == ast::SelectionKind::kField            ? "FIELD"
                         : sel.kind == ast::SelectionKind::kFragmentSpread ? "FRAGMENT_SPREAD"
                                                                           : "INLINE_FRAGMENT");
  }
  void leave_selection(const ast::Selection&) override { locations_.pop_back(); }

  void enter_directive(const ast::Directive& d) override {
    const Directive* def = ctx_.schema().directive(d.name);
    if (def == nullptr) {
      ctx_.report("Unknown directive \"@" + std::string(d.name) + "\".", {d.loc});
      return;
    }
    if (!locations_.empty() && !def->allowed_at(locations_.back())) {
      ctx_.report("Directive \"@" + std::string(d.name) + "\" may not be used on " +
                      std::string(locations_.back()) + ".",
                  {d.loc});
    }
  }

 private:
  ValidationContext& ctx_;
  std::vector<std::string_view> locations_;
};

}  // namespace

Rule known_directives(ValidationContext& ctx) {
  return std::make_unique<KnownDirectives>(ctx);
}

}  // namespace myspace::graphql::rules
