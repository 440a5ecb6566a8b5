#pragma once
// The specified scalars Int (32-bit), Float, String, Boolean and ID, with the
// spec's result and input coercion rules and graphql-js's error messages.

#include <string>

#include "graphql/type/definition.h"

namespace myspace::graphql {

// Conversions for a specified scalar, or nullopt for any other name.
std::optional<ScalarFunctions> specified_scalar(std::string_view name);
bool is_specified_scalar(std::string_view name);

// Whether `functions.serialize` is a specified scalar's and returns `value`
// unchanged (a string for String, a 32-bit integer for Int...): the executor
// then copies the value as it is, skipping the call and its temporary.
bool serializes_unchanged(const ScalarFunctions& functions, const Value& value);

// graphql-js's inspect() for JSON values in messages: strings quoted,
// objects as { a: 1 }.
std::string inspect(const Value& value);

// A literal as plain JSON, without type information (enums become strings,
// variables null). Used by custom scalars' default parse_literal.
Value literal_to_json(const ast::Value& literal);

}  // namespace myspace::graphql
