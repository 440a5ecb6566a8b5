#pragma once
// The GraphQL gateway (:4000): verifies callers, serves /graphql and reaches
// the data stores and the auth service. This is its wiring: configuration
// (the API's schema, built from src/api's features and checked before
// anything binds) and, per worker, the database pool, the Redis client, the
// auth service client with its circuit breaker, the authenticator, the rate
// limiter, the API's services and the /graphql endpoint behind the access
// guard.

#include <filesystem>
#include <memory>
#include <string>

#include "common/config.h"
#include "graphql/type/schema.h"
#include "graphql_http/endpoint.h"
#include "services/dependencies.h"
#include "services/gateway/access_guard.h"
#include "services/gateway/auth_client.h"
#include "services/gateway/authenticator.h"
#include "services/runtime.h"

namespace myspace::gateway {

struct GatewayConfig {
  service::StoreConfig stores;
  std::string jwt_secret;        // JWT_SECRET
  std::string auth_service_url;  // AUTH_SERVICE_URL
  bool introspection = true;     // GRAPHQL_INTROSPECTION (default: off in production)
  // GRAPHIQL_ROOT (default web/graphiql/dist): the built GraphiQL, served at
  // GET /graphql to browsers while introspection is on (graphiql_page.h).
  std::filesystem::path graphiql_root;
  // api::build_schema(): every feature's SDL with its resolvers bound;
  // shared read-only by every worker.
  std::shared_ptr<const graphql::Schema> schema;
  graphql_http::EndpointOptions endpoint;
  // RATE_LIMIT_ANONYMOUS (100), RATE_LIMIT_AUTHENTICATED (1000),
  // RATE_LIMIT_SENSITIVE (10): requests per minute.
  RateLimits rate_limits;
  // SESSION_CHECK_CACHE_MS (5000, at most 5000): how long a worker trusts a
  // session it saw alive — the bound on refusing a revoked session.
  AuthenticatorOptions authentication;
  // AUTH_TIMEOUT_MS (3000), AUTH_MAX_ATTEMPTS (3), AUTH_BREAKER_FAILURES (5),
  // AUTH_BREAKER_OPEN_MS (5000).
  AuthClientOptions auth_client;

  // Throws config::ConfigError naming the variable.
  static GatewayConfig from_env(const config::Environment& env, bool production);
};

service::WorkerSetup make_setup(const GatewayConfig& config);

}  // namespace myspace::gateway
