#pragma once
// The specified scalars Int (32-bit), Float, String, Boolean and ID, with the
// spec's result and input coercion rules and graphql-js's error messages.

#include <string>

#include "graphql/type/definition.h"

namespace myspace::graphql {

// Conversions for a specified scalar, or nullopt for any other name.
std::optional<ScalarFunctions> specified_scalar(std::string_view name);
bool is_specified_scalar(std::string_view name);

// Which values a scalar's serialize returns unchanged: for a specified
// scalar, the values already of its JSON kind (strings for String and ID,
// 32-bit integers for Int...); none for custom scalars. The executor copies
// such values as they are, skipping the call and its temporary.
enum class Passthrough { kNone, kString, kBoolean, kInt, kFloat };
Passthrough serialize_passthrough(const ScalarFunctions& functions);
bool passes_through(Passthrough passthrough, const Value& value);

// graphql-js's inspect() for JSON values in messages: strings quoted,
// objects as { a: 1 }.
std::string inspect(const Value& value);

// A literal as plain JSON, without type information (enums become strings,
// variables null). Used by custom scalars' default parse_literal.
Value literal_to_json(const ast::Value& literal);

}  // namespace myspace::graphql
