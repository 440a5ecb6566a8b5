#pragma once
// The GraphQL gateway (:4000): verifies callers, serves /graphql and reaches
// the data stores and the auth service. This is its wiring: configuration
// (including the schema file, loaded and checked before anything binds) and,
// per worker, the database pool, the Redis client, the auth service client
// with its circuit breaker, the authenticator, the rate limiter and the
// /graphql endpoint behind the access guard.

#include <filesystem>
#include <memory>
#include <string>

#include "common/config.h"
#include "graphql/type/schema.h"
#include "services/dependencies.h"
#include "services/gateway/auth_client.h"
#include "services/gateway/authenticator.h"
#include "services/gateway/graphql_endpoint.h"
#include "services/gateway/marketplace_schema.h"
#include "services/runtime.h"

namespace myspace::gateway {

struct GatewayConfig {
  service::StoreConfig stores;
  std::string jwt_secret;             // JWT_SECRET
  std::string auth_service_url;       // AUTH_SERVICE_URL
  std::filesystem::path schema_path;  // GRAPHQL_SCHEMA (default schema/schema.graphql)
  bool introspection = true;          // GRAPHQL_INTROSPECTION (default: off in production)
  // GRAPHIQL_ROOT (default web/graphiql/dist): the built GraphiQL, served at
  // GET /graphql to browsers while introspection is on (graphiql_page.h).
  std::filesystem::path graphiql_root;
  // Built from schema_path with the marketplace's resolvers bound; shared
  // read-only by every worker.
  std::shared_ptr<const graphql::Schema> schema;
  EndpointOptions endpoint;
  // RATE_LIMIT_ANONYMOUS (100), RATE_LIMIT_AUTHENTICATED (1000),
  // RATE_LIMIT_SENSITIVE (10): requests per minute.
  RateLimits rate_limits;
  // SESSION_CHECK_CACHE_MS (5000, at most 5000): how long a worker trusts a
  // session it saw alive — the bound on refusing a revoked session.
  AuthenticatorOptions authentication;
  // AUTH_TIMEOUT_MS (3000), AUTH_MAX_ATTEMPTS (3), AUTH_BREAKER_FAILURES (5),
  // AUTH_BREAKER_OPEN_MS (5000).
  AuthClientOptions auth_client;

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
