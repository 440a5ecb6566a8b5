#pragma once
// Validation (spec section 5): checks an executable document against a
// schema before execution, with graphql-js's rules and messages. Every error
// has extensions.code GRAPHQL_VALIDATION_FAILED. Safety limits (depth,
// aliases, directives, cost) are rules too; add them with with_limits().

#include <vector>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql {

// The spec's rules (graphql-js's specifiedRules), in graphql-js's order.
std::vector<RuleFactory> specified_rules();

struct Limits {
  std::optional<rules::DepthLimit> depth;
  std::optional<std::size_t> max_aliases;
  std::optional<std::size_t> max_directives;
  std::optional<rules::CostLimit> cost;
};
// The specified rules plus the configured limits.
std::vector<RuleFactory> with_limits(std::vector<RuleFactory> rules, const Limits& limits);

// Runs `rules` over `document`; stops after max_errors (graphql-js: 100).
std::vector<GraphQLError> validate(const Schema& schema, const ast::Document& document,
                                   const std::vector<RuleFactory>& rules = specified_rules(),
                                   std::size_t max_errors = 100);

}  // namespace myspace::graphql
