#pragma once
// The GraphQL gateway (:4000): verifies callers, serves /graphql and reaches
// the data stores and the auth service. This is its wiring: configuration
// (including the schema file, loaded and checked before anything binds) and,
// per worker, the database pool, the Redis client and the /graphql endpoint.

#include <filesystem>
#include <memory>
#include <string>

#include "common/config.h"
#include "graphql/type/schema.h"
#include "services/dependencies.h"
#include "services/gateway/graphql_endpoint.h"
#include "services/runtime.h"

namespace myspace::gateway {

struct GatewayConfig {
  service::StoreConfig stores;
  std::string jwt_secret;             // JWT_SECRET
  std::string auth_service_url;       // AUTH_SERVICE_URL
  std::filesystem::path schema_path;  // GRAPHQL_SCHEMA (default schema/schema.graphql)
  bool introspection = true;          // GRAPHQL_INTROSPECTION (default: off in production)
  // Built from schema_path with the marketplace's resolvers bound; shared
  // read-only by every worker.
  std::shared_ptr<const graphql::Schema> schema;
  EndpointOptions endpoint;

  // Throws config::ConfigError naming the variable (GRAPHQL_SCHEMA when the
  // schema file is missing or invalid).
  static GatewayConfig from_env(const config::Environment& env, bool production);
};

// The schema file's text parsed, validated and bound to the marketplace's
// resolvers. Throws config::ConfigError("GRAPHQL_SCHEMA", …) listing every
// problem.
std::shared_ptr<graphql::Schema> load_schema(const std::filesystem::path& path);

service::WorkerSetup make_setup(const GatewayConfig& config);

}  // namespace myspace::gateway
