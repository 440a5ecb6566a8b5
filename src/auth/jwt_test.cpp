#include "auth/jwt.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

#include "common/error.h"

namespace myspace::auth {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

const std::string kSecret = "unit-test-secret-that-is-32-bytes!!";
const system_clock::time_point kNow{seconds(1'800'000'000)};

// A token with any header and payload, HMAC-SHA256-signed with `secret`.
std::string forge(std::string_view header, std::string_view payload,
                  std::string_view secret = kSecret) {
  const std::string signing_input = base64url_encode(header) + "." + base64url_encode(payload);
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(),
       mac.data(), &length);
  return signing_input + "." +
         base64url_encode(std::string_view(reinterpret_cast<const char*>(mac.data()), length));
}

std::string payload(std::string_view aud = "myspace", std::int64_t exp = 1'800'000'900) {
  return R"({"iss":"myspace-auth","aud":")" + std::string(aud) +
         R"(","sub":"usr_a","sid":"ses_b","acct":"CLIENT","iat":1800000000,"exp":)" +
         std::to_string(exp) + "}";
}

std::string reason_refused(const AccessTokens& tokens, const std::string& token,
                           system_clock::time_point now = kNow) {
  try {
    tokens.verify(token, now);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnauthenticated);
    EXPECT_STREQ(e.what(), "invalid or expired token");
    return e.detail();
  }
  return "";
}

TEST(Jwt, SignsAndVerifiesTheClaims) {
  const AccessTokens tokens(kSecret);
  const auto token = tokens.sign("usr_123", "ses_456", "FREELANCER", kNow);
  const auto claims = tokens.verify(token, kNow + seconds(60));
  EXPECT_EQ(claims.issuer, "myspace-auth");
  EXPECT_EQ(claims.audience, "myspace");
  EXPECT_EQ(claims.subject, "usr_123");
  EXPECT_EQ(claims.session_id, "ses_456");
  EXPECT_EQ(claims.account_type, "FREELANCER");
  EXPECT_EQ(claims.issued_at.time_since_epoch(), seconds(1'800'000'000));
  EXPECT_EQ(claims.expires_at - claims.issued_at, seconds(900));
}

TEST(Jwt, AForgedTokenWithOurSecretVerifies) {
  // Guards the forging helper itself: the refusals below are about the claims.
  const AccessTokens tokens(kSecret);
  EXPECT_EQ(tokens.verify(forge(R"({"alg":"HS256","typ":"JWT"})", payload()), kNow).subject,
            "usr_a");
}

// Found by fuzzing: exp near INT64_MAX overflowed when the leeway was added.
TEST(Jwt, RefusesTimesOutOfRange) {
  const AccessTokens tokens(kSecret);
  const std::string header = R"({"alg":"HS256","typ":"JWT"})";
  EXPECT_EQ(reason_refused(tokens, forge(header, payload("myspace", INT64_MAX))),
            "claim exp out of range");
  EXPECT_EQ(reason_refused(tokens, forge(header, payload("myspace", -1))),
            "claim exp out of range");
}

TEST(Jwt, RefusesAlgNone) {
  const AccessTokens tokens(kSecret);
  const std::string unsigned_token =
      base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + base64url_encode(payload()) + ".";
  EXPECT_FALSE(reason_refused(tokens, unsigned_token).empty());
  // Even with a valid HMAC appended, "none" is not HS256.
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"none"})", payload())),
            "algorithm is not HS256");
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"NONE"})", payload())),
            "algorithm is not HS256");
}

TEST(Jwt, RefusesOtherAlgorithmsAndKeyConfusion) {
  const AccessTokens tokens(kSecret);
  // RS256 header but an HMAC made with the shared secret (the classic confusion).
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"RS256"})", payload())),
            "algorithm is not HS256");
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"HS512"})", payload())),
            "algorithm is not HS256");
  EXPECT_EQ(reason_refused(tokens, forge(R"({"typ":"JWT"})", payload())), "algorithm is not HS256");
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"HS256","typ":"JWE"})", payload())),
            "typ is not JWT");
}

TEST(Jwt, RefusesAWrongSignature) {
  const AccessTokens tokens(kSecret);
  const AccessTokens other("another-secret-another-secret-xyz");
  EXPECT_EQ(reason_refused(tokens, other.sign("usr_a", "ses_b", "CLIENT", kNow)),
            "signature or encoding invalid");
}

// A token has one encoding. libjwt reads it as a C string, so a NUL byte
// would hide whatever follows it (found by fuzz/jwt_fuzzer); anything but
// base64url characters and the two dots is refused before libjwt sees it.
TEST(Jwt, RefusesAnyOtherEncodingOfTheSameToken) {
  const AccessTokens tokens(kSecret);
  const auto token = tokens.sign("usr_a", "ses_b", "CLIENT", kNow);
  ASSERT_EQ(reason_refused(tokens, token), "");
  EXPECT_EQ(reason_refused(tokens, token + std::string(1, '\0') + "anything"), "malformed token");
  EXPECT_EQ(reason_refused(tokens, token + " "), "malformed token");
  EXPECT_EQ(reason_refused(tokens, token + "="), "malformed token");
  for (const std::string_view suffix : {"A", "AAAA", "x", "-_"}) {
    EXPECT_EQ(reason_refused(tokens, token + std::string(suffix)), "signature or encoding invalid")
        << "suffix " << suffix;
  }
  // 43 characters carry 258 bits for 256: the last one has 2 spare bits.
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string spare_bits = token;
  spare_bits.back() = kAlphabet[kAlphabet.find(spare_bits.back()) ^ 1U];
  EXPECT_EQ(reason_refused(tokens, spare_bits), "signature or encoding invalid");
}

TEST(Jwt, RefusesATamperedPayload) {
  const AccessTokens tokens(kSecret);
  const auto token = tokens.sign("usr_a", "ses_b", "CLIENT", kNow);
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  bool ok = false;
  std::string body = base64url_decode(token.substr(first + 1, second - first - 1), ok);
  ASSERT_TRUE(ok);
  const auto at = body.find("CLIENT");
  ASSERT_NE(at, std::string::npos);
  body.replace(at, 6, "AGENCY");
  const auto tampered =
      token.substr(0, first) + "." + base64url_encode(body) + token.substr(second);
  EXPECT_EQ(reason_refused(tokens, tampered), "signature or encoding invalid");
}

TEST(Jwt, RefusesAnotherAudienceOrIssuer) {
  const AccessTokens tokens(kSecret);
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"HS256"})", payload("billing"))),
            "wrong audience");
  const AccessTokens foreign(kSecret, TokenOptions{.issuer = "someone-else"});
  EXPECT_EQ(reason_refused(tokens, foreign.sign("usr_a", "ses_b", "CLIENT", kNow)), "wrong issuer");
  // An array audience is not accepted either.
  EXPECT_FALSE(reason_refused(
                   tokens, forge(R"({"alg":"HS256"})", R"({"iss":"myspace-auth","aud":["myspace"],)"
                                                       R"("sub":"u","sid":"s","acct":"CLIENT",)"
                                                       R"("iat":1800000000,"exp":1800000900})"))
                   .empty());
}

TEST(Jwt, ExpiresWithASmallLeeway) {
  const AccessTokens tokens(kSecret);
  const auto token = tokens.sign("usr_a", "ses_b", "CLIENT", kNow);
  EXPECT_NO_THROW(tokens.verify(token, kNow + seconds(900 + 30)));
  EXPECT_EQ(reason_refused(tokens, token, kNow + seconds(900 + 31)), "expired");
  EXPECT_EQ(reason_refused(tokens, token, kNow - seconds(31)), "issued in the future");
  // Logout may name the session of an expired token, but the signature must hold.
  EXPECT_EQ(tokens.verify_ignoring_expiry(token, kNow + std::chrono::hours(5)).session_id, "ses_b");
  const AccessTokens other("another-secret-another-secret-xyz");
  EXPECT_THROW(other.verify_ignoring_expiry(token, kNow), Error);
}

TEST(Jwt, RefusesMissingClaimsAndGarbage) {
  const AccessTokens tokens(kSecret);
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"HS256"})",
                                         R"({"iss":"myspace-auth","aud":"myspace","sub":"u",)"
                                         R"("acct":"CLIENT","iat":1800000000,"exp":1800000900})")),
            "claim sid missing or not a string");
  EXPECT_EQ(reason_refused(tokens, forge(R"({"alg":"HS256"})",
                                         R"({"iss":"myspace-auth","aud":"myspace","sub":"u",)"
                                         R"("sid":"s","acct":"CLIENT","iat":1800000000,)"
                                         R"("exp":"1800000900"})")),
            "claim exp missing or not an integer");
  for (const char* garbage : {"", "abc", "a.b", "a.b.c.d", "..", "!!.??.**"}) {
    EXPECT_FALSE(reason_refused(tokens, garbage).empty()) << garbage;
  }
  EXPECT_EQ(reason_refused(tokens, std::string(kMaxTokenBytes + 1, 'a')),
            "empty or oversized token");
}

TEST(Jwt, Base64UrlRoundTrips) {
  for (const std::string& text : std::vector<std::string>{
           "", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\xff\xfe\x00", 3)}) {
    bool ok = false;
    EXPECT_EQ(base64url_decode(base64url_encode(text), ok), text);
    EXPECT_TRUE(ok);
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  bool ok = true;
  base64url_decode("ab+/", ok);
  EXPECT_FALSE(ok);
}

TEST(Jwt, RefusesAnEmptySecret) {
  EXPECT_THROW(AccessTokens(""), std::invalid_argument);
}

}  // namespace
}  // namespace myspace::auth
