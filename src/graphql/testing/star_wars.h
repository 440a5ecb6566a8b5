#pragma once
// The Star Wars schema bound to in-memory resolvers, for the engine's tests:
// async and sync resolvers, a DataLoader for friends, custom scalars, errors.

#include <boost/json/object.hpp>
#include <memory>
#include <string>
#include <vector>

#include "graphql/execution/data_loader.h"
#include "graphql/language/ast.h"
#include "graphql/testing/star_wars_schema.h"
#include "graphql/type/schema.h"

namespace myspace::graphql::testing {

// Per-request state, passed to execute() as the context (a shared_ptr).
struct StarWarsContext {
  StarWarsContext();
  DataLoader<std::string, Value> characters;
  std::vector<std::string> log;  // appendLog entries, in execution order
  std::vector<boost::json::object> reviews;
};

std::shared_ptr<Schema> star_wars_schema();

// Runs `query` to completion on a fresh io_context and returns the response.
boost::json::object run(const Schema& schema, const std::string& query,
                        boost::json::object variables = {}, std::string operation_name = {},
                        std::shared_ptr<StarWarsContext> context = nullptr);

}  // namespace myspace::graphql::testing
