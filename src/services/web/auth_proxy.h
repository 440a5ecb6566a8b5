#pragma once
// The web service's /auth/* proxy: the browser reaches the auth service on the
// web app's own origin, as a production load balancer would route it. So the
// refresh cookie is first-party whichever host name the page was opened with
// (localhost or 127.0.0.1), and the front end needs no CORS for signing in.
//
// Only the auth service's public endpoints pass (register, login, refresh,
// logout, logout-all, password); anything else under /auth/ is a 404 that
// never reaches it (/health, /metrics, /verify stay internal). A request is
// sent once, never retried (a refresh token rotates on use), with a deadline
// and bounded bodies each way. The answer's status, body and the headers a
// browser needs (Set-Cookie, Cache-Control, Retry-After, RateLimit-*) come
// back; the refresh cookie's Path is narrowed to /auth, the only place the
// browser must send it.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/client.h"
#include "http/message.h"

namespace myspace::web {

struct AuthProxyOptions {
  std::string upstream;  // AUTH_SERVICE_URL, e.g. http://127.0.0.1:3002
  // Sent as X-Internal-Credential so that the auth service believes our
  // X-Forwarded-For (auth/internal_credential.h); empty: not sent, and every
  // client counts as this service's own address.
  std::string internal_credential{};
  std::chrono::milliseconds timeout{10'000};
  std::size_t max_request_bytes = 64 * 1024;
  std::size_t max_response_bytes = 256 * 1024;
};

// The prefix the proxy answers under, and the route pattern for it.
inline constexpr std::string_view kAuthPrefix = "/auth";
inline constexpr std::string_view kAuthRoute = "/auth/*endpoint";

// The auth service's path for a request target under /auth/ ("/auth/login?x"
// → "/login"), or nullopt when it names no public endpoint.
std::optional<std::string> upstream_path(std::string_view target);

// The headers sent upstream: the request's own content headers, credentials
// (Authorization, Cookie) and request id, X-Forwarded-For naming the peer
// that connected to us (never the client's own claim), and the internal
// credential that makes the auth service believe it, when there is one.
http::Headers forwarded_headers(const http::Context& context, std::string_view internal_credential);

// A Set-Cookie value with its Path attribute set to /auth (added when absent).
std::string scoped_cookie(std::string_view set_cookie);

class AuthProxy {
 public:
  AuthProxy(http::Client& client, AuthProxyOptions options);

  boost::asio::awaitable<http::Response> forward(http::Context& context) const;

  // The handler for kAuthRoute; shares ownership of the proxy.
  static http::Handler handler(std::shared_ptr<const AuthProxy> proxy);

  const AuthProxyOptions& options() const noexcept { return options_; }

 private:
  http::Client& client_;
  AuthProxyOptions options_;
};

}  // namespace myspace::web
