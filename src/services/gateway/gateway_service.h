#pragma once
// The GraphQL gateway (:4000): verifies callers, serves /graphql and reaches
// the data stores and the auth service. This is its wiring.

#include <string>

#include "common/config.h"
#include "services/dependencies.h"
#include "services/runtime.h"

namespace myspace::gateway {

struct GatewayConfig {
  service::StoreConfig stores;
  std::string jwt_secret;        // JWT_SECRET
  std::string auth_service_url;  // AUTH_SERVICE_URL

  static GatewayConfig from_env(const config::Environment& env, bool production);
};

service::WorkerSetup make_setup(const GatewayConfig& config);

}  // namespace myspace::gateway
