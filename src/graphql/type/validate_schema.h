#pragma once
// The spec's type system validation (section 3, "Type Validation" of each
// kind) as graphql-js's validateSchema: root types, reserved names, field and
// argument types, interface implementation, union members, enum values, input
// object cycles. Run once when the schema is built; every problem is reported.

#include <vector>

#include "graphql/error/graphql_error.h"
#include "graphql/language/ast.h"

namespace myspace::graphql {

class Schema;

std::vector<GraphQLError> validate_schema(const Schema& schema);

// Directive usages in SDL (graphql-js's SDL rules KnownDirectives,
// UniqueDirectivesPerLocation, KnownArgumentNamesOnDirectives,
// ProvidedRequiredArgumentsOnDirectives): a typo like @deprecate fails the build.
std::vector<GraphQLError> validate_sdl_directives(const Schema& schema, const ast::Document& sdl);

}  // namespace myspace::graphql
