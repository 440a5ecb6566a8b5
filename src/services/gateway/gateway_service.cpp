#include "services/gateway/gateway_service.h"

#include <fstream>
#include <sstream>

#include "auth/jwt.h"
#include "auth/rate_limit.h"
#include "auth/sessions.h"
#include "common/log.h"
#include "http/client.h"
#include "services/gateway/access_guard.h"
#include "services/gateway/marketplace_schema.h"

namespace myspace::gateway {
namespace {

constexpr std::string_view kDefaultSchemaPath = "schema/schema.graphql";

// GRAPHQL_SCHEMA when set; otherwise schema/schema.graphql under the working
// directory (the scripts run services from the repository root).
std::filesystem::path schema_path_from_env(const config::Environment& env) {
  return env.string("GRAPHQL_SCHEMA", kDefaultSchemaPath);
}

}  // namespace

std::shared_ptr<graphql::Schema> load_schema(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw config::ConfigError("GRAPHQL_SCHEMA", "cannot read the schema file " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    auto schema = graphql::Schema::from_sdl(text.str());
    bind_marketplace(*schema);
    return schema;
  } catch (const graphql::SchemaError& e) {
    std::string problems;
    for (const auto& error : e.errors()) {
      problems += "\n  " + path.string();
      if (!error.locations.empty()) {
        problems += ":" + std::to_string(error.locations.front().line) + ":" +
                    std::to_string(error.locations.front().column);
      }
      problems += ": " + error.message;
    }
    throw config::ConfigError("GRAPHQL_SCHEMA", "invalid schema " + path.string() + problems);
  } catch (const graphql::GraphQLException& e) {
    std::string where = path.string();
    if (!e.error().locations.empty()) {
      where += ":" + std::to_string(e.error().locations.front().line) + ":" +
               std::to_string(e.error().locations.front().column);
    }
    throw config::ConfigError("GRAPHQL_SCHEMA", "invalid schema " + where + ": " + e.what());
  }
}

GatewayConfig GatewayConfig::from_env(const config::Environment& env, bool production) {
  GatewayConfig config;
  config.stores = service::StoreConfig::from_env(env);
  config.jwt_secret = service::jwt_secret_from_env(env, production);
  config.auth_service_url = env.url("AUTH_SERVICE_URL", "http://127.0.0.1:3002", {"http", "https"});
  config.introspection = env.boolean("GRAPHQL_INTROSPECTION", !production);
  // Safety limits, refused before execution. graphql-armor's defaults; our
  // own queries (the web's LatestJobs: depth 3, ~25 tokens) are far inside,
  // and so is the standard introspection query (183 tokens, 2068 characters;
  // its depth and cost have bounds of their own, rules.h).
  config.endpoint.parse.max_tokens =
      static_cast<std::size_t>(env.integer("GRAPHQL_MAX_TOKENS", 1000, 10, 1'000'000));
  // The document's own bound, apart from the body's (which also carries the
  // variables): graphql-armor's character limit, counted as graphql-js does.
  config.endpoint.parse.max_source_length =
      static_cast<std::size_t>(env.integer("GRAPHQL_MAX_DOCUMENT_LENGTH", 15'000, 100, 10'000'000));
  graphql::Limits limits;
  limits.depth = graphql::rules::DepthLimit{
      .max_depth = static_cast<std::size_t>(env.integer("GRAPHQL_MAX_DEPTH", 6, 1, 100))};
  limits.max_aliases = static_cast<std::size_t>(env.integer("GRAPHQL_MAX_ALIASES", 15, 0, 10'000));
  limits.max_directives =
      static_cast<std::size_t>(env.integer("GRAPHQL_MAX_DIRECTIVES", 50, 0, 10'000));
  limits.cost = graphql::rules::CostLimit{
      .max_cost = static_cast<std::size_t>(env.integer("GRAPHQL_MAX_COST", 5000, 1, 10'000'000))};
  config.endpoint.rules = graphql::with_limits(graphql::specified_rules(), limits);
  config.rate_limits.anonymous = env.integer("RATE_LIMIT_ANONYMOUS", 100, 1, 100'000'000);
  config.rate_limits.authenticated = env.integer("RATE_LIMIT_AUTHENTICATED", 1000, 1, 100'000'000);
  config.rate_limits.sensitive = env.integer("RATE_LIMIT_SENSITIVE", 10, 1, 100'000'000);
  config.authentication.session_cache_ttl = std::chrono::milliseconds(env.integer(
      "SESSION_CHECK_CACHE_MS", kMaxSessionCacheTtl.count(), 0, kMaxSessionCacheTtl.count()));
  config.auth_client.base_url = config.auth_service_url;
  config.auth_client.timeout =
      std::chrono::milliseconds(env.integer("AUTH_TIMEOUT_MS", 3000, 50, 60'000));
  config.auth_client.max_attempts = static_cast<int>(env.integer("AUTH_MAX_ATTEMPTS", 3, 1, 10));
  config.auth_client.breaker.failure_threshold =
      static_cast<int>(env.integer("AUTH_BREAKER_FAILURES", 5, 1, 1000));
  config.auth_client.breaker.open_for =
      std::chrono::milliseconds(env.integer("AUTH_BREAKER_OPEN_MS", 5000, 10, 600'000));
  config.schema_path = schema_path_from_env(env);
  auto schema = load_schema(config.schema_path);
  schema->set_introspection(config.introspection);
  config.schema = std::move(schema);
  log::info("gateway.schema_loaded",
            {{"path", config.schema_path.string()}, {"introspection", config.introspection}});
  return config;
}

service::WorkerSetup make_setup(const GatewayConfig& config) {
  // Shared by every worker thread: immutable or thread-safe.
  auto tokens = std::make_shared<auth::AccessTokens>(config.jwt_secret);
  auto local_limits = std::make_shared<auth::LocalRateLimiter>();
  return [config, tokens, local_limits](service::Worker& worker) {
    auto pool = service::add_database(worker, config.stores);
    auto redis = service::add_redis(worker, config.stores);
    auto http_client = std::make_shared<http::Client>(
        worker.io, http::ClientOptions{.default_timeout = config.auth_client.timeout,
                                       .user_agent = "myspace-gateway"});
    auto auth_client = std::make_shared<AuthClient>(*http_client, config.auth_client);
    auto sessions = std::make_shared<auth::SessionStore>(*redis);
    auto authenticator = std::make_shared<Authenticator>(*tokens, *sessions, config.authentication);
    auto limiter = std::make_shared<auth::RateLimiter>(*redis, *local_limits);
    auto guard = std::make_shared<AccessGuard>(
        GuardDependencies{*authenticator, *limiter, *auth_client, *pool, redis.get()},
        config.rate_limits);
    auto endpoint = std::make_shared<GraphqlEndpoint>(config.schema, AccessGuard::context_factory(),
                                                      config.endpoint);
    // The worker keeps what its handler and probes use alive until it stops.
    for (std::shared_ptr<void> object :
         {std::shared_ptr<void>(tokens), std::shared_ptr<void>(local_limits),
          std::shared_ptr<void>(http_client), std::shared_ptr<void>(auth_client),
          std::shared_ptr<void>(sessions), std::shared_ptr<void>(authenticator),
          std::shared_ptr<void>(limiter), std::shared_ptr<void>(guard),
          std::shared_ptr<void>(endpoint)}) {
      worker.keep_alive.push_back(std::move(object));
    }
    // Visible in /ready while rate limits fall back to the in-process limiter.
    worker.readiness.push_back({"rate_limits", [limiter] { return limiter->ensure_shared(); }});
    const http::Handler handler = [guard, endpoint](http::Context& context) {
      return guard->handle(context, *endpoint);
    };
    worker.router.get("/graphql", handler);
    worker.router.post("/graphql", handler);
  };
}

}  // namespace myspace::gateway
