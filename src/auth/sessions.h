#pragma once
// Sessions and refresh tokens, kept in Redis:
//   session:{sessionId}     JSON {uid, acct, hash, prev, created, abs}; TTL = the
//                           sliding lifetime (7 days), never past the absolute
//                           expiry `abs` (30 days after login)
//   user_sessions:{userId}  SET of that user's session ids ("log out everywhere"),
//                           at most max_per_user live ones: a new login beyond
//                           that ends the session used least recently, so neither
//                           the set nor the scan each login makes of it grows
//                           without bound
// A refresh token is "<sessionId>.<32 random bytes, base64url>". Only its SHA-256
// (hex) is stored. Every refresh rotates it; the last few hashes are kept in
// `prev`, and presenting one of them again (a stolen token replayed, or the
// thief's copy after the victim refreshed) deletes the whole session. Every
// multi-step change is one Lua script, so concurrent requests cannot interleave.
//
// A SessionStore wraps one worker's cache::Client: same threading rules (one per
// io_context). Redis failures propagate as myspace::Error (kUnavailable/kTimeout).

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/jwt.h"

namespace myspace::cache {
class Client;
}

namespace myspace::auth {

struct SessionOptions {
  std::chrono::seconds sliding_ttl{7 * 24 * 3600};
  std::chrono::seconds absolute_lifetime{30 * 24 * 3600};
  // Rotated-out refresh hashes remembered for reuse detection.
  int remembered_hashes = 8;
  // Live sessions one user may have (devices, browsers); logging in again
  // beyond this ends the one used least recently.
  int max_per_user = 100;
};

struct Session {
  std::string id;
  std::string user_id;  // msf_id
  std::string account_type;
  std::chrono::sys_seconds created_at;
  std::chrono::sys_seconds absolute_expiry;
};

struct IssuedSession {
  Session session;
  std::string refresh_token;  // give to the client once; never stored or logged
};

enum class RefreshOutcome {
  kRotated,  // new token issued
  kUnknown,  // malformed token, no such session, or a hash never issued for it
  kExpired,  // past the absolute lifetime (the session is deleted)
  kReused,   // an already rotated token: the session was revoked
};

struct RefreshResult {
  RefreshOutcome outcome = RefreshOutcome::kUnknown;
  Session session;            // set for kRotated and kReused
  std::string refresh_token;  // set for kRotated
};

// "session:" + id, "user_sessions:" + user id.
std::string session_key(std::string_view session_id);
std::string user_sessions_key(std::string_view user_id);
// A fresh refresh token for `session_id`.
std::string new_refresh_token(std::string_view session_id);
// Lower-case hex SHA-256 of the whole token.
std::string hash_refresh_token(std::string_view token);
// The session id a well-formed refresh token names, else nullopt.
std::optional<std::string> session_id_of(std::string_view refresh_token);
// What logs say instead of a session id: 12 hex digits of a SHA-256 of it,
// enough to follow one session through the logs. A session id is not a
// secret on its own, but a log should not hand out the one half of a refresh
// token it names; the id (~131 random bits) cannot be recovered from this.
std::string session_fingerprint(std::string_view session_id);
// Whether an access token's claims belong to `session`: the same subject and
// the same account type. A token whose account type differs (minted with the
// signing key, or left over from before a change) is not an access token of
// that session, so nothing may be authorized on its claim.
bool claims_match(const Session& session, const AccessClaims& claims) noexcept;

class SessionStore {
 public:
  explicit SessionStore(cache::Client& redis, SessionOptions options = {});

  boost::asio::awaitable<IssuedSession> create(
      std::string user_id, std::string account_type,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

  boost::asio::awaitable<RefreshResult> refresh(
      std::string refresh_token,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

  // The live session, or nullopt when it expired or was revoked.
  boost::asio::awaitable<std::optional<Session>> find(std::string session_id);

  // Deletes one session; false when it did not exist. For callers that have
  // already proven they may (an access token of that session, verified).
  boost::asio::awaitable<bool> revoke(std::string session_id);

  // Deletes the session `refresh_token` names if the token is its current
  // refresh token or one rotated out of it (a holder of either once held the
  // session); returns the ended session. A well-formed token with any other
  // secret ends nothing: a session id alone is no proof.
  boost::asio::awaitable<std::optional<Session>> revoke_holding(std::string refresh_token);

  // Deletes every session of `user_id` except `keep` (may be empty); returns how many.
  boost::asio::awaitable<std::int64_t> revoke_all(std::string user_id, std::string keep = {});

  const SessionOptions& options() const noexcept { return options_; }

 private:
  cache::Client& redis_;
  SessionOptions options_;
};

}  // namespace myspace::auth
