#include "auth/jwt.h"

#include <jwt.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "common/error.h"

namespace myspace::auth {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

struct JwtDeleter {
  void operator()(jwt_t* jwt) const noexcept { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct CharDeleter {
  void operator()(char* text) const noexcept {
    std::free(text);
  }  // NOLINT: libjwt allocates with malloc
};
using CString = std::unique_ptr<char, CharDeleter>;

[[noreturn]] void reject(std::string reason) {
  throw Error(ErrorCode::kUnauthenticated, "invalid or expired token", std::move(reason));
}

std::string string_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr || !value->is_string() || value->get_string().empty()) {
    reject("claim " + std::string(name) + " missing or not a string");
  }
  return std::string(value->get_string());
}

// Seconds since the epoch, within [0, year 9999] so that adding the leeway
// can never overflow.
constexpr std::int64_t kLatestTime = 253'402'300'799;

std::int64_t time_claim(const boost::json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr || !value->is_int64()) {
    reject("claim " + std::string(name) + " missing or not an integer");
  }
  const std::int64_t seconds = value->get_int64();
  if (seconds < 0 || seconds > kLatestTime) reject("claim " + std::string(name) + " out of range");
  return seconds;
}

// Three base64url parts joined by dots, nothing else: libjwt reads the token
// as a C string, so a NUL byte would hide whatever follows it and give one
// token many accepted spellings. The header must be a JSON object whose alg
// is exactly HS256 (and whose typ, when present, is JWT). Checked before
// libjwt sees the token.
void check_header(std::string_view token) {
  const bool only_token_characters = std::all_of(token.begin(), token.end(), [](char c) {
    return c == '.' || kAlphabet.find(c) != std::string_view::npos;
  });
  if (!only_token_characters) reject("malformed token");
  const auto dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0) reject("malformed token");
  const auto second = token.find('.', dot + 1);
  if (second == std::string_view::npos || second == dot + 1 || second + 1 >= token.size() ||
      token.find('.', second + 1) != std::string_view::npos) {
    reject("malformed token");
  }
  bool ok = false;
  const std::string header_json = base64url_decode(token.substr(0, dot), ok);
  if (!ok) reject("malformed header encoding");
  boost::system::error_code ec;
  const boost::json::value header = boost::json::parse(header_json, ec);
  if (ec || !header.is_object()) reject("header is not a JSON object");
  const auto* alg = header.as_object().if_contains("alg");
  if (alg == nullptr || !alg->is_string() || alg->get_string() != "HS256") {
    reject("algorithm is not HS256");
  }
  const auto* typ = header.as_object().if_contains("typ");
  if (typ != nullptr && (!typ->is_string() || typ->get_string() != "JWT")) {
    reject("typ is not JWT");
  }
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8U) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> static_cast<unsigned>(bits)) & 0x3FU]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << static_cast<unsigned>(6 - bits)) & 0x3FU]);
  return out;
}

std::string base64url_decode(std::string_view text, bool& ok) {
  ok = false;
  if (text.size() % 4 == 1) return {};
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto index = kAlphabet.find(c);
    if (index == std::string_view::npos) return {};
    buffer = (buffer << 6U) | static_cast<std::uint32_t>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU));
    }
  }
  ok = true;
  return out;
}

AccessTokens::AccessTokens(std::string secret, TokenOptions options)
    : secret_(std::move(secret)), options_(std::move(options)) {
  if (secret_.empty()) throw std::invalid_argument("JWT secret must not be empty");
}

std::string AccessTokens::sign(std::string_view subject, std::string_view session_id,
                               std::string_view account_type,
                               std::chrono::system_clock::time_point now) const {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) throw std::runtime_error("jwt_new failed");
  const JwtPtr jwt(raw);
  const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto exp = iat + options_.lifetime.count();
  const std::string sub(subject);
  const std::string sid(session_id);
  const std::string acct(account_type);
  const auto check = [](int rc, std::string_view what) {
    if (rc != 0) {
      throw std::runtime_error("building the JWT failed at " + std::string(what) + ": " +
                               std::to_string(rc));
    }
  };
  check(jwt_add_grant(jwt.get(), "iss", options_.issuer.c_str()), "iss");
  check(jwt_add_grant(jwt.get(), "aud", options_.audience.c_str()), "aud");
  check(jwt_add_grant(jwt.get(), "sub", sub.c_str()), "sub");
  check(jwt_add_grant(jwt.get(), "sid", sid.c_str()), "sid");
  check(jwt_add_grant(jwt.get(), "acct", acct.c_str()), "acct");
  check(jwt_add_grant_int(jwt.get(), "iat", static_cast<long>(iat)), "iat");
  check(jwt_add_grant_int(jwt.get(), "exp", static_cast<long>(exp)), "exp");
  check(
      jwt_set_alg(jwt.get(), JWT_ALG_HS256, reinterpret_cast<const unsigned char*>(secret_.data()),
                  static_cast<int>(secret_.size())),
      "alg");
  const CString encoded(jwt_encode_str(jwt.get()));
  if (!encoded) throw std::runtime_error("jwt_encode_str failed");
  return std::string(encoded.get());
}

AccessClaims AccessTokens::verify(std::string_view token,
                                  std::chrono::system_clock::time_point now) const {
  return check(token, now, true);
}

AccessClaims AccessTokens::verify_ignoring_expiry(std::string_view token,
                                                  std::chrono::system_clock::time_point now) const {
  return check(token, now, false);
}

AccessClaims AccessTokens::check(std::string_view token, std::chrono::system_clock::time_point now,
                                 bool check_expiry) const {
  if (token.empty() || token.size() > kMaxTokenBytes) reject("empty or oversized token");
  check_header(token);

  const std::string text(token);
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, text.c_str(), reinterpret_cast<const unsigned char*>(secret_.data()),
                 static_cast<int>(secret_.size())) != 0 ||
      raw == nullptr) {
    reject("signature or encoding invalid");
  }
  const JwtPtr jwt(raw);
  if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256) reject("algorithm is not HS256");

  const CString grants(jwt_get_grants_json(jwt.get(), nullptr));
  if (!grants) reject("no claims");
  boost::system::error_code ec;
  const boost::json::value payload = boost::json::parse(grants.get(), ec);
  if (ec || !payload.is_object()) reject("claims are not a JSON object");
  const auto& claims = payload.as_object();

  AccessClaims out;
  out.issuer = string_claim(claims, "iss");
  if (out.issuer != options_.issuer) reject("wrong issuer");
  out.audience = string_claim(claims, "aud");
  if (out.audience != options_.audience) reject("wrong audience");
  out.subject = string_claim(claims, "sub");
  out.session_id = string_claim(claims, "sid");
  out.account_type = string_claim(claims, "acct");
  out.issued_at = std::chrono::sys_seconds(std::chrono::seconds(time_claim(claims, "iat")));
  out.expires_at = std::chrono::sys_seconds(std::chrono::seconds(time_claim(claims, "exp")));

  const auto now_s = std::chrono::time_point_cast<std::chrono::seconds>(now);
  if (check_expiry && now_s > out.expires_at + options_.leeway) reject("expired");
  if (out.issued_at > now_s + options_.leeway) reject("issued in the future");
  if (const auto* nbf = claims.if_contains("nbf")) {
    if (!nbf->is_int64() || nbf->get_int64() > kLatestTime ||
        std::chrono::sys_seconds(std::chrono::seconds(nbf->get_int64())) >
            now_s + options_.leeway) {
      reject("not yet valid");
    }
  }
  return out;
}

}  // namespace myspace::auth
