#pragma once
// Input coercion (spec sections 5.6 / 6.4.1): variable values from JSON,
// argument values from literals and variables, default values — with
// graphql-js's error messages. Coerced values are JSON: enums as their names,
// input objects as objects, custom scalars as their parse functions return.

#include <boost/json/object.hpp>
#include <optional>
#include <vector>

#include "graphql/error/graphql_error.h"
#include "graphql/type/schema.h"

namespace myspace::graphql {

struct VariableCoercion {
  boost::json::object values;
  std::vector<GraphQLError> errors;
};

// CoerceVariableValues(): a value for every defined variable that was
// provided or has a default; all errors, if any (without suggestions when the
// schema hides them). Wrapper types are made in `arena`.
VariableCoercion coerce_variable_values(const Schema& schema,
                                        const ast::OperationDefinition& operation,
                                        const boost::json::object& inputs, TypeArena& arena);

// CoerceArgumentValues(). Throws GraphQLException for the first invalid or
// missing argument, located at the argument (or the field).
boost::json::object coerce_argument_values(const std::vector<InputValue>& definitions,
                                           const std::vector<ast::Argument>& arguments,
                                           const boost::json::object& variables,
                                           SourceLocation field_location);

// valueFromAST(): the value of a literal for `type`, or nullopt if it is
// invalid. Variables not present in `variables` count as invalid.
std::optional<Value> value_from_ast(const ast::Value& literal, const Type* type,
                                    const boost::json::object* variables);

// coerceInputValue() for JSON input. Each problem is reported with its path
// inside the value ("review.stars", "[1]") and its message; with
// hide_suggestions, messages name no schema names that were not written
// ("Did you mean …?").
using InputErrorHandler =
    std::function<void(const std::string& path, const Value& invalid, const std::string& message)>;
Value coerce_input_value(const Value& input, const Type* type, const InputErrorHandler& on_error,
                         const std::string& path = "", bool hide_suggestions = false);

}  // namespace myspace::graphql
