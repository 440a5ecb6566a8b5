#include "services/gateway/gateway_service.h"

#include <fstream>
#include <sstream>

#include "common/log.h"
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
  // own queries (the web's LatestJobs: depth 3, ~25 tokens) are far inside.
  config.endpoint.parse.max_tokens =
      static_cast<std::size_t>(env.integer("GRAPHQL_MAX_TOKENS", 1000, 10, 1'000'000));
  graphql::Limits limits;
  limits.depth = graphql::rules::DepthLimit{
      .max_depth = static_cast<std::size_t>(env.integer("GRAPHQL_MAX_DEPTH", 6, 1, 100))};
  limits.max_aliases = static_cast<std::size_t>(env.integer("GRAPHQL_MAX_ALIASES", 15, 0, 10'000));
  limits.max_directives =
      static_cast<std::size_t>(env.integer("GRAPHQL_MAX_DIRECTIVES", 50, 0, 10'000));
  limits.cost = graphql::rules::CostLimit{
      .max_cost = static_cast<std::size_t>(env.integer("GRAPHQL_MAX_COST", 5000, 1, 10'000'000))};
  config.endpoint.rules = graphql::with_limits(graphql::specified_rules(), limits);
  config.schema_path = schema_path_from_env(env);
  auto schema = load_schema(config.schema_path);
  schema->set_introspection(config.introspection);
  config.schema = std::move(schema);
  log::info("gateway.schema_loaded",
            {{"path", config.schema_path.string()}, {"introspection", config.introspection}});
  return config;
}

service::WorkerSetup make_setup(const GatewayConfig& config) {
  return [config](service::Worker& worker) {
    auto pool = service::add_database(worker, config.stores);
    auto redis = service::add_redis(worker, config.stores);
    auto endpoint = std::make_shared<GraphqlEndpoint>(
        config.schema,
        [pool, redis](const http::Context& context) {
          return std::any(std::make_shared<RequestContext>(*pool, redis.get(), context.request_id));
        },
        config.endpoint);
    worker.keep_alive.push_back(endpoint);
    const http::Handler handler = [endpoint](http::Context& context) {
      return endpoint->handle(context);
    };
    worker.router.get("/graphql", handler);
    worker.router.post("/graphql", handler);
  };
}

}  // namespace myspace::gateway
