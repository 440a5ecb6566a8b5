#pragma once
// What stands before /graphql on every request: authentication and the
// per-caller rate limit, then the GraphQL endpoint with a request context
// that carries who is asking.
//   1. Authorization: Bearer <jwt> -> Viewer (authenticator.h); none ->
//      anonymous. A bad token -> GraphQL error UNAUTHENTICATED, with HTTP 401
//      for application/graphql-response+json and 200 for application/json
//      (as graphql-over-http treats other request errors), and
//      WWW-Authenticate: Bearer error="invalid_token".
//   2. rate_limit:gateway:anon:{address} (RateLimits::anonymous per window) or
//      rate_limit:gateway:user:{msf_id} (RateLimits::authenticated), counted
//      atomically in Redis so every gateway process shares them; the
//      in-process fallback while Redis is unreachable (logged, in /ready).
//      Refused -> 429, Retry-After, RateLimit-Limit/Remaining/Reset and the
//      GraphQL code RATE_LIMITED. Every answer carries the RateLimit-* headers.
//   3. The endpoint runs; a resolver's own limit (register, login) turns the
//      response into a 429 the same way.
// The client address is the TCP peer: the gateway faces clients directly.

#include <boost/asio/awaitable.hpp>
#include <memory>

#include "auth/rate_limit.h"
#include "http/message.h"
#include "services/gateway/authenticator.h"
#include "services/gateway/graphql_endpoint.h"
#include "services/gateway/marketplace_schema.h"

namespace myspace::cache {
class Client;
}
namespace myspace::db {
class Pool;
}

namespace myspace::gateway {

class AuthClient;

struct GuardDependencies {
  Authenticator& authenticator;
  auth::RateLimiter& limiter;
  AuthClient& auth;
  db::Pool& pool;
  cache::Client* redis;
};

class AccessGuard {
 public:
  AccessGuard(GuardDependencies deps, RateLimits limits);

  // Wraps `endpoint` (built with context_factory()) as the /graphql handler.
  boost::asio::awaitable<http::Response> handle(http::Context& context, GraphqlEndpoint& endpoint);

  // The endpoint's ContextFactory: the RequestContext handle() prepared.
  static ContextFactory context_factory();

 private:
  GuardDependencies deps_;
  RateLimits limits_;
};

}  // namespace myspace::gateway
