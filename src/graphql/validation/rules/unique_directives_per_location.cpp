// UniqueDirectivesPerLocation (spec 5.7.3): a non-repeatable directive is
// used at most once per location.
#include <unordered_map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class UniqueDirectivesPerLocation : public Visitor {
 public:
  explicit UniqueDirectivesPerLocation(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_operation(const ast::OperationDefinition& n) override { check(n.directives); }
  void enter_fragment(const ast::FragmentDefinition& n) override { check(n.directives); }
  void enter_variable_definition(const ast::VariableDefinition& n) override { check(n.directives); }
  void enter_selection(const ast::Selection& n) override { check(n.directives); }

 private:
  void check(const std::vector<ast::Directive>& directives) {
    if (directives.size() < 2) return;  // the usual case: nothing to compare
    std::unordered_map<std::string_view, SourceLocation> seen;
    for (const auto& d : directives) {
      const Directive* def = ctx_.schema().directive(d.name);
      if (def == nullptr || def->repeatable) continue;
      auto [it, inserted] = seen.emplace(d.name, d.loc);
      if (!inserted) {
        ctx_.report("The directive \"@" + std::string(d.name) +
                        "\" can only be used once at this location.",
                    {it->second, d.loc});
      }
    }
  }

  ValidationContext& ctx_;
};

}  // namespace

Rule unique_directives_per_location(ValidationContext& ctx) {
  return std::make_unique<UniqueDirectivesPerLocation>(ctx);
}

}  // namespace myspace::graphql::rules
