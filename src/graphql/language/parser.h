#pragma once
// The GraphQL parser (spec sections 2 and 3): a recursive-descent parser for
// executable documents and the type system definition language, producing an
// ast::Document. Syntax errors are GraphQLExceptions with graphql-js's messages
// ("Syntax Error: Expected Name, found "}".") and the line and column.

#include <cstddef>
#include <string>
#include <string_view>

#include "graphql/language/ast.h"

namespace myspace::graphql {

struct ParseOptions {
  // Refuse a source longer than this many characters before reading it (0:
  // no limit), counted as graphql-js's maxSourceLength counts: UTF-16 code
  // units. The gateway's bound on the document apart from the request body's:
  // a document's work grows with its length (a 1 MB string literal is one
  // token), and requests carry more than the document.
  std::size_t max_source_length = 0;
  // Stop with a syntax error after this many tokens (0: no limit). The
  // gateway's safety limits use it to bound parsing work per request.
  std::size_t max_tokens = 0;
  // Nesting of selection sets, lists, objects and type wrappers. Bounds the
  // parser's recursion so hostile input cannot exhaust the stack.
  std::size_t max_depth = 256;
  // Directives on directive definitions (`directive @old @deprecated on
  // FIELD`) and `extend directive`: graphql-js 16.15's
  // experimentalDirectivesOnDirectiveDefinitions. Schemas turn it on; in an
  // executable document it stays a syntax error, as in graphql-js.
  bool directives_on_directive_definitions = false;
};

ast::Document parse(std::string source, const ParseOptions& options = {});

// Parses a lone value. Its names and numbers view `source`, which must outlive it.
ast::Value parse_value(std::string_view source, const ParseOptions& options = {});

}  // namespace myspace::graphql
