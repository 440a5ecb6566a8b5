#pragma once
// The gateway's /graphql handler: who is asking, whether they may ask now,
// then the GraphQL endpoint — one straight line per request:
//   1. negotiate the response media type once (graphql_http::negotiate);
//      nothing acceptable -> 406 from the endpoint.
//   2. Authorization: Bearer <jwt> -> Viewer (authenticator.h); none ->
//      anonymous. A bad token -> GraphQL error UNAUTHENTICATED, with HTTP 401
//      for application/graphql-response+json and 200 for application/json
//      (as graphql-over-http treats other request errors), and
//      WWW-Authenticate: Bearer error="invalid_token".
//   3. rate_limit:gateway:anon:{address} (RateLimits::anonymous per window) or
//      rate_limit:gateway:user:{msf_id} (RateLimits::authenticated), counted
//      atomically in Redis so every gateway process shares them; the
//      in-process fallback while Redis is unreachable (logged, in /ready).
//      Refused -> 429, Retry-After, RateLimit-Limit/Remaining/Reset and the
//      GraphQL code RATE_LIMITED. Every answer carries the RateLimit-* headers.
//   4. the API's request context (api::RequestContext: the viewer, the
//      worker's services) is built and handed to the endpoint, which runs the
//      operation; a resolver's own limit (register, login) turns the response
//      into a 429 the same way.
// The client address is the TCP peer: the gateway faces clients directly.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>

#include "api/request_context.h"
#include "cache/rate_limit.h"
#include "graphql_http/endpoint.h"
#include "http/message.h"
#include "services/gateway/authenticator.h"

namespace myspace::gateway {

// Requests per window (RATE_LIMIT_* variables): per client address while
// anonymous, per user once signed in, and per address for each of the
// sensitive mutations (register, login).
struct RateLimits {
  std::int64_t anonymous = 100;
  std::int64_t authenticated = 1000;
  std::int64_t sensitive = 10;
  std::chrono::milliseconds window{60'000};
};

class AccessGuard {
 public:
  AccessGuard(Authenticator& authenticator, cache::RateLimiter& limiter, RateLimits limits,
              const api::Services& services, graphql_http::Endpoint& endpoint);

  // The handler for GET and POST /graphql.
  boost::asio::awaitable<http::Response> handle(http::Context& http);

 private:
  Authenticator& authenticator_;
  cache::RateLimiter& limiter_;
  RateLimits limits_;
  const api::Services& services_;
  graphql_http::Endpoint& endpoint_;
};

}  // namespace myspace::gateway
