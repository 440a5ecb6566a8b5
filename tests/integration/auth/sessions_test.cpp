// Sessions end to end: register → login → verify → refresh rotates → reuse of a
// rotated refresh token revokes the session → logout → logout-all; token
// attacks against /verify; password change ending the other sessions.
#include <boost/json/serialize.hpp>

#include "auth/jwt.h"
#include "support.h"

namespace myspace::auth_service::testing {
namespace {

using boost::json::object;
using boost::json::serialize;

std::string access_token(const Reply& reply) {
  return std::string(reply.json.at("accessToken").as_string());
}

Reply verify_bearer(std::uint16_t port, std::string_view token) {
  return send(port, Call{"/verify", "", "203.0.113.9", {{"Authorization", bearer(token)}}});
}

Reply refresh_with_cookie(std::uint16_t port, std::string_view refresh, std::string client) {
  return send(port, Call{"/refresh",
                         "",
                         std::move(client),
                         {{"Cookie", "theme=dark; myspace_refresh=" + std::string(refresh)}}});
}

TEST_F(AuthTest, RegisterReturnsTokenUserAndAnHttpOnlyRefreshCookie) {
  const Reply reply = register_user("Ada@Example.com", "ada_l", "analytical-engine-1843",
                                    "198.51.100.1", "FREELANCER", "Ada Lovelace");
  const auto& body = reply.json.as_object();
  EXPECT_EQ(body.at("tokenType"), "Bearer");
  EXPECT_EQ(body.at("expiresIn"), 900);
  EXPECT_FALSE(body.contains("refreshToken"));  // browsers get it only as a cookie
  const auto& user = body.at("user").as_object();
  EXPECT_EQ(user.at("email"), "ada@example.com");
  EXPECT_EQ(user.at("username"), "ada_l");
  EXPECT_EQ(user.at("displayName"), "Ada Lovelace");
  EXPECT_EQ(user.at("accountType"), "FREELANCER");
  EXPECT_EQ(user.at("profileCompletion"), 25);  // username + display name of eight fields
  EXPECT_EQ(std::string(user.at("id").as_string()).rfind("usr_", 0), 0U);
  EXPECT_EQ(user.at("createdAt").as_string().size(), 24U);  // 2026-01-02T03:04:05.678Z
  EXPECT_FALSE(user.contains("passwordHash"));
  EXPECT_FALSE(user.contains("password_hash"));

  const std::string cookie = reply.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("Max-Age=604800"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // not production
  EXPECT_EQ(reply.header("Cache-Control"), "no-store");
  EXPECT_FALSE(reply.refresh_cookie().empty());

  const Reply verified = verify_bearer(server().port(), access_token(reply));
  ASSERT_EQ(verified.status, http::Status::ok) << verified.raw.body();
  EXPECT_EQ(verified.json.at("valid"), true);
  EXPECT_EQ(verified.json.at("claims").at("sub"), user.at("id"));
  EXPECT_EQ(verified.json.at("claims").at("acct"), "FREELANCER");
  EXPECT_EQ(verified.json.at("claims").at("iss"), "myspace-auth");
  EXPECT_EQ(verified.json.at("claims").at("aud"), "myspace");
  // The same through a JSON body.
  const Reply by_body =
      post("/verify", serialize(object{{"token", access_token(reply)}}), "203.0.113.9");
  EXPECT_EQ(by_body.status, http::Status::ok);
}

TEST_F(AuthTest, RefreshRotatesAndReuseRevokesTheWholeSession) {
  register_user("grace@example.com", "grace_h");
  const Reply logged_in = login("grace@example.com", "a-Long-passphrase-9");
  ASSERT_EQ(logged_in.status, http::Status::ok) << logged_in.raw.body();
  const std::string first = logged_in.refresh_cookie();

  const Reply rotated = refresh_with_cookie(server().port(), first, "198.51.100.3");
  ASSERT_EQ(rotated.status, http::Status::ok) << rotated.raw.body();
  const std::string second = rotated.refresh_cookie();
  EXPECT_FALSE(second.empty());
  EXPECT_NE(second, first);
  EXPECT_EQ(rotated.json.at("user").at("email"), "grace@example.com");
  EXPECT_EQ(verify_bearer(server().port(), access_token(rotated)).status, http::Status::ok);

  // The thief replays the first token: refused, and the session is gone...
  const Reply replay = refresh_with_cookie(server().port(), first, "192.0.2.66");
  EXPECT_EQ(replay.status, http::Status::unauthorized);
  EXPECT_NE(replay.error_message().find("already used"), std::string::npos);
  EXPECT_NE(replay.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  // ...so the legitimate holder's current token and access token die with it.
  EXPECT_EQ(refresh_with_cookie(server().port(), second, "198.51.100.3").status,
            http::Status::unauthorized);
  EXPECT_EQ(verify_bearer(server().port(), access_token(rotated)).status,
            http::Status::unauthorized);
  EXPECT_EQ(verify_bearer(server().port(), access_token(logged_in)).status,
            http::Status::unauthorized);
}

TEST_F(AuthTest, NonBrowserClientsRefreshThroughTheBody) {
  register_user("cli@example.com", "cli_user");
  const Reply logged_in = post("/login",
                               serialize(object{{"email", "cli@example.com"},
                                                {"password", "a-Long-passphrase-9"},
                                                {"includeRefreshToken", true}}),
                               "198.51.100.4");
  ASSERT_EQ(logged_in.status, http::Status::ok);
  const std::string token(logged_in.json.at("refreshToken").as_string());
  EXPECT_EQ(token, logged_in.refresh_cookie());
  const Reply rotated =
      post("/refresh", serialize(object{{"refreshToken", token}}), "198.51.100.4");
  ASSERT_EQ(rotated.status, http::Status::ok) << rotated.raw.body();
  EXPECT_NE(rotated.json.at("refreshToken").as_string(), token);
  EXPECT_EQ(post("/refresh", "", "198.51.100.4").status, http::Status::unauthorized);
  EXPECT_EQ(
      post("/refresh", serialize(object{{"refreshToken", "forged.token"}}), "198.51.100.4").status,
      http::Status::unauthorized);
}

TEST_F(AuthTest, LogoutEndsThisSessionAndLogoutAllEndsEveryOne) {
  register_user("linus@example.com", "linus_t");
  const Reply a = login("linus@example.com", "a-Long-passphrase-9");
  const Reply b = login("linus@example.com", "a-Long-passphrase-9");
  const Reply c = login("linus@example.com", "a-Long-passphrase-9");
  ASSERT_EQ(c.status, http::Status::ok);
  EXPECT_NE(a.refresh_cookie(), b.refresh_cookie());  // every login is a new session

  const Reply out =
      post("/logout", "", "198.51.100.2", {{"Authorization", bearer(access_token(a))}});
  EXPECT_EQ(out.status, http::Status::ok);
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(verify_bearer(server().port(), access_token(a)).status, http::Status::unauthorized);
  EXPECT_EQ(refresh_with_cookie(server().port(), a.refresh_cookie(), "198.51.100.2").status,
            http::Status::unauthorized);
  EXPECT_EQ(verify_bearer(server().port(), access_token(b)).status, http::Status::ok);

  // Logging out by cookie alone works too.
  const Reply by_cookie = send(
      server().port(),
      Call{"/logout", "", "198.51.100.2", {{"Cookie", "myspace_refresh=" + c.refresh_cookie()}}});
  EXPECT_EQ(by_cookie.status, http::Status::ok);
  EXPECT_EQ(verify_bearer(server().port(), access_token(c)).status, http::Status::unauthorized);

  const Reply d = login("linus@example.com", "a-Long-passphrase-9");
  const Reply all =
      post("/logout-all", "", "198.51.100.2", {{"Authorization", bearer(access_token(b))}});
  ASSERT_EQ(all.status, http::Status::ok) << all.raw.body();
  EXPECT_EQ(all.json.at("endedSessions"), 3);  // registration's, b and d
  EXPECT_EQ(verify_bearer(server().port(), access_token(b)).status, http::Status::unauthorized);
  EXPECT_EQ(verify_bearer(server().port(), access_token(d)).status, http::Status::unauthorized);
  EXPECT_EQ(refresh_with_cookie(server().port(), d.refresh_cookie(), "198.51.100.2").status,
            http::Status::unauthorized);
  // logout-all needs a live session.
  EXPECT_EQ(
      post("/logout-all", "", "198.51.100.2", {{"Authorization", bearer(access_token(b))}}).status,
      http::Status::unauthorized);
}

// Knowing a session's id is not knowing its refresh secret: ids are not
// secret (they are in every access token's payload, and were in the logs).
TEST_F(AuthTest, LogoutNeedsTheRefreshSecretNotJustTheSessionId) {
  register_user("margaret@example.com", "margaret_h");
  const Reply victim = post("/login",
                            serialize(object{{"email", "margaret@example.com"},
                                             {"password", "a-Long-passphrase-9"},
                                             {"includeRefreshToken", true}}),
                            "198.51.100.2");
  ASSERT_EQ(victim.status, http::Status::ok) << victim.raw.body();
  const std::string refresh(victim.json.at("refreshToken").as_string());
  const std::string session_id = refresh.substr(0, refresh.find('.'));
  const std::string made_up = session_id + "." + std::string(43, 'A');

  // In the body and as the cookie: a well-formed token with a made-up secret.
  const Reply by_body = post("/logout", serialize(object{{"refreshToken", made_up}}), "192.0.2.66");
  EXPECT_EQ(by_body.status, http::Status::ok);  // logout never says whether a session existed
  const Reply by_cookie =
      send(server().port(),
           Call{"/logout", "", "192.0.2.66", {{"Cookie", "myspace_refresh=" + made_up}}});
  EXPECT_EQ(by_cookie.status, http::Status::ok);
  // An access token of another session (the attacker's own) ends only that one.
  const Reply attacker = register_user("mallory@example.com", "mallory_x");
  EXPECT_EQ(post("/logout", serialize(object{{"refreshToken", made_up}}), "192.0.2.66",
                 {{"Authorization", bearer(access_token(attacker))}})
                .status,
            http::Status::ok);

  EXPECT_EQ(verify_bearer(server().port(), access_token(victim)).status, http::Status::ok);
  const Reply still =
      post("/refresh", serialize(object{{"refreshToken", refresh}}), "198.51.100.2");
  ASSERT_EQ(still.status, http::Status::ok) << still.raw.body();
  const std::string current(still.json.at("refreshToken").as_string());

  // The holder of the current refresh token ends it.
  EXPECT_EQ(post("/logout", serialize(object{{"refreshToken", current}}), "198.51.100.2").status,
            http::Status::ok);
  EXPECT_EQ(verify_bearer(server().port(), access_token(still)).status, http::Status::unauthorized);
}

// The account type in an access token must be the one its session was
// opened with: a token carrying another (made with the signing key, or stale)
// is not an access token of that session.
TEST_F(AuthTest, ATokenWhoseAccountTypeDiffersFromItsSessionIsRefused) {
  const Reply reg = register_user("hedy@example.com", "hedy_l", "a-Long-passphrase-9",
                                  "198.51.100.1", "FREELANCER");
  const auth::AccessTokens tokens{std::string(kTestSecret)};
  const auto claims = tokens.verify(access_token(reg));
  ASSERT_EQ(claims.account_type, "FREELANCER");
  const std::string promoted = tokens.sign(claims.subject, claims.session_id, "CLIENT");

  const Reply verified = verify_bearer(server().port(), promoted);
  EXPECT_EQ(verified.status, http::Status::unauthorized) << verified.raw.body();
  EXPECT_EQ(verified.error_code(), "UNAUTHENTICATED");
  // Nor does it authenticate anything else the service offers.
  EXPECT_EQ(post("/logout-all", "", "198.51.100.2", {{"Authorization", bearer(promoted)}}).status,
            http::Status::unauthorized);
  EXPECT_EQ(verify_bearer(server().port(), access_token(reg)).status, http::Status::ok);
}

TEST_F(AuthTest, LoginsBeyondTheCapEndTheSessionUsedLeastRecently) {
  AuthConfig capped = config();
  capped.max_sessions_per_user = 3;
  server_ = std::make_unique<AuthServer>(capped);
  const Reply first = register_user("grace@example.com", "grace_t");
  const Reply second = login("grace@example.com", "a-Long-passphrase-9");
  const Reply third = login("grace@example.com", "a-Long-passphrase-9");
  // Using the first session renews it: the second is now the least recent.
  const Reply renewed =
      refresh_with_cookie(server().port(), first.refresh_cookie(), "198.51.100.2");
  ASSERT_EQ(renewed.status, http::Status::ok) << renewed.raw.body();
  const Reply fourth = login("grace@example.com", "a-Long-passphrase-9");
  ASSERT_EQ(fourth.status, http::Status::ok);

  EXPECT_EQ(verify_bearer(server().port(), access_token(second)).status,
            http::Status::unauthorized);
  EXPECT_EQ(refresh_with_cookie(server().port(), second.refresh_cookie(), "198.51.100.2").status,
            http::Status::unauthorized);
  for (const Reply* live : {&renewed, &third, &fourth}) {
    EXPECT_EQ(verify_bearer(server().port(), access_token(*live)).status, http::Status::ok);
  }
  const Reply all =
      post("/logout-all", "", "198.51.100.2", {{"Authorization", bearer(access_token(fourth))}});
  ASSERT_EQ(all.status, http::Status::ok) << all.raw.body();
  EXPECT_EQ(all.json.at("endedSessions"), 3);  // never more than the cap
}

TEST_F(AuthTest, VerifyRefusesForgedExpiredAndForeignTokens) {
  const Reply reg = register_user("alan@example.com", "alan_t");
  const std::string user_id(reg.json.at("user").at("id").as_string());
  const std::string good = access_token(reg);
  const auto claims = auth::AccessTokens(std::string(kTestSecret)).verify(good);

  const auto dot = good.find('.');
  const std::string payload = good.substr(dot + 1, good.rfind('.') - dot - 1);
  const std::string alg_none =
      auth::base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".";
  const std::string wrong_signature =
      good.substr(0, good.rfind('.') + 1) + "AAAA" + good.substr(good.rfind('.') + 5);
  const std::string other_audience =
      auth::AccessTokens(std::string(kTestSecret), auth::TokenOptions{.audience = "billing"})
          .sign(user_id, claims.session_id, "CLIENT");
  const std::string other_key = auth::AccessTokens("some-other-secret-some-other-secret-xx")
                                    .sign(user_id, claims.session_id, "CLIENT");
  const std::string expired = auth::AccessTokens(std::string(kTestSecret))
                                  .sign(user_id, claims.session_id, "CLIENT",
                                        std::chrono::system_clock::now() - std::chrono::hours(1));
  const std::string no_session = auth::AccessTokens(std::string(kTestSecret))
                                     .sign(user_id, "ses_doesnotexist0000000000", "CLIENT");

  for (const auto& [name, token] :
       std::vector<std::pair<std::string, std::string>>{{"alg none", alg_none},
                                                        {"wrong signature", wrong_signature},
                                                        {"other audience", other_audience},
                                                        {"other key", other_key},
                                                        {"expired", expired},
                                                        {"unknown session", no_session},
                                                        {"garbage", "not-a-token"}}) {
    const Reply reply = verify_bearer(server().port(), token);
    EXPECT_EQ(reply.status, http::Status::unauthorized) << name;
    EXPECT_EQ(reply.error_code(), "UNAUTHENTICATED") << name;
  }
  EXPECT_EQ(verify_bearer(server().port(), good).status, http::Status::ok);
  EXPECT_EQ(post("/verify", "{}", "203.0.113.9").status, http::Status::bad_request);
}

TEST_F(AuthTest, PasswordChangeNeedsTheCurrentPasswordAndCanEndOtherSessions) {
  register_user("barbara@example.com", "barbara_l", "first-passphrase-42");
  const Reply here = login("barbara@example.com", "first-passphrase-42");
  const Reply elsewhere = login("barbara@example.com", "first-passphrase-42");
  const auto auth_header = std::vector<std::pair<std::string, std::string>>{
      {"Authorization", bearer(access_token(here))}};

  const Reply wrong = post("/password",
                           serialize(object{{"currentPassword", "not-my-password"},
                                            {"newPassword", "second-passphrase-43"}}),
                           "198.51.100.5", auth_header);
  EXPECT_EQ(wrong.status, http::Status::unauthorized);
  const Reply weak = post(
      "/password",
      serialize(object{{"currentPassword", "first-passphrase-42"}, {"newPassword", "password1"}}),
      "198.51.100.5", auth_header);
  EXPECT_EQ(weak.status, http::Status::bad_request);
  EXPECT_EQ(weak.error_message().rfind("newPassword", 0), 0U) << weak.error_message();
  EXPECT_EQ(post("/password",
                 serialize(object{{"currentPassword", "first-passphrase-42"},
                                  {"newPassword", "second-passphrase-43"}}),
                 "198.51.100.5")
                .status,
            http::Status::unauthorized);  // no access token

  const Reply changed = post("/password",
                             serialize(object{{"currentPassword", "first-passphrase-42"},
                                              {"newPassword", "second-passphrase-43"},
                                              {"endOtherSessions", true}}),
                             "198.51.100.5", auth_header);
  ASSERT_EQ(changed.status, http::Status::ok) << changed.raw.body();
  EXPECT_EQ(changed.json.at("endedSessions"), 2);  // registration's and elsewhere
  EXPECT_EQ(verify_bearer(server().port(), access_token(here)).status, http::Status::ok);
  EXPECT_EQ(verify_bearer(server().port(), access_token(elsewhere)).status,
            http::Status::unauthorized);
  EXPECT_EQ(login("barbara@example.com", "first-passphrase-42").status, http::Status::unauthorized);
  EXPECT_EQ(login("barbara@example.com", "second-passphrase-43").status, http::Status::ok);
}

TEST_F(AuthTest, TheWebOriginMayCallWithCredentials) {
  const Reply preflight = send(
      server().port(), Call{"/login",
                            "",
                            "",
                            {{"Origin", std::string(kWebOrigin)},
                             {"Access-Control-Request-Method", "POST"},
                             {"Access-Control-Request-Headers", "content-type, authorization"}},
                            http::Verb::options});
  EXPECT_EQ(preflight.status, http::Status::no_content);
  EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), kWebOrigin);
  EXPECT_EQ(preflight.header("Access-Control-Allow-Credentials"), "true");
  EXPECT_NE(preflight.header("Access-Control-Allow-Headers").find("authorization"),
            std::string::npos);
  const Reply other =
      send(server().port(),
           Call{"/login",
                "",
                "",
                {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}},
                http::Verb::options});
  EXPECT_EQ(other.header("Access-Control-Allow-Origin"), "");
}

}  // namespace
}  // namespace myspace::auth_service::testing
