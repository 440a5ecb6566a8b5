#pragma once
// The gateway's client of the auth service (POST /register, POST /login), one
// per worker thread on that worker's http::Client. Every call has a deadline;
// a retry (exponential backoff with full jitter) happens only where it cannot
// do anything twice: login when the connection could not be made (nothing was
// sent), register only when the connection was refused. A circuit breaker
// makes calls fail fast with SERVICE_UNAVAILABLE while the service is down.
//
// The auth service's answers become myspace::Error codes: 400 and 409 ->
// kBadRequest, 401 -> kUnauthenticated, 429 -> api::UpstreamRateLimited (with
// the service's Retry-After), 5xx / unreachable / timeout -> kUnavailable; the
// service's own message is kept so that it names the field. It is the API's
// api::SignIn.
// The refresh-token cookie the service sets is dropped: GraphQL clients that
// want sessions that outlive the access token use the REST endpoints.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "api/accounts/sign_in.h"
#include "common/backoff.h"
#include "common/circuit_breaker.h"
#include "common/error.h"

namespace myspace::http {
class Client;
}

namespace myspace::gateway {

struct AuthClientOptions {
  std::string base_url = "http://127.0.0.1:3002";
  // Sent as X-Internal-Credential, so the auth service believes the client
  // address this gateway forwards (auth/internal_credential.h).
  std::string internal_credential = {};
  std::chrono::milliseconds timeout{3'000};  // per attempt
  int max_attempts = 3;
  std::chrono::milliseconds backoff_base{50};
  std::chrono::milliseconds backoff_max{1'000};
  BreakerOptions breaker{};
};

// Which transport failures a call may retry.
enum class RetryPolicy {
  kWhenNotConnected,  // nothing reached the service (connect or resolve failed)
  kWhenRefused,       // only a refused connection
};

// Whether `error` (an http::UpstreamError from http::Client) may be retried
// under `policy`. Any other error, and a timeout, never is.
bool may_retry(const Error& error, RetryPolicy policy) noexcept;

// The delays between attempts: uniformly random in
// [0, min(backoff_max, backoff_base * 2^retry)] ("full jitter").
BackoffPolicy retry_backoff(const AuthClientOptions& options) noexcept;

class AuthClient final : public api::SignIn {
 public:
  AuthClient(http::Client& http, AuthClientOptions options);

  boost::asio::awaitable<api::AuthResult> register_user(api::RegisterRequest request,
                                                        std::string client_address,
                                                        std::string request_id) override;
  boost::asio::awaitable<api::AuthResult> login(std::string email, std::string password,
                                                std::string client_address,
                                                std::string request_id) override;

 private:
  boost::asio::awaitable<api::AuthResult> call(std::string path, std::string body,
                                               std::string client_address, std::string request_id,
                                               RetryPolicy policy);

  http::Client& http_;
  AuthClientOptions options_;
  CircuitBreaker breaker_;
};

}  // namespace myspace::gateway
