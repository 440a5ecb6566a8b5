// VariablesAreInputTypes (spec 5.8.2): variables have scalar, enum or input
// object types.
#include "graphql/language/printer.h"
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class VariablesAreInputTypes : public Visitor {
 public:
  explicit VariablesAreInputTypes(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_variable_definition(const ast::VariableDefinition& var) override {
    const Type* type = ctx_.schema().type_from_ast(var.type, ctx_.arena());
    if (type != nullptr && !is_input_type(type)) {
      ctx_.report("Variable \"$" + std::string(var.name) + "\" cannot be non-input type \"" +
                      print(var.type) + "\".",
                  {var.type.loc});
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule variables_are_input_types(ValidationContext& ctx) {
  return std::make_unique<VariablesAreInputTypes>(ctx);
}

}  // namespace myspace::graphql::rules
