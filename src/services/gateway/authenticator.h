#pragma once
// Who is calling: the gateway's authentication of one request, one instance
// per worker thread. The Bearer access JWT is verified locally (HS256 pinned,
// issuer, audience, expiry: auth::AccessTokens; no network call). Revocation
// is the one thing a JWT cannot say, so the session it names is looked up in
// Redis (auth::SessionStore) — and a live answer is remembered per worker for
// at most `session_cache_ttl` (default and maximum 5 s). That is the bound: a
// logout or "log out everywhere" is refused by every gateway worker within
// session_cache_ttl; with a TTL of 0 every request asks Redis.
//
// The session must also agree with the token's claims (auth::claims_match):
// a token whose account type differs from its session's is refused, so the
// viewer's account type, which authorization reads, is always the session's.
//
// No Authorization header: anonymous (nullopt). A header that is not a valid
// Bearer token, a bad or expired token, or a session that has ended: throws
// Error(kUnauthenticated). Redis unable to answer about a session not in the
// cache: throws Error(kUnavailable) — never let a possibly revoked token in.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "auth/jwt.h"
#include "auth/sessions.h"
#include "market/access/policy.h"

namespace myspace::gateway {

using market::Viewer;

inline constexpr std::chrono::milliseconds kMaxSessionCacheTtl{5'000};

struct AuthenticatorOptions {
  std::chrono::milliseconds session_cache_ttl = kMaxSessionCacheTtl;
  std::size_t session_cache_entries = 10'000;
};

class Authenticator {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  Authenticator(const auth::AccessTokens& tokens, auth::SessionStore& sessions,
                AuthenticatorOptions options = {}, Clock clock = {});

  boost::asio::awaitable<std::optional<Viewer>> authenticate(std::string_view authorization);

  // Sessions remembered alive now (the cache's size; its test reads it).
  std::size_t cached_sessions() const noexcept { return live_.size(); }

 private:
  std::chrono::steady_clock::time_point now() const;
  void remember(const auth::Session& session);

  const auth::AccessTokens& tokens_;
  auth::SessionStore& sessions_;
  AuthenticatorOptions options_;
  Clock clock_;
  struct Live {
    std::string user_id;
    std::string account_type;
    std::chrono::steady_clock::time_point until;
  };
  std::unordered_map<std::string, Live> live_;  // session id -> last seen alive
};

}  // namespace myspace::gateway
