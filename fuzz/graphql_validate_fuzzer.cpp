// Fuzzes validation: documents that parse are validated against the gateway's
// schema (schema/schema.graphql) with the spec's rules and the gateway's
// safety limits (depth 6, aliases 15, directives 50, cost 5000). Validation
// must return errors, never throw or crash. Inputs that hold type definitions
// are also built as a schema of their own, which must either succeed or throw
// SchemaError.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "graphql/error/graphql_error.h"
#include "graphql/language/parser.h"
#include "graphql/type/schema.h"
#include "graphql/validation/validate.h"

namespace {

namespace gql = myspace::graphql;

std::shared_ptr<gql::Schema> load_gateway_schema() {
  std::ifstream file(MYSPACE_SCHEMA_PATH);
  if (!file) {
    std::fprintf(stderr, "cannot read %s\n", MYSPACE_SCHEMA_PATH);
    std::abort();
  }
  std::stringstream text;
  text << file.rdbuf();
  return gql::Schema::from_sdl(text.str());
}

// The gateway's defaults (services/gateway/gateway_service.cpp).
std::vector<gql::RuleFactory> gateway_rules() {
  gql::Limits limits;
  limits.depth = gql::rules::DepthLimit{.max_depth = 6};
  limits.max_aliases = 15;
  limits.max_directives = 50;
  limits.cost = gql::rules::CostLimit{.max_cost = 5000};
  return gql::with_limits(gql::specified_rules(), limits);
}

bool has_type_definitions(const gql::ast::Document& document) {
  for (const auto& definition : document.definitions) {
    if (std::holds_alternative<gql::ast::TypeSystemDefinition>(definition)) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::shared_ptr<gql::Schema> schema = load_gateway_schema();
  static const std::vector<gql::RuleFactory> rules = gateway_rules();

  const std::string text(reinterpret_cast<const char*>(data), size);
  gql::ast::Document document;
  try {
    // The gateway's token limit is 1000; the fuzzer's inputs stay below it anyway.
    document = gql::parse(text, gql::ParseOptions{.max_tokens = 2000});
  } catch (const gql::GraphQLException&) {
    return 0;
  }
  const auto errors = gql::validate(*schema, document, rules);
  for (const auto& error : errors) {
    if (error.message.empty()) {
      std::fprintf(stderr, "a validation error without a message\n");
      std::abort();
    }
  }
  if (has_type_definitions(document)) {
    try {
      gql::Schema::from_sdl(text);
    } catch (const gql::SchemaError&) {
    }
  }
  return 0;
}
