#pragma once
// The auth service's HTTP API, one instance per worker thread:
//   POST /register   {email,password,accountType,username,displayName} → 201 AuthPayload
//   POST /login      {email,password} → 200 AuthPayload | 401 (same for unknown email)
//   POST /verify     {token} or Authorization: Bearer → 200 {valid,claims} | 401
//   POST /refresh    cookie myspace_refresh or {refreshToken} → 200 AuthPayload (rotated)
//   POST /logout     the session whose access token (Bearer) or refresh token
//                    (cookie or {refreshToken}) is presented → 200; an id alone ends nothing
//   POST /logout-all every session of the caller (Bearer) → 200 {endedSessions}
//   POST /password   {currentPassword,newPassword,endOtherSessions} + Bearer → 200
// AuthPayload = {accessToken, tokenType:"Bearer", expiresIn, user:{id,email,
// username,displayName,accountType,profileCompletion,createdAt}}; the refresh
// token travels in an httpOnly SameSite=Lax cookie, and in the body only when a
// non-browser client asks ({"includeRefreshToken":true}) or sent it in the body.

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>
#include <vector>

#include "auth/hashing_pool.h"
#include "auth/jwt.h"
#include "auth/password_policy.h"
#include "auth/sessions.h"
#include "cache/rate_limit.h"
#include "http/message.h"
#include "http/router.h"
#include "services/auth_service/accounts.h"

namespace myspace::auth_service {

inline constexpr std::string_view kRefreshCookie = "myspace_refresh";

struct ApiOptions {
  std::int64_t sensitive_per_minute = 10;
  // Failed logins: per account and client address, and per account overall
  // (OWASP: at most 100 an hour on one account).
  std::int64_t failures_per_account_address = 10;
  std::int64_t failures_per_account = 100;
  // X-Forwarded-For is believed only from a peer in `trusted_proxies` that
  // also presents `internal_credential` (auth/internal_credential.h) in
  // X-Internal-Credential: every process on the gateway's host shares its
  // address, only the gateway has the credential. Empty: never believed.
  std::vector<std::string> trusted_proxies;
  std::string internal_credential = {};
  bool secure_cookie = false;
};

struct ApiDependencies {
  AccountStore& accounts;
  auth::SessionStore& sessions;
  cache::RateLimiter& limiter;
  auth::HashingPool& hasher;
  const auth::AccessTokens& tokens;
  const auth::PasswordPolicy& policy;
};

class AuthApi {
 public:
  AuthApi(ApiDependencies deps, ApiOptions options);

  void add_routes(http::Router& router);

  boost::asio::awaitable<http::Response> register_user(http::Context& ctx);
  boost::asio::awaitable<http::Response> login(http::Context& ctx);
  boost::asio::awaitable<http::Response> verify(http::Context& ctx);
  boost::asio::awaitable<http::Response> refresh(http::Context& ctx);
  boost::asio::awaitable<http::Response> logout(http::Context& ctx);
  boost::asio::awaitable<http::Response> logout_all(http::Context& ctx);
  boost::asio::awaitable<http::Response> change_password(http::Context& ctx);

 private:
  boost::asio::awaitable<std::optional<cache::RateDecision>> over_limit(std::string bucket,
                                                                        const http::Context& ctx);
  boost::asio::awaitable<auth::AccessClaims> authenticate(const http::Context& ctx);
  boost::asio::awaitable<void> rehash_if_outdated(const UserRecord& user, std::string password);
  std::string client_address(const http::Context& ctx) const;
  std::string refresh_cookie(std::string_view token) const;
  std::string cleared_cookie() const;

  ApiDependencies deps_;
  ApiOptions options_;
};

// The value of cookie `name` in a Cookie header, or "" when absent.
std::string_view cookie_value(std::string_view header, std::string_view name) noexcept;

}  // namespace myspace::auth_service
