// VariablesInAllowedPosition (spec 5.8.5): a variable's type fits every
// position it is used in (a nullable variable may fill a non-null position
// only if it or the position has a default, and never a field of a oneOf
// input object).
#include <unordered_map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class VariablesInAllowedPosition : public Visitor {
 public:
  explicit VariablesInAllowedPosition(ValidationContext& ctx) : ctx_(ctx) {}
  void leave_operation(const ast::OperationDefinition& op) override {
    std::unordered_map<std::string_view, const ast::VariableDefinition*> defs;
    for (const auto& var : op.variables) defs.emplace(var.name, &var);
    for (const auto& usage : ctx_.recursive_variable_usages(op)) {
      auto it = defs.find(usage.node->raw);
      if (it == defs.end() || usage.type == nullptr) continue;
      const Type* var_type = ctx_.schema().type_from_ast(it->second->type, ctx_.arena());
      if (var_type == nullptr) continue;
      if (!allowed(var_type, *it->second, usage)) {
        ctx_.report("Variable \"$" + std::string(usage.node->raw) + "\" of type \"" +
                        type_string(var_type) + "\" used in position expecting type \"" +
                        type_string(usage.type) + "\".",
                    {it->second->loc, usage.node->loc});
      }
      // A field of a oneOf value must not be null, so neither may a variable
      // filling it. (As graphql-js: only where the input object type itself,
      // not a non-null wrapper of it, is the parent position.)
      const Type* parent = usage.parent_type;
      if (parent != nullptr && parent->kind == TypeKind::kInputObject && parent->one_of &&
          !var_type->is_non_null()) {
        ctx_.report("Variable \"$" + std::string(usage.node->raw) + "\" is of type \"" +
                        type_string(var_type) +
                        "\" but must be non-nullable to be used for OneOf Input Object \"" +
                        parent->name + "\".",
                    {it->second->loc, usage.node->loc});
      }
    }
  }

 private:
  bool allowed(const Type* var_type, const ast::VariableDefinition& def,
               const VariableUsage& usage) const {
    if (usage.type->is_non_null() && !var_type->is_non_null()) {
      const bool var_default =
          def.default_value && def.default_value->kind != ast::ValueKind::kNull;
      if (!var_default && usage.default_value == nullptr) return false;
      return ctx_.schema().is_type_sub_type_of(var_type, usage.type->of_type);
    }
    return ctx_.schema().is_type_sub_type_of(var_type, usage.type);
  }

  ValidationContext& ctx_;
};

}  // namespace

Rule variables_in_allowed_position(ValidationContext& ctx) {
  return std::make_unique<VariablesInAllowedPosition>(ctx);
}

}  // namespace myspace::graphql::rules
