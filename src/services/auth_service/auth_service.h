#pragma once
// The auth service (:3002): owns credentials and sessions. This is its wiring:
// configuration, the process-wide pieces (bcrypt pool, token signer, in-process
// rate-limit fallback) and, per worker, the data stores and the routes
// (routes.h).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/config.h"
#include "services/dependencies.h"
#include "services/runtime.h"

namespace myspace::auth_service {

struct AuthConfig {
  service::StoreConfig stores;
  std::string jwt_secret;  // JWT_SECRET
  int bcrypt_cost = 12;    // BCRYPT_COST, 10..15
  // BCRYPT_THREADS (default: cores) and BCRYPT_QUEUE (jobs running + waiting).
  std::size_t bcrypt_threads = 2;
  std::size_t bcrypt_queue = 64;
  // The hashing threads yield the CPU to request handling (HashingPool):
  // SCHED_IDLE (BCRYPT_PRIORITY=idle), or BCRYPT_PRIORITY=nice with BCRYPT_NICE.
  bool bcrypt_idle = true;
  int bcrypt_nice = 10;
  // Requests per minute per client address on /register, /login, /refresh and
  // /password (AUTH_RATE_LIMIT, default 10 as the seed says).
  std::int64_t sensitive_per_minute = 10;
  // Peers whose X-Forwarded-For is believed (TRUSTED_PROXIES, e.g. the
  // gateway's address) when they also present the internal credential
  // (INTERNAL_API_SECRET, else derived from JWT_SECRET); everyone else is
  // identified by the socket's address.
  std::vector<std::string> trusted_proxies;
  std::string internal_credential;
  // Live sessions per user (MAX_SESSIONS_PER_USER); a login beyond ends the
  // one used least recently.
  int max_sessions_per_user = 100;
  bool production = false;  // refresh cookie gets `Secure`

  static AuthConfig from_env(const config::Environment& env, bool production);
};

service::WorkerSetup make_setup(const AuthConfig& config);

}  // namespace myspace::auth_service
