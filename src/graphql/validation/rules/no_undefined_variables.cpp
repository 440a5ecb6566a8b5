// NoUndefinedVariables (spec 5.8.3): every variable used by an operation (and
// the fragments it spreads) is defined by it.
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class NoUndefinedVariables : public Visitor {
 public:
  explicit NoUndefinedVariables(ValidationContext& ctx) : ctx_(ctx) {}
  void leave_operation(const ast::OperationDefinition& op) override {
    std::unordered_set<std::string_view> defined;
    for (const auto& var : op.variables) defined.insert(var.name);
    for (const auto& usage : ctx_.recursive_variable_usages(op)) {
      if (defined.count(usage.node->raw)) continue;
      ctx_.report("Variable \"$" + std::string(usage.node->raw) + "\" is not defined" +
                      (op.name.empty() ? "." : " by operation \"" + std::string(op.name) + "\"."),
                  {usage.node->loc, op.loc});
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule no_undefined_variables(ValidationContext& ctx) {
  return std::make_unique<NoUndefinedVariables>(ctx);
}

}  // namespace myspace::graphql::rules
