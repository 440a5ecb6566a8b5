#include "services/dependencies.h"

#include <boost/asio/io_context.hpp>

#include "auth/internal_credential.h"

namespace myspace::service {

namespace {
constexpr std::string_view kDevelopmentJwtSecret = "dev-secret-key";
constexpr std::size_t kMinProductionSecretBytes = 32;
}  // namespace

StoreConfig StoreConfig::from_env(const config::Environment& env) {
  StoreConfig config;
  config.database_url =
      env.url("DATABASE_URL", "postgresql://myspace:myspace@127.0.0.1:5432/myspace",
              {"postgresql", "postgres"});
  config.redis_url = env.url("REDIS_URL", "redis://127.0.0.1:6379", {"redis"});
  config.pool_size = static_cast<std::size_t>(env.integer("DB_POOL_SIZE", 8, 1, 200));
  return config;
}

std::string jwt_secret_from_env(const config::Environment& env, bool production) {
  std::string secret = env.string("JWT_SECRET", kDevelopmentJwtSecret);
  if (production && secret == kDevelopmentJwtSecret) {
    throw config::ConfigError("JWT_SECRET", "the development default is refused in production");
  }
  if (production && secret.size() < kMinProductionSecretBytes) {
    throw config::ConfigError("JWT_SECRET", "must be at least 32 bytes in production");
  }
  return secret;
}

std::string internal_credential_from_env(const config::Environment& env,
                                         std::string_view jwt_secret, bool production) {
  const auto secret = env.get("INTERNAL_API_SECRET");
  if (secret && production && secret->size() < kMinProductionSecretBytes) {
    throw config::ConfigError("INTERNAL_API_SECRET", "must be at least 32 bytes in production");
  }
  return auth::internal_credential(secret ? *secret : jwt_secret);
}

db::PoolOptions pool_options(const StoreConfig& config) {
  db::PoolOptions options;
  options.connect.url = config.database_url;
  options.max_size = config.pool_size;
  return options;
}

std::shared_ptr<db::Pool> add_database(Worker& worker, const StoreConfig& config) {
  auto pool = std::make_shared<db::Pool>(worker.io.get_executor(), pool_options(config));
  worker.keep_alive.push_back(pool);
  worker.readiness.push_back({"postgres", [pool]() { return pool->ping(); }});
  return pool;
}

std::shared_ptr<cache::Client> add_redis(Worker& worker, const StoreConfig& config) {
  cache::ConnectionOptions options;
  options.url = config.redis_url;
  auto client = std::make_shared<cache::Client>(worker.io.get_executor(), options);
  client->start();
  worker.keep_alive.push_back(client);
  worker.readiness.push_back({"redis", [client]() { return client->ping(); }});
  return client;
}

}  // namespace myspace::service
