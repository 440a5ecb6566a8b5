#pragma once
// One factory per validation rule; each is defined in the file of the same
// name. specified_rules() (validate.cpp) lists the spec's rules in
// graphql-js's order; the safety limits are opt-in with their own settings.

#include <boost/json/object.hpp>
#include <cstddef>
#include <set>
#include <string>

#include "graphql/validation/validation_context.h"

namespace myspace::graphql::rules {

Rule executable_definitions(ValidationContext& ctx);
Rule unique_operation_names(ValidationContext& ctx);
Rule lone_anonymous_operation(ValidationContext& ctx);
Rule single_field_subscriptions(ValidationContext& ctx);
Rule known_type_names(ValidationContext& ctx);
Rule fragments_on_composite_types(ValidationContext& ctx);
Rule variables_are_input_types(ValidationContext& ctx);
Rule scalar_leafs(ValidationContext& ctx);
Rule fields_on_correct_type(ValidationContext& ctx);
Rule unique_fragment_names(ValidationContext& ctx);
Rule known_fragment_names(ValidationContext& ctx);
Rule no_unused_fragments(ValidationContext& ctx);
Rule possible_fragment_spreads(ValidationContext& ctx);
Rule no_fragment_cycles(ValidationContext& ctx);
Rule unique_variable_names(ValidationContext& ctx);
Rule no_undefined_variables(ValidationContext& ctx);
Rule no_unused_variables(ValidationContext& ctx);
Rule known_directives(ValidationContext& ctx);
Rule unique_directives_per_location(ValidationContext& ctx);
Rule known_argument_names(ValidationContext& ctx);
Rule unique_argument_names(ValidationContext& ctx);
Rule values_of_correct_type(ValidationContext& ctx);
Rule provided_required_arguments(ValidationContext& ctx);
Rule variables_in_allowed_position(ValidationContext& ctx);
Rule overlapping_fields_can_be_merged(ValidationContext& ctx);
Rule unique_input_field_names(ValidationContext& ctx);
// graphql-js's recommendedRules, which its specifiedRules end with.
Rule max_introspection_depth(ValidationContext& ctx);

// --- Safety limits -----------------------------------------------------------

// Introspection (a __schema or __type field and everything below it) is
// limited by bounds of its own, because it is nothing like data: the tools
// every client uses (GraphiQL, Apollo Sandbox, Postman, graphql-codegen) send
// graphql-js's getIntrospectionQuery(), which with every option is 15 fields
// deep (its TypeRef fragment follows ofType 9 times) and has 229 fields once
// its fragments are expanded — far past the depth and, with lists multiplied
// by default_list_size, the cost an ordinary operation may have (cost 49432
// under CostLimit's data rules). Yet introspection's lists are the schema's
// own, answered from memory, and cannot be paged up by the client. So its
// bounds are the standard query's measure: depth 15 exactly (a deeper TypeRef
// buys nothing — no real type is wrapped more than a few times), and 500
// fields (the standard query about twice, as graphql-java's good-faith
// introspection allows, not the dozens of copies aliases could ask for).
// MaxIntrospectionDepth (a specified rule, graphql-js's) keeps the lists
// that walk from type to type from nesting more than two deep.

// Fields nested deeper than max_depth (fragments expanded). __typename is
// not counted; paths through introspection count against
// max_introspection_depth instead.
struct DepthLimit {
  std::size_t max_depth = 15;
  std::size_t max_introspection_depth = 15;
};
Rule max_depth(ValidationContext& ctx, DepthLimit limit);

// More aliased fields than max_aliases in one operation (fragments counted per use).
Rule max_aliases(ValidationContext& ctx, std::size_t max_aliases);

// More directives than max_directives in one operation (fragments counted per use).
Rule max_directives(ValidationContext& ctx, std::size_t max_directives);

// The estimated cost of an operation: every field costs field_cost, and the
// cost of a field's selection is multiplied by its page size — the value of
// the first of `size_arguments` it has (literal, variable, or default), or
// default_list_size for list fields without one. Introspection is costed
// apart: each of its fields costs field_cost once (fragments counted where
// they are spread, lists not multiplied), against max_introspection_cost.
struct CostLimit {
  std::size_t max_cost = 10000;
  std::size_t max_introspection_cost = 500;
  std::size_t field_cost = 1;
  std::size_t default_list_size = 10;
  std::set<std::string> size_arguments = {"first", "last", "limit"};
  const boost::json::object* variables = nullptr;  // request variables, if known
};
Rule max_cost(ValidationContext& ctx, CostLimit limit);

}  // namespace myspace::graphql::rules
