#include "services/gateway/authenticator.h"

#include <algorithm>

#include "common/error.h"
#include "common/log.h"

namespace myspace::gateway {
namespace asio = boost::asio;

std::optional<std::string_view> bearer_token(std::string_view authorization) noexcept {
  constexpr std::string_view kScheme = "bearer ";
  while (!authorization.empty() && authorization.back() == ' ') authorization.remove_suffix(1);
  while (!authorization.empty() && authorization.front() == ' ') authorization.remove_prefix(1);
  if (authorization.empty()) return std::nullopt;
  if (authorization.size() <= kScheme.size()) return std::string_view{};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    char c = authorization[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kScheme[i]) return std::string_view{};
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  return token;
}

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
  const auto token = bearer_token(authorization);
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
