// graphql_diff_runner: our engine's half of the differential tests against
// graphql-js (tests/graphql-diff/compare.mjs holds the other half). Reads
// cases as NDJSON on stdin — {"name", "query", "variables", "operationName",
// "hideSuggestions"?} —
// and writes one NDJSON result per case: {"name", "accepted", "errors",
// "data"?}. "accepted" means parsed and validated; "data" is present exactly
// when execution produced it. It never compares anything itself. Cases with
// "hideSuggestions" run against the same schema with introspection off, which
// is how our engine hides suggestions (graphql-js's hideSuggestions option).
//
//   graphql_diff_runner                 cases against the Star Wars test schema
//   graphql_diff_runner --schema FILE   cases against the SDL in FILE, no resolvers
//   graphql_diff_runner --print-sdl     the Star Wars schema's SDL, for graphql-js

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "graphql/graphql.h"
#include "graphql/testing/star_wars.h"

namespace {

namespace asio = boost::asio;
namespace json = boost::json;
namespace gql = myspace::graphql;

std::string string_member(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

json::object run_case(const gql::Schema& schema, bool star_wars, const json::object& input) {
  json::object out;
  out["name"] = string_member(input, "name");
  gql::RequestOptions options;
  gql::PreparedDocument prepared = gql::prepare(schema, string_member(input, "query"), options);
  out["accepted"] = prepared.errors.empty();
  if (!prepared.errors.empty()) {
    out["errors"] = gql::errors_to_json(prepared.errors);
    return out;
  }
  gql::ExecuteOptions execute_options;
  if (const json::value* v = input.if_contains("variables"); v != nullptr && v->is_object()) {
    execute_options.variables = v->get_object();
  }
  execute_options.operation_name = string_member(input, "operationName");
  if (star_wars) {
    execute_options.context = std::make_shared<gql::testing::StarWarsContext>();
  }
  asio::io_context io;
  json::object response;
  std::exception_ptr failure;
  asio::co_spawn(io, gql::execute(schema, *prepared.document, std::move(execute_options)),
                 [&](std::exception_ptr e, json::object r) {
                   failure = e;
                   response = std::move(r);
                 });
  io.run();
  if (failure) std::rethrow_exception(failure);
  out["errors"] = response.contains("errors") ? response.at("errors") : json::array();
  if (const json::value* data = response.if_contains("data")) out["data"] = *data;
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::shared_ptr<gql::Schema> schema;
    std::shared_ptr<gql::Schema> without_introspection;
    bool star_wars = true;
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "--print-sdl") {
      std::cout << myspace::graphql::testing::kStarWarsSdl;
      return 0;
    }
    if (mode == "--schema" && argc == 3) {
      schema = gql::Schema::from_sdl(read_file(argv[2]));
      star_wars = false;
    } else if (argc == 1) {
      schema = gql::testing::star_wars_schema();
      without_introspection = gql::testing::star_wars_schema();
      without_introspection->set_introspection(false);
    } else {
      std::cerr << "usage: graphql_diff_runner [--schema FILE | --print-sdl] < cases.ndjson\n";
      return 2;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.empty()) continue;
      json::object input = json::parse(line).as_object();
      const json::value* hide = input.if_contains("hideSuggestions");
      const bool hidden = hide != nullptr && hide->is_bool() && hide->get_bool();
      const gql::Schema& target =
          hidden && without_introspection ? *without_introspection : *schema;
      std::cout << json::serialize(run_case(target, star_wars, input)) << '\n';
    }
    std::cout.flush();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "graphql_diff_runner: " << e.what() << '\n';
    return 1;
  }
}
