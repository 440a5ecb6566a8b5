#include "services/gateway/gateway_service.h"

namespace myspace::gateway {

GatewayConfig GatewayConfig::from_env(const config::Environment& env, bool production) {
  GatewayConfig config;
  config.stores = service::StoreConfig::from_env(env);
  config.jwt_secret = service::jwt_secret_from_env(env, production);
  config.auth_service_url =
      env.url("AUTH_SERVICE_URL", "http://127.0.0.1:3002", {"http", "https"});
  return config;
}

service::WorkerSetup make_setup(const GatewayConfig& config) {
  return [config](service::Worker& worker) {
    service::add_database(worker, config.stores);
    service::add_redis(worker, config.stores);
  };
}

}  // namespace myspace::gateway
