#include "services/auth_service/auth_service.h"

#include <thread>

#include "auth/hashing_pool.h"
#include "auth/jwt.h"
#include "auth/password.h"
#include "auth/password_policy.h"
#include "auth/sessions.h"
#include "cache/rate_limit.h"
#include "services/auth_service/accounts.h"
#include "services/auth_service/routes.h"

namespace myspace::auth_service {

AuthConfig AuthConfig::from_env(const config::Environment& env, bool production) {
  AuthConfig config;
  config.stores = service::StoreConfig::from_env(env);
  config.jwt_secret = service::jwt_secret_from_env(env, production);
  config.bcrypt_cost =
      static_cast<int>(env.integer("BCRYPT_COST", 12, auth::kMinBcryptCost, auth::kMaxBcryptCost));
  const auto cores = static_cast<std::int64_t>(std::max(1U, std::thread::hardware_concurrency()));
  config.bcrypt_threads = static_cast<std::size_t>(env.integer("BCRYPT_THREADS", cores, 1, 256));
  config.bcrypt_queue = static_cast<std::size_t>(env.integer("BCRYPT_QUEUE", 64, 1, 100'000));
  const auto priority = env.string("BCRYPT_PRIORITY", "idle");
  if (priority != "idle" && priority != "nice") {
    throw config::ConfigError("BCRYPT_PRIORITY", "must be \"idle\" or \"nice\"");
  }
  config.bcrypt_idle = priority == "idle";
  config.bcrypt_nice = static_cast<int>(env.integer("BCRYPT_NICE", 10, 0, 19));
  config.sensitive_per_minute = env.integer("AUTH_RATE_LIMIT", 10, 1, 1'000'000);
  config.trusted_proxies = env.list("TRUSTED_PROXIES", "");
  config.internal_credential =
      service::internal_credential_from_env(env, config.jwt_secret, production);
  config.max_sessions_per_user =
      static_cast<int>(env.integer("MAX_SESSIONS_PER_USER", 100, 1, 10'000));
  config.production = production;
  return config;
}

service::WorkerSetup make_setup(const AuthConfig& config) {
  // Shared by every worker thread: immutable or thread-safe.
  auto hasher = std::make_shared<auth::HashingPool>(auth::HashingPoolOptions{
      .cost = config.bcrypt_cost,
      .threads = config.bcrypt_threads,
      .max_pending = config.bcrypt_queue,
      .priority = config.bcrypt_idle ? auth::HashingPriority::kIdle : auth::HashingPriority::kNice,
      .thread_nice = config.bcrypt_nice});
  auto tokens = std::make_shared<auth::AccessTokens>(config.jwt_secret);
  auto local_limits = std::make_shared<cache::LocalRateLimiter>();
  const auth::PasswordPolicy& policy = auth::PasswordPolicy::standard();

  return [config, hasher, tokens, local_limits, &policy](service::Worker& worker) {
    // Nothing the auth API accepts comes near this; larger bodies get 413.
    worker.server_options.body_limit = 16 * 1024;
    auto pool = service::add_database(worker, config.stores);
    auto redis = service::add_redis(worker, config.stores);
    auto accounts = std::make_shared<AccountStore>(*pool);
    auto sessions = std::make_shared<auth::SessionStore>(
        *redis, auth::SessionOptions{.max_per_user = config.max_sessions_per_user});
    auto limiter = std::make_shared<cache::RateLimiter>(*redis, *local_limits);
    auto api = std::make_shared<AuthApi>(
        ApiDependencies{*accounts, *sessions, *limiter, *hasher, *tokens, policy},
        ApiOptions{.sensitive_per_minute = config.sensitive_per_minute,
                   .trusted_proxies = config.trusted_proxies,
                   .internal_credential = config.internal_credential,
                   .secure_cookie = config.production});
    // Destroyed in reverse order of use: the API first, the hasher last.
    // The setup function may be gone before the worker is (tests call it once):
    // the worker keeps what it uses.
    worker.keep_alive.push_back(hasher);
    worker.keep_alive.push_back(tokens);
    worker.keep_alive.push_back(local_limits);
    worker.keep_alive.push_back(accounts);
    worker.keep_alive.push_back(sessions);
    worker.keep_alive.push_back(limiter);
    worker.keep_alive.push_back(api);
    api->add_routes(worker.router);
    // Visible in /ready while rate limits fall back to the in-process limiter.
    worker.readiness.push_back({"rate_limits", [limiter] { return limiter->ensure_shared(); }});
  };
}

}  // namespace myspace::auth_service
