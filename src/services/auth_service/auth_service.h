#pragma once
// The auth service (:3002): owns credentials and sessions. This is its wiring:
// configuration, the data stores, and its routes.

#include <string>

#include "common/config.h"
#include "services/dependencies.h"
#include "services/runtime.h"

namespace myspace::auth_service {

struct AuthConfig {
  service::StoreConfig stores;
  std::string jwt_secret;  // JWT_SECRET
  int bcrypt_cost = 12;    // BCRYPT_COST, 10..15

  static AuthConfig from_env(const config::Environment& env, bool production);
};

service::WorkerSetup make_setup(const AuthConfig& config);

}  // namespace myspace::auth_service
