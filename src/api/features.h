#pragma once
// The marketplace's GraphQL API as a list of features. Adding a feature
// means a folder under src/api/ with its SDL and its bind function, its SDL
// file in CMakeLists.txt and one line in features(): see
// docs/architecture.md, "How to add a feature".

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/schema.h"

namespace myspace::api {

struct Feature {
  std::string_view
      name;  // the folder: src/api/<name>/, src/market/<name>/, web/src/features/<name>/
  std::string_view sdl_path;  // under src/api/
  void (*bind)(graphql::Schema& schema);
};

// Every feature, in the order their SDL is joined.
const std::vector<Feature>& features();

// The whole schema's SDL: the roots (schema.graphql), then each feature's,
// each under a comment naming its file. What the gateway serves, and what
// schema/schema.graphql holds as a checked-in snapshot (`myspace schema`).
std::string schema_sdl();

// The schema built from schema_sdl() with every feature's resolvers bound.
// Throws graphql::SchemaError listing every problem (an SDL error, a
// resolver bound to a field the SDL lacks).
std::shared_ptr<graphql::Schema> build_schema();

}  // namespace myspace::api
