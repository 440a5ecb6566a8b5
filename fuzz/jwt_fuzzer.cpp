// Fuzzes access-token verification (auth::AccessTokens::verify). Two kinds of
// input, chosen by the first byte:
//   even: the rest is a token as a client would send it;
//   odd:  the rest is "<header JSON>\n<claims JSON>" (or only claims, with
//         the standard HS256 header), which this target signs with the
//         verifier's secret, so that claim checking is reached too.
// verify must either return claims or throw myspace::Error(kUnauthenticated).
// When it accepts, an independent oracle must agree: the signature is the
// HMAC-SHA256 of the signed part under the secret, iss and aud are ours and
// the token has not expired at the verification time.

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "auth/jwt.h"
#include "common/error.h"

namespace {

namespace auth = myspace::auth;
using std::chrono::seconds;
using std::chrono::system_clock;

constexpr std::string_view kSecret = "fuzz-secret-key";
// 2023-11-14T22:13:20Z: fixed, so that checked-in tokens keep their meaning.
const system_clock::time_point kNow{seconds(1'700'000'000)};

std::string hmac_sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), kSecret.data(), static_cast<int>(kSecret.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest,
           &length) == nullptr) {
    std::abort();
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

// What must hold of any token verify() accepted.
void check_accepted(std::string_view token, const auth::AccessClaims& claims,
                    const auth::TokenOptions& options, bool expiry_checked) {
  const auto last_dot = token.rfind('.');
  if (last_dot == std::string_view::npos) std::abort();
  bool ok = false;
  const std::string signature = auth::base64url_decode(token.substr(last_dot + 1), ok);
  const std::string expected = hmac_sha256(token.substr(0, last_dot));
  if (!ok || signature.size() != expected.size() ||
      CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) != 0) {
    std::abort();  // accepted a token we did not sign
  }
  if (claims.issuer != options.issuer || claims.audience != options.audience) std::abort();
  if (claims.subject.empty() || claims.session_id.empty() || claims.account_type.empty()) {
    std::abort();
  }
  // Written so that no claim value can overflow: exp is any int64.
  const auto now = std::chrono::time_point_cast<seconds>(kNow);
  if (expiry_checked && claims.expires_at < now - options.leeway) std::abort();
}

void verify(const auth::AccessTokens& tokens, std::string_view token) {
  try {
    check_accepted(token, tokens.verify(token, kNow), tokens.options(), true);
  } catch (const myspace::Error& error) {
    if (error.code() != myspace::ErrorCode::kUnauthenticated) std::abort();
  }
  try {
    check_accepted(token, tokens.verify_ignoring_expiry(token, kNow), tokens.options(), false);
  } catch (const myspace::Error& error) {
    if (error.code() != myspace::ErrorCode::kUnauthenticated) std::abort();
  }
}

std::string sign(std::string_view input) {
  std::string_view header = R"({"alg":"HS256","typ":"JWT"})";
  std::string_view claims = input;
  if (const auto newline = input.find('\n'); newline != std::string_view::npos) {
    header = input.substr(0, newline);
    claims = input.substr(newline + 1);
  }
  std::string token = auth::base64url_encode(header) + "." + auth::base64url_encode(claims);
  return token + "." + auth::base64url_encode(hmac_sha256(token));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auth::AccessTokens tokens{std::string(kSecret)};
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if ((data[0] & 1U) == 0) {
    verify(tokens, rest);
  } else {
    verify(tokens, sign(rest));
  }
  return 0;
}
