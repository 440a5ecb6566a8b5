#pragma once
// Wiring of the data stores a service uses: one PostgreSQL pool and one Redis
// client per worker (shared-nothing), each registered as a /ready check, and
// the JWT secret and the internal credential, checked once at start-up.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "cache/client.h"
#include "common/config.h"
#include "db/pool.h"
#include "services/runtime.h"

namespace myspace::service {

struct StoreConfig {
  std::string database_url;   // DATABASE_URL
  std::string redis_url;      // REDIS_URL
  std::size_t pool_size = 8;  // DB_POOL_SIZE, per worker thread

  static StoreConfig from_env(const config::Environment& env);
};

// JWT_SECRET. In production the seed's development default and secrets shorter
// than 32 bytes are refused: a guessable HMAC key lets anyone mint tokens.
std::string jwt_secret_from_env(const config::Environment& env, bool production);

// The credential the gateway sends the auth service so that its
// X-Forwarded-For is believed (auth/internal_credential.h): derived from
// INTERNAL_API_SECRET when set, else from `jwt_secret` (JWT_SECRET, which both
// services share, so nothing more needs configuring). In production a set
// INTERNAL_API_SECRET shorter than 32 bytes is refused, like JWT_SECRET.
std::string internal_credential_from_env(const config::Environment& env,
                                         std::string_view jwt_secret, bool production);

db::PoolOptions pool_options(const StoreConfig& config);

// Adds this worker's pool and a "postgres" readiness check. The pool connects
// lazily, so a service starts while the database is down and /ready says 503
// until it answers.
std::shared_ptr<db::Pool> add_database(Worker& worker, const StoreConfig& config);

// Adds this worker's Redis client (reconnecting in the background) and a
// "redis" readiness check.
std::shared_ptr<cache::Client> add_redis(Worker& worker, const StoreConfig& config);

}  // namespace myspace::service
