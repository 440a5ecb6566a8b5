// NoUnusedVariables (spec 5.8.4): every variable an operation defines is used
// by it or by the fragments it spreads.
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class NoUnusedVariables : public Visitor {
 public:
  explicit NoUnusedVariables(ValidationContext& ctx) : ctx_(ctx) {}
  void leave_operation(const ast::OperationDefinition& op) override {
    std::unordered_set<std::string_view> used;
    for (const auto& usage : ctx_.recursive_variable_usages(op)) used.insert(usage.node->raw);
    for (const auto& var : op.variables) {
      if (used.count(var.name)) continue;
      ctx_.report("Variable \"$" + std::string(var.name) + "\" is never used" +
                      (op.name.empty() ? "." : " in operation \"" + std::string(op.name) + "\"."),
                  {var.loc});
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule no_unused_variables(ValidationContext& ctx) {
  return std::make_unique<NoUnusedVariables>(ctx);
}

}  // namespace myspace::graphql::rules
