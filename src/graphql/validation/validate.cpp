#include "graphql/validation/validate.h"

namespace myspace::graphql {

std::vector<RuleFactory> specified_rules() {
  return {
      {"ExecutableDefinitions", rules::executable_definitions},
      {"UniqueOperationNames", rules::unique_operation_names},
      {"LoneAnonymousOperation", rules::lone_anonymous_operation},
      {"SingleFieldSubscriptions", rules::single_field_subscriptions},
      {"KnownTypeNames", rules::known_type_names},
      {"FragmentsOnCompositeTypes", rules::fragments_on_composite_types},
      {"VariablesAreInputTypes", rules::variables_are_input_types},
      {"ScalarLeafs", rules::scalar_leafs},
      {"FieldsOnCorrectType", rules::fields_on_correct_type},
      {"UniqueFragmentNames", rules::unique_fragment_names},
      {"KnownFragmentNames", rules::known_fragment_names},
      {"NoUnusedFragments", rules::no_unused_fragments},
      {"PossibleFragmentSpreads", rules::possible_fragment_spreads},
      {"NoFragmentCycles", rules::no_fragment_cycles},
      {"UniqueVariableNames", rules::unique_variable_names},
      {"NoUndefinedVariables", rules::no_undefined_variables},
      {"NoUnusedVariables", rules::no_unused_variables},
      {"KnownDirectives", rules::known_directives},
      {"UniqueDirectivesPerLocation", rules::unique_directives_per_location},
      {"KnownArgumentNames", rules::known_argument_names},
      {"UniqueArgumentNames", rules::unique_argument_names},
      {"ValuesOfCorrectType", rules::values_of_correct_type},
      {"ProvidedRequiredArguments", rules::provided_required_arguments},
      {"VariablesInAllowedPosition", rules::variables_in_allowed_position},
      {"OverlappingFieldsCanBeMerged", rules::overlapping_fields_can_be_merged},
      {"UniqueInputFieldNames", rules::unique_input_field_names},
      {"MaxIntrospectionDepth", rules::max_introspection_depth},
  };
}

std::vector<RuleFactory> with_limits(std::vector<RuleFactory> rules, const Limits& limits) {
  if (limits.depth) {
    rules.push_back({"MaxDepth", [l = *limits.depth](ValidationContext& ctx) {
                       return rules::max_depth(ctx, l);
                     }});
  }
  if (limits.max_aliases) {
    rules.push_back({"MaxAliases", [n = *limits.max_aliases](ValidationContext& ctx) {
                       return rules::max_aliases(ctx, n);
                     }});
  }
  if (limits.max_directives) {
    rules.push_back({"MaxDirectives", [n = *limits.max_directives](ValidationContext& ctx) {
                       return rules::max_directives(ctx, n);
                     }});
  }
  if (limits.cost) {
    rules.push_back({"MaxCost", [l = *limits.cost](ValidationContext& ctx) {
                       return rules::max_cost(ctx, l);
                     }});
  }
  return rules;
}

namespace {

// Stops the walk once enough errors are collected (hostile documents can
// produce one error per token otherwise).
struct TooManyErrors {};

class ErrorLimit : public Visitor {
 public:
  ErrorLimit(const ValidationContext& ctx, std::size_t max) : ctx_(ctx), max_(max) {}
  void enter_selection(const ast::Selection&) override { check(); }
  void enter_value(const ast::Value&) override { check(); }
  void leave_operation(const ast::OperationDefinition&) override { check(); }
  void leave_fragment(const ast::FragmentDefinition&) override { check(); }

 private:
  void check() const {
    if (ctx_.errors().size() >= max_) throw TooManyErrors{};
  }
  const ValidationContext& ctx_;
  std::size_t max_;
};

}  // namespace

std::vector<GraphQLError> validate(const Schema& schema, const ast::Document& document,
                                   const std::vector<RuleFactory>& rules, std::size_t max_errors) {
  TypeArena arena;
  TypeInfo info(schema, arena);
  ValidationContext ctx(schema, document, info, arena);
  std::vector<Rule> instances;
  std::vector<Visitor*> visitors;
  instances.reserve(rules.size());
  visitors.reserve(rules.size() + 1);  // and the error limit
  for (const auto& factory : rules) {
    instances.push_back(factory.make(ctx));
    visitors.push_back(instances.back().get());
  }
  ErrorLimit limit(ctx, max_errors);
  visitors.push_back(&limit);
  TypeInfoVisitor visitor(info, visitors);
  try {
    walk(document, visitor);
  } catch (const TooManyErrors&) {
    auto errors = ctx.take_errors();
    errors.resize(max_errors);
    GraphQLError e;
    e.message = "Too many validation errors, error limit reached. Validation aborted.";
    e.extensions["code"] = "GRAPHQL_VALIDATION_FAILED";
    errors.push_back(std::move(e));
    return errors;
  }
  return ctx.take_errors();
}

}  // namespace myspace::graphql
