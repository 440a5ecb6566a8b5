#include "services/gateway/authenticator.h"

#include <algorithm>

#include "common/error.h"
#include "common/log.h"
#include "http/authorization.h"

namespace myspace::gateway {
namespace asio = boost::asio;

Authenticator::Authenticator(const auth::AccessTokens& tokens, auth::SessionStore& sessions,
                             AuthenticatorOptions options, Clock clock)
    : tokens_(tokens), sessions_(sessions), options_(options), clock_(std::move(clock)) {
  options_.session_cache_ttl =
      std::clamp(options_.session_cache_ttl, std::chrono::milliseconds(0), kMaxSessionCacheTtl);
  options_.session_cache_entries = std::max<std::size_t>(options_.session_cache_entries, 1);
}

std::chrono::steady_clock::time_point Authenticator::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

void Authenticator::remember(const auth::Session& session) {
  if (options_.session_cache_ttl.count() == 0) return;
  const auto at = now();
  if (live_.size() >= options_.session_cache_entries) {
    std::erase_if(live_, [at](const auto& entry) { return entry.second.until <= at; });
    // Still full of live entries: start over rather than grow (each entry is
    // only a shortcut; dropping one costs a Redis lookup).
    if (live_.size() >= options_.session_cache_entries) live_.clear();
  }
  live_[session.id] = Live{session.user_id, session.account_type, at + options_.session_cache_ttl};
}

asio::awaitable<std::optional<Viewer>> Authenticator::authenticate(std::string_view authorization) {
  const auto token = http::bearer_token(authorization);
  if (!token) co_return std::nullopt;
  if (token->empty()) {
    throw Error(ErrorCode::kUnauthenticated, "the Authorization header must be \"Bearer <token>\"");
  }
  // Signature (HS256 only), issuer, audience and expiry; throws kUnauthenticated.
  const auth::AccessClaims claims = tokens_.verify(*token);
  Viewer viewer{claims.subject, claims.account_type};

  const auto cached = live_.find(claims.session_id);
  if (cached != live_.end()) {
    if (cached->second.until > now()) {
      if (cached->second.user_id == claims.subject &&
          cached->second.account_type == claims.account_type) {
        co_return viewer;
      }
      throw Error(ErrorCode::kUnauthenticated, "the session has ended, please log in again",
                  "token claims differ from the session");
    }
    live_.erase(cached);
  }
  std::optional<auth::Session> session;
  try {
    session = co_await sessions_.find(claims.session_id);
  } catch (const Error& e) {
    log::warn("gateway.session_check_failed",
              {{"code", error_code_name(e.code())}, {"message", e.what()}, {"detail", e.detail()}});
    throw Error(ErrorCode::kUnavailable, "cannot check your session right now, please retry",
                e.detail());
  }
  if (!session || !auth::claims_match(*session, claims)) {
    throw Error(ErrorCode::kUnauthenticated, "the session has ended, please log in again",
                session ? "token claims differ from the session" : "session revoked or expired");
  }
  remember(*session);
  co_return viewer;
}

}  // namespace myspace::gateway
