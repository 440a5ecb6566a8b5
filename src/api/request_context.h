#pragma once
// What one GraphQL request's resolvers share, and the one way they reach it
// (context_of). The gateway builds it per request, after authentication and
// the per-caller rate limit, and hands it to the endpoint, which hands it to
// the engine as info.context: one straight line, no lookups on the way.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cache/rate_limit.h"
#include "graphql/execution/data_loader.h"
#include "graphql/type/definition.h"
#include "market/access/policy.h"
#include "market/users/user.h"

namespace myspace::cache {
class Client;
}
namespace myspace::db {
class Pool;
}

namespace myspace::api {

class SignIn;

// Requests per window that register and login each allow per client address
// (RATE_LIMIT_SENSITIVE), on top of the per-caller limit.
struct SensitiveLimit {
  std::int64_t per_window = 10;
  std::chrono::milliseconds window{60'000};
};

// A worker's long-lived services, owned by the gateway's worker and shared by
// the requests it serves.
struct Services {
  db::Pool& pool;
  cache::Client* redis = nullptr;         // null: no caching (PostgreSQL answers)
  cache::RateLimiter* limiter = nullptr;  // null: no per-mutation limits
  SignIn* sign_in = nullptr;              // null: register and login are unavailable
  SensitiveLimit sensitive{};
};

// A member by internal id, loaded in batches (one query per batch).
using UserLoader = graphql::DataLoader<std::int64_t, std::shared_ptr<const market::User>>;

class RequestContext {
 public:
  RequestContext(const Services& services, std::string request_id, std::string client_address,
                 std::optional<market::Viewer> viewer);

  const Services& services;
  const std::string request_id;
  const std::string client_address;
  // Who is asking (nullopt: anonymous). register and login set it for the
  // rest of their request: the caller has just proved who they are.
  std::optional<market::Viewer> viewer;
  UserLoader users;
  // Set when a resolver's own rate limit refused the request: the HTTP
  // response becomes 429 with Retry-After and RateLimit-* from it.
  std::optional<cache::RateDecision> refused;
};

// The request's context, as the gateway passed it (a std::shared_ptr in info.context).
RequestContext& context_of(const graphql::ResolveInfo& info);

}  // namespace myspace::api
