#pragma once
// Access tokens: short-lived JWTs signed with HS256 (libjwt), carrying
//   iss "myspace-auth", aud "myspace", sub = the user's msf_id,
//   sid = the session id, acct = the account type, iat, exp.
// verify() pins the algorithm: the header must say exactly HS256 before libjwt
// is asked to check the signature, so `alg: none`, RS256 and key-confusion
// tokens fail. Then iss, aud and exp (with a small leeway) are checked.
//
// Immutable after construction: one instance may be shared by every thread.
// Stateless: whether the session behind a token was revoked is SessionStore's
// question, not this one's. Knows nothing of HTTP.

#include <chrono>
#include <string>
#include <string_view>

namespace myspace::auth {

struct AccessClaims {
  std::string issuer;
  std::string audience;
  std::string subject;       // sub: the user's msf_id
  std::string session_id;    // sid
  std::string account_type;  // acct: FREELANCER | CLIENT | COMPANY | AGENCY
  std::chrono::sys_seconds issued_at;
  std::chrono::sys_seconds expires_at;
};

struct TokenOptions {
  std::string issuer = "myspace-auth";
  std::string audience = "myspace";
  std::chrono::seconds lifetime{15 * 60};
  // Tolerated clock skew between the signer and a verifier.
  std::chrono::seconds leeway{30};
};

// Tokens longer than this are refused before any parsing.
inline constexpr std::size_t kMaxTokenBytes = 8 * 1024;

class AccessTokens {
 public:
  // Throws std::invalid_argument when `secret` is empty.
  explicit AccessTokens(std::string secret, TokenOptions options = {});

  std::string sign(
      std::string_view subject, std::string_view session_id, std::string_view account_type,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;

  // The token's claims, or throws myspace::Error(kUnauthenticated) with a
  // generic message ("invalid or expired token") and the reason in detail().
  AccessClaims verify(std::string_view token, std::chrono::system_clock::time_point now =
                                                  std::chrono::system_clock::now()) const;

  // The same checks except expiry: for ending a session whose access token
  // has just expired (logout). Never use it to authorize anything.
  AccessClaims verify_ignoring_expiry(
      std::string_view token,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;

  const TokenOptions& options() const noexcept { return options_; }

 private:
  AccessClaims check(std::string_view token, std::chrono::system_clock::time_point now,
                     bool check_expiry) const;
  std::string secret_;
  TokenOptions options_;
};

// RFC 4648 §5 base64url without padding. decode sets `ok` to false on a
// character outside the alphabet or an impossible length.
std::string base64url_encode(std::string_view bytes);
std::string base64url_decode(std::string_view text, bool& ok);

}  // namespace myspace::auth
