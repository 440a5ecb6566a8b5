#pragma once
// Prints an AST back to GraphQL source in graphql-js's `print` format, so that
// documents normalise identically in both engines (cache keys, persisted
// queries, differential tests).

#include <string>

#include "graphql/language/ast.h"

namespace myspace::graphql {

std::string print(const ast::Document& document);
std::string print(const ast::Value& value);
std::string print(const ast::TypeRef& type);

// A string as a GraphQL string literal, escaping quotes, backslashes and
// control characters (graphql-js printString).
std::string print_string(std::string_view value);
// A string as a block string literal (graphql-js printBlockString).
std::string print_block_string(std::string_view value);

}  // namespace myspace::graphql
