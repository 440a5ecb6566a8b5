#include "services/auth_service/auth_service.h"

#include "auth/password.h"

namespace myspace::auth_service {

AuthConfig AuthConfig::from_env(const config::Environment& env, bool production) {
  AuthConfig config;
  config.stores = service::StoreConfig::from_env(env);
  config.jwt_secret = service::jwt_secret_from_env(env, production);
  config.bcrypt_cost = static_cast<int>(
      env.integer("BCRYPT_COST", 12, auth::kMinBcryptCost, auth::kMaxBcryptCost));
  return config;
}

service::WorkerSetup make_setup(const AuthConfig& config) {
  return [config](service::Worker& worker) {
    service::add_database(worker, config.stores);
    service::add_redis(worker, config.stores);
  };
}

}  // namespace myspace::auth_service
