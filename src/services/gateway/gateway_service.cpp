#include "services/gateway/gateway_service.h"

#include "api/features.h"
#include "auth/jwt.h"
#include "auth/sessions.h"
#include "cache/rate_limit.h"
#include "common/log.h"
#include "http/client.h"
#include "services/gateway/graphiql_page.h"

namespace myspace::gateway {

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
  config.auth_client.internal_credential =
      service::internal_credential_from_env(env, config.jwt_secret, production);
  config.auth_client.timeout =
      std::chrono::milliseconds(env.integer("AUTH_TIMEOUT_MS", 3000, 50, 60'000));
  config.auth_client.max_attempts = static_cast<int>(env.integer("AUTH_MAX_ATTEMPTS", 3, 1, 10));
  config.auth_client.breaker.failure_threshold =
      static_cast<int>(env.integer("AUTH_BREAKER_FAILURES", 5, 1, 1000));
  config.auth_client.breaker.open_for =
      std::chrono::milliseconds(env.integer("AUTH_BREAKER_OPEN_MS", 5000, 10, 600'000));
  auto schema = api::build_schema();
  config.graphiql_root = env.string("GRAPHIQL_ROOT", "web/graphiql/dist");
  schema->set_introspection(config.introspection);
  config.schema = std::move(schema);
  log::info("gateway.schema_built",
            {{"features", static_cast<std::int64_t>(api::features().size())},
             {"introspection", config.introspection}});
  return config;
}

service::WorkerSetup make_setup(const GatewayConfig& config) {
  // Shared by every worker thread: immutable or thread-safe.
  auto tokens = std::make_shared<auth::AccessTokens>(config.jwt_secret);
  auto local_limits = std::make_shared<cache::LocalRateLimiter>();
  auto graphiql = load_graphiql(config.introspection, config.graphiql_root);
  return [config, tokens, local_limits, graphiql](service::Worker& worker) {
    auto pool = service::add_database(worker, config.stores);
    auto redis = service::add_redis(worker, config.stores);
    auto http_client = std::make_shared<http::Client>(
        worker.io, http::ClientOptions{.default_timeout = config.auth_client.timeout,
                                       .user_agent = "myspace-gateway"});
    auto auth_client = std::make_shared<AuthClient>(*http_client, config.auth_client);
    auto sessions = std::make_shared<auth::SessionStore>(*redis);
    auto authenticator = std::make_shared<Authenticator>(*tokens, *sessions, config.authentication);
    auto limiter = std::make_shared<cache::RateLimiter>(*redis, *local_limits);
    auto services = std::make_shared<api::Services>(
        api::Services{.pool = *pool,
                      .redis = redis.get(),
                      .limiter = limiter.get(),
                      .sign_in = auth_client.get(),
                      .sensitive = {.per_window = config.rate_limits.sensitive,
                                    .window = config.rate_limits.window}});
    auto endpoint = std::make_shared<graphql_http::Endpoint>(config.schema, config.endpoint);
    auto guard = std::make_shared<AccessGuard>(*authenticator, *limiter, config.rate_limits,
                                               *services, *endpoint);
    // The worker keeps what its handler and probes use alive until it stops.
    for (std::shared_ptr<void> object :
         {std::shared_ptr<void>(tokens), std::shared_ptr<void>(local_limits),
          std::shared_ptr<void>(http_client), std::shared_ptr<void>(auth_client),
          std::shared_ptr<void>(sessions), std::shared_ptr<void>(authenticator),
          std::shared_ptr<void>(limiter), std::shared_ptr<void>(services),
          std::shared_ptr<void>(endpoint), std::shared_ptr<void>(guard)}) {
      worker.keep_alive.push_back(std::move(object));
    }
    // Visible in /ready while rate limits fall back to the in-process limiter.
    worker.readiness.push_back({"rate_limits", [limiter] { return limiter->ensure_shared(); }});
    const http::Handler handler = [guard](http::Context& context) {
      return guard->handle(context);
    };
    worker.router.get("/graphql", with_graphiql(graphiql, handler));
    worker.router.post("/graphql", handler);
    if (graphiql) worker.router.get(kGraphiqlAssetsRoute, graphiql_assets(graphiql));
  };
}

}  // namespace myspace::gateway
