#include "services/auth_service/routes.h"

#include <array>
#include <boost/json/object.hpp>

#include "auth/account_input.h"
#include "auth/internal_credential.h"
#include "auth/password.h"
#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/sha256.h"
#include "common/sleep.h"
#include "db/errors.h"
#include "http/authorization.h"
#include "http/errors.h"
#include "http/json.h"
#include "services/rate_limit_headers.h"

namespace myspace::auth_service {
namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;
using boost::beast::http::field;

namespace {

constexpr auto kMinute = std::chrono::milliseconds(60'000);
constexpr auto kHour = std::chrono::milliseconds(3'600'000);
// A throttled account answers this much later: slows a distributed guesser
// without refusing its owner.
constexpr auto kThrottledAccountDelay = 1s;
constexpr std::size_t kMaxPasswordBytes = 4 * 128;  // 128 characters of up to 4 bytes

struct Metrics {
  metrics::Counter& logins_ok;
  metrics::Counter& logins_failed;
  metrics::Counter& registrations;
  metrics::Counter& refresh_ok;
  metrics::Counter& refresh_failed;
  metrics::Counter& reuse_detected;
  metrics::Counter& rate_limited;
  metrics::Counter& password_changes;
  metrics::Counter& forwarding_refused;

  static Metrics& get() {
    static Metrics m{
        metrics::Registry::global().counter("auth_logins_total", "Login attempts",
                                            R"(result="ok")"),
        metrics::Registry::global().counter("auth_logins_total", "Login attempts",
                                            R"(result="failed")"),
        metrics::Registry::global().counter("auth_registrations_total", "Accounts registered"),
        metrics::Registry::global().counter("auth_refresh_total", "Refresh-token rotations",
                                            R"(result="ok")"),
        metrics::Registry::global().counter("auth_refresh_total", "Refresh-token rotations",
                                            R"(result="failed")"),
        metrics::Registry::global().counter(
            "auth_refresh_reuse_total", "Rotated refresh tokens presented again (session revoked)"),
        metrics::Registry::global().counter("auth_rate_limited_total",
                                            "Requests refused by a rate limit"),
        metrics::Registry::global().counter("auth_password_changes_total", "Passwords changed"),
        metrics::Registry::global().counter(
            "auth_internal_credential_refused_total",
            "Requests whose X-Internal-Credential was wrong (X-Forwarded-For ignored)"),
    };
    return m;
  }
};

// A string field of the body: absent → "<name> is required" (when required),
// another JSON type → "<name> must be a string", over `max_bytes` → too long,
// holding a NUL ("\u0000") → refused: below us text is a C string (libpq,
// libjwt), and a check made on the whole value must not disagree with a use
// of its prefix.
std::string string_field(const json::object& body, std::string_view name, std::size_t max_bytes,
                         bool required = true) {
  const auto* value = body.if_contains(name);
  if (value == nullptr || value->is_null()) {
    if (required) throw Error(ErrorCode::kBadRequest, std::string(name) + " is required");
    return {};
  }
  if (!value->is_string()) {
    throw Error(ErrorCode::kBadRequest, std::string(name) + " must be a string");
  }
  if (value->get_string().size() > max_bytes) {
    throw Error(ErrorCode::kBadRequest, std::string(name) + " is too long");
  }
  if (value->get_string().find('\0') != json::string::npos) {
    throw Error(ErrorCode::kBadRequest, std::string(name) + " must not contain NUL characters");
  }
  return std::string(value->get_string());
}

bool bool_field(const json::object& body, std::string_view name) {
  const auto* value = body.if_contains(name);
  if (value == nullptr || value->is_null()) return false;
  if (!value->is_bool())
    throw Error(ErrorCode::kBadRequest, std::string(name) + " must be a boolean");
  return value->get_bool();
}

json::object body_object(const http::Request& request) {
  json::value body = http::parse_json_body(request);
  if (!body.is_object()) throw Error(ErrorCode::kBadRequest, "the body must be a JSON object");
  return std::move(body.as_object());
}

// Optional body: requests with no body at all are allowed (cookie-only refresh).
json::object optional_body(const http::Request& request) {
  if (request.body().empty()) return {};
  return body_object(request);
}

json::object user_json(const UserRecord& user) {
  return json::object{
      {"id", user.public_id},
      {"email", user.email},
      {"username", user.username},
      {"displayName", user.display_name},
      {"accountType", user.account_type},
      {"profileCompletion", user.profile_completion},
      {"createdAt", user.created_at},
  };
}

http::Response too_many(const http::Context& ctx, const cache::RateDecision& decision) {
  Metrics::get().rate_limited.inc();
  auto response =
      http::error_response(ErrorCode::kRateLimited, "too many requests, please try again later",
                           ctx.request_id, ctx.request.version());
  service::refuse_rate_limited(response, decision);
  return response;
}

void no_store(http::Response& response) {
  response.set(field::cache_control, "no-store");
  response.set(field::pragma, "no-cache");
}

[[noreturn]] void invalid_credentials() {
  throw Error(ErrorCode::kUnauthenticated, "invalid email or password");
}

}  // namespace

std::string_view cookie_value(std::string_view header, std::string_view name) noexcept {
  while (!header.empty()) {
    const auto end = header.find(';');
    std::string_view pair = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = pair.substr(0, eq);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    if (key != name) continue;
    std::string_view value = pair.substr(eq + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '"')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '"')) value.remove_suffix(1);
    return value;
  }
  return {};
}

AuthApi::AuthApi(ApiDependencies deps, ApiOptions options)
    : deps_(deps), options_(std::move(options)) {
  Metrics::get();
}

void AuthApi::add_routes(http::Router& router) {
  const auto bind = [this](auto method) {
    return [this, method](http::Context& ctx) { return (this->*method)(ctx); };
  };
  router.post("/register", bind(&AuthApi::register_user));
  router.post("/login", bind(&AuthApi::login));
  router.post("/verify", bind(&AuthApi::verify));
  router.post("/refresh", bind(&AuthApi::refresh));
  router.post("/logout", bind(&AuthApi::logout));
  router.post("/logout-all", bind(&AuthApi::logout_all));
  router.post("/password", bind(&AuthApi::change_password));
}

std::string AuthApi::client_address(const http::Context& ctx) const {
  std::string peer = ctx.peer.to_string();
  std::string_view forwarded = ctx.request["X-Forwarded-For"];
  if (forwarded.empty()) return peer;
  const bool trusted = std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(),
                                 peer) != options_.trusted_proxies.end();
  if (!trusted) return peer;
  // Any local process connects from the gateway's address; the credential
  // tells the gateway apart. Without it the caller is its socket's address,
  // so made-up addresses buy no fresh rate-limit budget.
  const std::string_view credential = ctx.request[auth::kInternalCredentialHeader];
  if (!auth::internal_credential_matches(credential, options_.internal_credential)) {
    if (!credential.empty()) {
      // Most likely the two services were given different secrets: then every
      // client would share the gateway's budget, so say so.
      Metrics::get().forwarding_refused.inc();
      log::warn("auth.internal_credential_refused",
                {{"peer", peer}, {"request_id", ctx.request_id}});
    }
    return peer;
  }
  // The proxy appends the address it saw: the last entry is the one we can trust.
  const auto comma = forwarded.rfind(',');
  if (comma != std::string_view::npos) forwarded.remove_prefix(comma + 1);
  while (!forwarded.empty() && forwarded.front() == ' ') forwarded.remove_prefix(1);
  while (!forwarded.empty() && forwarded.back() == ' ') forwarded.remove_suffix(1);
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(forwarded, ec);
  return ec ? peer : address.to_string();
}

std::string AuthApi::refresh_cookie(std::string_view token) const {
  std::string cookie = std::string(kRefreshCookie) + "=" + std::string(token) +
                       "; HttpOnly; SameSite=Lax; Path=/; Max-Age=" +
                       std::to_string(deps_.sessions.options().sliding_ttl.count());
  if (options_.secure_cookie) cookie += "; Secure";
  return cookie;
}

std::string AuthApi::cleared_cookie() const {
  std::string cookie = std::string(kRefreshCookie) + "=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0";
  if (options_.secure_cookie) cookie += "; Secure";
  return cookie;
}

asio::awaitable<std::optional<cache::RateDecision>> AuthApi::over_limit(std::string bucket,
                                                                        const http::Context& ctx) {
  const auto decision = co_await deps_.limiter.hit(bucket + ":" + client_address(ctx),
                                                   options_.sensitive_per_minute, kMinute);
  if (!decision.allowed) {
    log::warn("auth.rate_limited", {{"bucket", bucket},
                                    {"client", client_address(ctx)},
                                    {"local", decision.local},
                                    {"request_id", ctx.request_id}});
    co_return decision;
  }
  co_return std::nullopt;
}

asio::awaitable<auth::AccessClaims> AuthApi::authenticate(const http::Context& ctx) {
  const auto token = http::bearer_token(ctx.request[field::authorization]).value_or("");
  if (token.empty()) throw Error(ErrorCode::kUnauthenticated, "an access token is required");
  auth::AccessClaims claims = deps_.tokens.verify(token);
  const auto session = co_await deps_.sessions.find(claims.session_id);
  if (!session || !auth::claims_match(*session, claims)) {
    throw Error(ErrorCode::kUnauthenticated, "the session has ended, please log in again",
                session ? "token claims differ from the session" : "session revoked or expired");
  }
  co_return claims;
}

asio::awaitable<http::Response> AuthApi::register_user(http::Context& ctx) {
  if (auto limited = co_await over_limit("auth:register", ctx)) co_return too_many(ctx, *limited);

  const json::object body = body_object(ctx.request);
  const std::string email = auth::normalize_email(string_field(body, "email", 1024));
  const std::string password = string_field(body, "password", kMaxPasswordBytes);
  const std::string account_type =
      auth::validate_account_type(string_field(body, "accountType", 64));
  const std::string username = auth::validate_username(string_field(body, "username", 256));
  const std::string display_name =
      auth::normalize_display_name(string_field(body, "displayName", 1024));
  const std::string local_part = email.substr(0, email.find('@'));
  if (auto problem = deps_.policy.problem(password, {email, local_part, username})) {
    throw Error(ErrorCode::kBadRequest, *problem);
  }

  std::string password_hash = co_await deps_.hasher.hash(password);
  NewUser user{email, std::move(password_hash), username, display_name, account_type};
  std::optional<UserRecord> created;
  std::string conflict;
  try {
    created = co_await deps_.accounts.create(std::move(user));
  } catch (const db::UniqueViolation& e) {
    // Map the violated constraint to the field, never a 500.
    conflict = e.constraint() == "users_username_key" ? "username is already taken"
               : e.constraint() == "users_email_key"  ? "email is already registered"
                                                      : "account already exists";
  }
  if (!created) {
    log::info("auth.register_conflict", {{"reason", conflict}, {"request_id", ctx.request_id}});
    throw Error(ErrorCode::kConflict, conflict);
  }

  auto issued = co_await deps_.sessions.create(created->public_id, created->account_type);
  const auto access =
      deps_.tokens.sign(created->public_id, issued.session.id, created->account_type);
  Metrics::get().registrations.inc();
  log::info("auth.registered", {{"user_id", created->public_id},
                                {"account_type", created->account_type},
                                {"session", auth::session_fingerprint(issued.session.id)},
                                {"request_id", ctx.request_id}});

  json::object payload{{"accessToken", access},
                       {"tokenType", "Bearer"},
                       {"expiresIn", deps_.tokens.options().lifetime.count()},
                       {"user", user_json(*created)}};
  if (bool_field(body, "includeRefreshToken")) payload["refreshToken"] = issued.refresh_token;
  auto response = http::json_response(http::Status::created, payload, ctx.request.version());
  response.set(field::set_cookie, refresh_cookie(issued.refresh_token));
  no_store(response);
  co_return response;
}

asio::awaitable<http::Response> AuthApi::login(http::Context& ctx) {
  if (auto limited = co_await over_limit("auth:login", ctx)) co_return too_many(ctx, *limited);

  const json::object body = body_object(ctx.request);
  const std::string email = auth::normalize_email(string_field(body, "email", 1024));
  const std::string password = string_field(body, "password", kMaxPasswordBytes);

  // Failed logins are counted per account and client address (that pair is
  // refused past its limit) and per account overall: past 100 failures an hour
  // the account is throttled — every attempt waits, and an address that has
  // already failed on it is refused — while an address with no failures (its
  // owner) may still log in. So no one can lock a victim out.
  const std::string account = sha256_hex(email);
  const std::string client = client_address(ctx);
  const std::string pair_key = "auth:login_failed:" + account + ":" + client;
  const std::string account_key = "auth:login_failed:" + account;
  const auto pair =
      co_await deps_.limiter.check(pair_key, options_.failures_per_account_address, kHour);
  if (!pair.allowed) co_return too_many(ctx, pair);
  const auto overall =
      co_await deps_.limiter.check(account_key, options_.failures_per_account, kHour);
  if (!overall.allowed) {
    log::warn("auth.login_account_throttled", {{"account", account}, {"client", client}});
    co_await sleep_for(kThrottledAccountDelay);
    if (pair.remaining < options_.failures_per_account_address - 1)
      co_return too_many(ctx, overall);
  }

  const auto user = co_await deps_.accounts.find_by_email(email);
  // The same bcrypt work whether or not the account exists.
  const bool ok = user ? co_await deps_.hasher.verify(password, user->password_hash)
                       : co_await deps_.hasher.verify_unknown(password);
  if (!ok) {
    co_await deps_.limiter.hit(pair_key, options_.failures_per_account_address, kHour);
    co_await deps_.limiter.hit(account_key, options_.failures_per_account, kHour);
    Metrics::get().logins_failed.inc();
    log::info("auth.login_failed", {{"account", account},
                                    {"known_account", user.has_value()},
                                    {"client", client},
                                    {"request_id", ctx.request_id}});
    invalid_credentials();
  }

  co_await rehash_if_outdated(*user, password);
  auto issued = co_await deps_.sessions.create(user->public_id, user->account_type);
  const auto access = deps_.tokens.sign(user->public_id, issued.session.id, user->account_type);
  Metrics::get().logins_ok.inc();
  log::info("auth.login", {{"user_id", user->public_id},
                           {"session", auth::session_fingerprint(issued.session.id)},
                           {"client", client},
                           {"request_id", ctx.request_id}});

  json::object payload{{"accessToken", access},
                       {"tokenType", "Bearer"},
                       {"expiresIn", deps_.tokens.options().lifetime.count()},
                       {"user", user_json(*user)}};
  if (bool_field(body, "includeRefreshToken")) payload["refreshToken"] = issued.refresh_token;
  auto response = http::json_response(http::Status::ok, payload, ctx.request.version());
  response.set(field::set_cookie, refresh_cookie(issued.refresh_token));
  no_store(response);
  co_return response;
}

// A hash made at a lower cost than BCRYPT_COST (the cost was raised since) is
// replaced while the password is at hand, the only moment it can be. It costs
// that one login a second hash; a failure only leaves the old hash in place.
asio::awaitable<void> AuthApi::rehash_if_outdated(const UserRecord& user, std::string password) {
  const int stored_cost = auth::bcrypt_cost(user.password_hash);
  const int wanted_cost = deps_.hasher.options().cost;
  if (stored_cost >= wanted_cost) co_return;
  try {
    std::string upgraded = co_await deps_.hasher.hash(std::move(password));
    const bool replaced =
        co_await deps_.accounts.upgrade_password_hash(user.public_id, user.password_hash, upgraded);
    if (replaced) {
      log::info(
          "auth.password_rehashed",
          {{"user_id", user.public_id}, {"from_cost", stored_cost}, {"to_cost", wanted_cost}});
    }
  } catch (const std::exception& e) {
    log::warn("auth.rehash_failed", {{"user_id", user.public_id}, {"reason", e.what()}});
  }
}

asio::awaitable<http::Response> AuthApi::verify(http::Context& ctx) {
  std::string token(http::bearer_token(ctx.request[field::authorization]).value_or(""));
  if (token.empty()) {
    const json::object body = optional_body(ctx.request);
    token = string_field(body, "token", auth::kMaxTokenBytes + 1);
  }
  const auth::AccessClaims claims = deps_.tokens.verify(token);
  // A token of a revoked session is refused here (the gateway's local check
  // catches up within its revocation-cache bound).
  const auto session = co_await deps_.sessions.find(claims.session_id);
  if (!session || !auth::claims_match(*session, claims)) {
    throw Error(ErrorCode::kUnauthenticated, "invalid or expired token",
                session ? "token claims differ from the session" : "session revoked");
  }
  const json::object payload{
      {"valid", true},
      {"claims", json::object{{"iss", claims.issuer},
                              {"aud", claims.audience},
                              {"sub", claims.subject},
                              {"sid", claims.session_id},
                              {"acct", claims.account_type},
                              {"iat", claims.issued_at.time_since_epoch().count()},
                              {"exp", claims.expires_at.time_since_epoch().count()}}}};
  auto response = http::json_response(http::Status::ok, payload, ctx.request.version());
  no_store(response);
  co_return response;
}

asio::awaitable<http::Response> AuthApi::refresh(http::Context& ctx) {
  if (auto limited = co_await over_limit("auth:refresh", ctx)) co_return too_many(ctx, *limited);

  const json::object body = optional_body(ctx.request);
  std::string token = string_field(body, "refreshToken", 256, false);
  const bool from_body = !token.empty();
  if (!from_body) token = std::string(cookie_value(ctx.request[field::cookie], kRefreshCookie));
  if (token.empty()) throw Error(ErrorCode::kUnauthenticated, "a refresh token is required");

  auto result = co_await deps_.sessions.refresh(token);
  if (result.outcome == auth::RefreshOutcome::kReused) {
    Metrics::get().reuse_detected.inc();
    log::warn("auth.refresh_reuse_detected",
              {{"user_id", result.session.user_id},
               {"session", auth::session_fingerprint(result.session.id)},
               {"client", client_address(ctx)},
               {"request_id", ctx.request_id}});
  }
  std::optional<UserRecord> user;
  if (result.outcome == auth::RefreshOutcome::kRotated) {
    user = co_await deps_.accounts.find_by_id(result.session.user_id);
    if (!user) co_await deps_.sessions.revoke(result.session.id);
  }
  if (!user) {
    Metrics::get().refresh_failed.inc();
    auto response = http::error_response(
        ErrorCode::kUnauthenticated,
        result.outcome == auth::RefreshOutcome::kReused
            ? "this refresh token was already used; the session has been ended, please log in again"
            : "the session has ended, please log in again",
        ctx.request_id, ctx.request.version());
    response.set(field::set_cookie, cleared_cookie());
    co_return response;
  }

  const auto access = deps_.tokens.sign(user->public_id, result.session.id, user->account_type);
  Metrics::get().refresh_ok.inc();
  json::object payload{{"accessToken", access},
                       {"tokenType", "Bearer"},
                       {"expiresIn", deps_.tokens.options().lifetime.count()},
                       {"user", user_json(*user)}};
  if (from_body) payload["refreshToken"] = result.refresh_token;
  auto response = http::json_response(http::Status::ok, payload, ctx.request.version());
  response.set(field::set_cookie, refresh_cookie(result.refresh_token));
  no_store(response);
  co_return response;
}

// Ends the caller's session, which the caller must prove is theirs: by an
// access token of it (expired is fine; the signature and the session's claims
// must hold) or by its refresh token (the current one or a rotated one: a
// holder of either once held the session). A session id with a made-up secret
// ends nothing. The answer is the same either way, so it never tells whether a
// session existed.
asio::awaitable<http::Response> AuthApi::logout(http::Context& ctx) {
  std::optional<auth::Session> ended;
  const auto bearer = http::bearer_token(ctx.request[field::authorization]).value_or("");
  if (!bearer.empty()) {
    const auto claims = deps_.tokens.verify_ignoring_expiry(bearer);
    const auto session = co_await deps_.sessions.find(claims.session_id);
    if (session && auth::claims_match(*session, claims) &&
        co_await deps_.sessions.revoke(claims.session_id)) {
      ended = session;
    }
  } else {
    const json::object body = optional_body(ctx.request);
    std::string token = string_field(body, "refreshToken", 256, false);
    if (token.empty())
      token = std::string(cookie_value(ctx.request[field::cookie], kRefreshCookie));
    if (!token.empty()) ended = co_await deps_.sessions.revoke_holding(std::move(token));
  }
  if (ended) {
    log::info("auth.logout", {{"session", auth::session_fingerprint(ended->id)},
                              {"user_id", ended->user_id},
                              {"request_id", ctx.request_id}});
  }
  auto response =
      http::json_response(http::Status::ok, json::object{{"ok", true}}, ctx.request.version());
  response.set(field::set_cookie, cleared_cookie());
  co_return response;
}

asio::awaitable<http::Response> AuthApi::logout_all(http::Context& ctx) {
  const auto claims = co_await authenticate(ctx);
  const auto ended = co_await deps_.sessions.revoke_all(claims.subject);
  log::info(
      "auth.logout_all",
      {{"user_id", claims.subject}, {"ended_sessions", ended}, {"request_id", ctx.request_id}});
  auto response =
      http::json_response(http::Status::ok, json::object{{"ok", true}, {"endedSessions", ended}},
                          ctx.request.version());
  response.set(field::set_cookie, cleared_cookie());
  co_return response;
}

asio::awaitable<http::Response> AuthApi::change_password(http::Context& ctx) {
  if (auto limited = co_await over_limit("auth:password", ctx)) co_return too_many(ctx, *limited);
  const auto claims = co_await authenticate(ctx);

  const json::object body = body_object(ctx.request);
  const std::string current = string_field(body, "currentPassword", kMaxPasswordBytes);
  const std::string next = string_field(body, "newPassword", kMaxPasswordBytes);
  const bool end_others = bool_field(body, "endOtherSessions");

  const auto user = co_await deps_.accounts.find_by_id(claims.subject);
  if (!user) throw Error(ErrorCode::kUnauthenticated, "the account no longer exists");
  const std::string local_part = user->email.substr(0, user->email.find('@'));
  if (auto problem = deps_.policy.problem(next, {user->email, local_part, user->username})) {
    // The policy speaks of "password"; this request's field is newPassword.
    std::string message = *problem;
    if (message.rfind("password", 0) == 0) message = "newPassword" + message.substr(8);
    throw Error(ErrorCode::kBadRequest, message);
  }
  if (next == current) {
    throw Error(ErrorCode::kBadRequest, "newPassword must differ from the current password");
  }
  if (!co_await deps_.hasher.verify(current, user->password_hash)) {
    Metrics::get().logins_failed.inc();
    log::info("auth.password_change_failed",
              {{"user_id", user->public_id}, {"request_id", ctx.request_id}});
    throw Error(ErrorCode::kUnauthenticated, "currentPassword is incorrect");
  }
  const bool updated =
      co_await deps_.accounts.set_password_hash(user->public_id, co_await deps_.hasher.hash(next));
  if (!updated) throw Error(ErrorCode::kUnauthenticated, "the account no longer exists");
  std::int64_t ended = 0;
  if (end_others) ended = co_await deps_.sessions.revoke_all(user->public_id, claims.session_id);
  Metrics::get().password_changes.inc();
  log::info(
      "auth.password_changed",
      {{"user_id", user->public_id}, {"ended_sessions", ended}, {"request_id", ctx.request_id}});
  co_return http::json_response(http::Status::ok,
                                json::object{{"ok", true}, {"endedSessions", ended}},
                                ctx.request.version());
}

}  // namespace myspace::auth_service
