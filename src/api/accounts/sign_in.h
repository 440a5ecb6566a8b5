#pragma once
// What the accounts feature needs from whoever registers and signs members in
// (the gateway's client of the auth service): the API layer states the
// interface, the gateway implements it, so dependencies keep pointing one way.
// Errors are myspace::Error codes: kBadRequest (naming the field),
// kUnauthenticated, kUnavailable, and UpstreamRateLimited.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <string>

#include "common/error.h"

namespace myspace::api {

struct RegisterRequest {
  std::string email;
  std::string password;
  std::string account_type;
  std::string username;
  std::string display_name;
};

struct AuthResult {
  std::string access_token;
  std::int64_t expires_in = 0;  // seconds
  std::string user_id;          // msf_id
  std::string account_type;
};

// The sign-in service refused with its own rate limit; retry_after is when
// it will accept again (its Retry-After).
class UpstreamRateLimited : public Error {
 public:
  UpstreamRateLimited(std::string message, std::chrono::seconds retry_after)
      : Error(ErrorCode::kRateLimited, std::move(message)), retry_after_(retry_after) {}
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  std::chrono::seconds retry_after_;
};

class SignIn {
 public:
  virtual ~SignIn() = default;
  virtual boost::asio::awaitable<AuthResult> register_user(RegisterRequest request,
                                                           std::string client_address,
                                                           std::string request_id) = 0;
  virtual boost::asio::awaitable<AuthResult> login(std::string email, std::string password,
                                                   std::string client_address,
                                                   std::string request_id) = 0;
};

}  // namespace myspace::api
