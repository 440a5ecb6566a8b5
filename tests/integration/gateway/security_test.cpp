// The server-side findings of issue 9's attack run, each through the live
// HTTP endpoints of the real `myspace gateway` and `myspace auth` binaries,
// in the default (development) and the production configuration:
//   - a NUL byte in a string argument (libpq would cut the text at it, so
//     "northwind\u0000-anything" found the member northwind);
//   - POST /logout with a session id and a made-up secret, and session ids in
//     the logs;
//   - X-Forwarded-For believed from any local process;
//   - an access token whose account type differs from its session's.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <iostream>
#include <map>
#include <string>

#include "auth/internal_credential.h"
#include "auth/jwt.h"
#include "system.h"

namespace myspace::testing {
namespace {

namespace json = boost::json;
using namespace std::string_literals;

constexpr const char* kApolloAccept = "application/graphql-response+json";
constexpr const char* kPassword = "a long enough passphrase 42";

// Each configuration signs with its own key: production refuses the
// development default and short keys.
std::string secret_for(const std::string& environment) {
  return environment == "production" ? "a-production-secret-that-is-long-enough-42"
                                     : "integration-test-secret-0123456789abcdef";
}

struct Services {
  std::uint16_t auth = 0;          // AUTH_RATE_LIMIT high: tests that are not about it
  std::uint16_t limited_auth = 0;  // the default 10 a minute per address
  std::uint16_t gateway = 0;       // calls `auth`
};

Reply graphql(std::uint16_t port, const std::string& query, const json::object& variables = {},
              const std::string& token = "", const std::string& accept = "") {
  RequestSpec spec;
  spec.body = json::serialize(json::object{{"query", query}, {"variables", variables}});
  if (!token.empty()) spec.headers["Authorization"] = "Bearer " + token;
  if (!accept.empty()) spec.headers["Accept"] = accept;
  return http_request(port, spec);
}

Reply post_json(std::uint16_t port, const std::string& target, const json::object& body,
                std::map<std::string, std::string> headers = {}) {
  RequestSpec spec;
  spec.target = target;
  spec.headers.merge(headers);
  spec.body = json::serialize(body);
  return http_request(port, spec);
}

std::string code_of(const Reply& reply) {
  const auto body = reply.json();
  const auto* errors = body.as_object().if_contains("errors");
  if (errors == nullptr || errors->as_array().empty()) return "";
  const auto* extensions = errors->at(0).as_object().if_contains("extensions");
  if (extensions == nullptr) return "";
  return std::string(extensions->at("code").as_string());
}

std::string message_of(const Reply& reply) {
  return std::string(reply.json().at("errors").at(0).at("message").as_string());
}

class SecurityTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    system_ = new GatewaySystem();
    for (const std::string environment : {"development", "production"}) {
      const std::map<std::string, std::string> common = {{"MYSPACE_ENV", environment},
                                                         {"JWT_SECRET", secret_for(environment)}};
      auto with = [&common](std::map<std::string, std::string> extra) {
        extra.insert(common.begin(), common.end());
        return extra;
      };
      Services services;
      services.auth = system_->start_extra_auth(with({{"AUTH_RATE_LIMIT", "100000"}}));
      services.limited_auth = system_->start_extra_auth(with({}));
      services.gateway = system_->start_extra_gateway(
          with({{"AUTH_SERVICE_URL", "http://127.0.0.1:" + std::to_string(services.auth)},
                {"RATE_LIMIT_ANONYMOUS", "100000"},
                {"RATE_LIMIT_AUTHENTICATED", "100000"},
                {"RATE_LIMIT_SENSITIVE", "100000"}}));
      services_[environment] = services;
    }
  }
  static void TearDownTestSuite() {
    delete system_;
    system_ = nullptr;
  }
  void TearDown() override {
    if (!HasFailure()) return;
    const auto tail = [](const std::string& log) {
      return log.substr(log.size() > 4000 ? log.size() - 4000 : 0);
    };
    const auto& s = services();
    std::cerr << "--- gateway log (tail)\n"
              << tail(system_->extra_log("gateway", s.gateway)) << "\n--- auth log (tail)\n"
              << tail(system_->extra_log("auth", s.auth)) << "\n";
  }

  static const Services& services() { return services_.at(GetParam()); }
  static std::string secret() { return secret_for(GetParam()); }

  // A fresh account registered directly at the auth service, with its
  // refresh token in the body (as a non-browser client asks for it).
  struct Account {
    std::string id;
    std::string email;
    std::string access_token;
    std::string refresh_token;
  };
  static Account register_account(const std::string& name, const std::string& type) {
    static int counter = 0;
    const std::string unique = name + std::to_string(++counter) + GetParam().substr(0, 4);
    const auto reply = post_json(services().auth, "/register",
                                 json::object{{"email", unique + "@example.com"},
                                              {"password", kPassword},
                                              {"accountType", type},
                                              {"username", unique},
                                              {"displayName", name},
                                              {"includeRefreshToken", true}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    const auto body = reply.json();
    return Account{std::string(body.at("user").at("id").as_string()),
                   std::string(body.at("user").at("email").as_string()),
                   std::string(body.at("accessToken").as_string()),
                   std::string(body.at("refreshToken").as_string())};
  }

  static int verify_status(const std::string& token) {
    RequestSpec spec;
    spec.target = "/verify";
    spec.headers = {{"Authorization", "Bearer " + token}};
    return http_request(services().auth, spec).status;
  }

  static GatewaySystem* system_;
  static std::map<std::string, Services> services_;
};

GatewaySystem* SecurityTest::system_ = nullptr;
std::map<std::string, Services> SecurityTest::services_;

INSTANTIATE_TEST_SUITE_P(Configurations, SecurityTest,
                         ::testing::Values("development", "production"),
                         [](const auto& param_info) { return param_info.param; });

// --- NUL bytes --------------------------------------------------------------

void expect_refused_nul(const Reply& reply, int status, const std::string& what) {
  EXPECT_EQ(reply.status, status) << what << ": " << reply.body;
  const auto body = reply.json();
  EXPECT_FALSE(body.as_object().contains("data")) << what << ": " << reply.body;
  EXPECT_EQ(code_of(reply), "BAD_USER_INPUT") << what << ": " << reply.body;
  EXPECT_NE(reply.body.find("NUL"), std::string::npos) << what << ": " << reply.body;
}

TEST_P(SecurityTest, ANulByteInALiteralIsBadUserInputNotAPrefixMatch) {
  const auto port = services().gateway;
  const std::map<std::string, std::string> queries = {
      {"userByUsername", R"({ userByUsername(username: "northwind\u0000-anything") { id } })"},
      {"user", R"({ user(id: "usr_demoClient0001\u0000junk") { id username } })"},
      {"braced escape", R"({ userByUsername(username: "northwind\u{0}") { id } })"},
      {"inside a fragment", R"({ ...F } fragment F on Query { user(id: "x\u0000") { id } })"},
  };
  for (const auto& [what, query] : queries) {
    expect_refused_nul(post_query(port, query), 200, what);
    expect_refused_nul(post_query(port, query, kApolloAccept), 400, what + " (graphql-response)");
    expect_refused_nul(get_query(port, {{"query", query}}, kApolloAccept), 400, what + " (GET)");
  }
  // The member is still found by the name itself, and "\u0000"-free escapes pass.
  const auto found = post_query(port, R"({ userByUsername(username: "north\u0077ind") { id } })");
  EXPECT_EQ(found.json().at("data").at("userByUsername").at("id").as_string(), "usr_demoClient0001")
      << found.body;
}

TEST_P(SecurityTest, ANulByteInAVariableIsBadUserInputNotAPrefixMatch) {
  const auto port = services().gateway;
  const auto by_name = graphql(port, "query Q($u: String!) { userByUsername(username: $u) { id } }",
                               {{"u", "northwind\0-anything"s}});
  expect_refused_nul(by_name, 200, "userByUsername");
  EXPECT_NE(message_of(by_name).find("$u"), std::string::npos) << by_name.body;
  const auto by_id = graphql(port, "query Q($id: ID!) { user(id: $id) { id } }",
                             {{"id", "usr_demoClient0001\0junk"s}}, "", kApolloAccept);
  expect_refused_nul(by_id, 400, "user");
  // Nested in an input object, and in a mutation: refused before any resolver.
  const auto nested = graphql(
      port, "mutation M($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
      {{"e", "client@demo.myspace.dev"}, {"p", "demo-password-2026\0"s}});
  expect_refused_nul(nested, 200, "login");
  const auto listed = graphql(port, "query Q($u: String!) { userByUsername(username: $u) { id } }",
                              {{"u", "northwind"}, {"unused", json::array{"a", "b\0"s}}});
  expect_refused_nul(listed, 200, "an unused variable");
  // Without the NUL the same request finds the member.
  const auto ok = graphql(port, "query Q($u: String!) { userByUsername(username: $u) { id } }",
                          {{"u", "northwind"}});
  EXPECT_EQ(ok.json().at("data").at("userByUsername").at("id").as_string(), "usr_demoClient0001")
      << ok.body;
}

// --- logout -----------------------------------------------------------------

TEST_P(SecurityTest, LogoutWithASessionIdAndAMadeUpSecretEndsNothing) {
  const auto victim = register_account("Victim", "CLIENT");
  const std::string session_id = victim.refresh_token.substr(0, victim.refresh_token.find('.'));
  const auto forged =
      post_json(services().auth, "/logout",
                json::object{{"refreshToken", session_id + "." + std::string(43, 'A')}});
  EXPECT_EQ(forged.status, 200) << forged.body;
  EXPECT_EQ(verify_status(victim.access_token), 200);
  // The victim is still signed in at the gateway too.
  const auto me = graphql(services().gateway, "{ me { id } }", {}, victim.access_token);
  EXPECT_EQ(code_of(me), "") << me.body;

  // The holder of the refresh token can end it.
  const auto genuine =
      post_json(services().auth, "/logout", json::object{{"refreshToken", victim.refresh_token}});
  EXPECT_EQ(genuine.status, 200) << genuine.body;
  EXPECT_EQ(verify_status(victim.access_token), 401);
}

TEST_P(SecurityTest, SessionIdsAreNotWrittenToTheLogs) {
  const auto account = register_account("Logged", "FREELANCER");
  const auto claims = auth::AccessTokens(secret()).verify(account.access_token);
  // Registration, login, refresh-token reuse and logout all log.
  const auto login = post_json(services().auth, "/login",
                               json::object{{"email", account.email}, {"password", kPassword}});
  EXPECT_EQ(login.status, 200) << login.body;
  const auto rotated =
      post_json(services().auth, "/refresh", json::object{{"refreshToken", account.refresh_token}});
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  const auto reused =
      post_json(services().auth, "/refresh", json::object{{"refreshToken", account.refresh_token}});
  EXPECT_EQ(reused.status, 401) << reused.body;
  const auto other = register_account("Logged", "FREELANCER");
  const auto other_claims = auth::AccessTokens(secret()).verify(other.access_token);
  RequestSpec logout;
  logout.target = "/logout";
  logout.headers["Authorization"] = "Bearer " + other.access_token;
  logout.body = "{}";
  EXPECT_EQ(http_request(services().auth, logout).status, 200);

  const std::string log = system_->extra_log("auth", services().auth);
  ASSERT_NE(log.find("auth.logout"), std::string::npos) << "the logout was not logged";
  ASSERT_NE(log.find("auth.refresh_reuse_detected"), std::string::npos);
  EXPECT_EQ(log.find(claims.session_id), std::string::npos) << claims.session_id;
  EXPECT_EQ(log.find(other_claims.session_id), std::string::npos) << other_claims.session_id;
}

// --- X-Forwarded-For --------------------------------------------------------

TEST_P(SecurityTest, ALocalClientSendingXForwardedForGetsNoFreshLoginBudget) {
  // Every request comes from 127.0.0.1, which TRUSTED_PROXIES lists (the run
  // scripts' setting), each naming another made-up client.
  int refused = 0;
  for (int i = 0; i < 12; ++i) {
    const auto reply = post_json(
        services().limited_auth, "/login",
        json::object{{"email", "nobody" + std::to_string(i) + "@example.com"},
                     {"password", "wrong-passphrase"}},
        {{"X-Forwarded-For",
          "198.18." + std::string(GetParam() == "production" ? "2." : "1.") + std::to_string(i)}});
    if (reply.status == 429) ++refused;
  }
  // The other tests' logins from 127.0.0.1 share the budget: at least the
  // twelfth must be refused, whatever they used.
  EXPECT_GE(refused, 2);
}

TEST_P(SecurityTest, TheGatewaysCredentialMakesItsForwardedAddressBelieved) {
  // What the gateway sends: X-Forwarded-For with the credential both
  // services derive from the JWT secret. Each forwarded client has its own
  // budget, so none of these twelve is refused.
  const std::string credential = auth::internal_credential(secret());
  for (int i = 0; i < 12; ++i) {
    const auto reply = post_json(
        services().limited_auth, "/login",
        json::object{{"email", "forwarded" + std::to_string(i) + "@example.com"},
                     {"password", "wrong-passphrase"}},
        {{"X-Forwarded-For",
          "198.19." + std::string(GetParam() == "production" ? "2." : "1.") + std::to_string(i)},
         {std::string(auth::kInternalCredentialHeader), credential}});
    EXPECT_EQ(reply.status, 401) << i << ": " << reply.body;
  }
  // Another configuration's credential is no credential, and is reported
  // (two services given different secrets would otherwise fail silently).
  const auto wrong =
      post_json(services().limited_auth, "/login",
                json::object{{"email", "forwarded@example.com"}, {"password", "wrong-passphrase"}},
                {{"X-Forwarded-For", "198.19.9.9"},
                 {std::string(auth::kInternalCredentialHeader),
                  auth::internal_credential(secret() + "-other")}});
  EXPECT_NE(wrong.status, 200) << wrong.body;
  const std::string limited_log = system_->extra_log("auth", services().limited_auth);
  EXPECT_NE(limited_log.find("auth.internal_credential_refused"), std::string::npos);
  EXPECT_EQ(limited_log.find("198.19.9.9"), std::string::npos);

  // The gateway sends it: a client connecting to the gateway from 127.0.0.2
  // is known to the auth service as 127.0.0.2.
  const auto account = register_account("Forwarded", "CLIENT");
  RequestSpec login;
  login.source_address = "127.0.0.2";
  login.body = json::serialize(json::object{
      {"query",
       "mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }"},
      {"variables", json::object{{"e", account.email}, {"p", kPassword}}}});
  const auto reply = http_request(services().gateway, login);
  EXPECT_EQ(reply.json().at("data").at("login").at("user").at("id").as_string(), account.id)
      << reply.body;
  const std::string auth_log = system_->extra_log("auth", services().auth);
  const auto logged_in = auth_log.rfind(R"("event":"auth.login")");
  ASSERT_NE(logged_in, std::string::npos);
  const std::string line = auth_log.substr(logged_in, auth_log.find('\n', logged_in) - logged_in);
  EXPECT_NE(line.find(R"("client":"127.0.0.2")"), std::string::npos) << line;
  EXPECT_EQ(auth_log.find("auth.internal_credential_refused"), std::string::npos);
}

// --- account type -----------------------------------------------------------

TEST_P(SecurityTest, ATokenWhoseAccountTypeDiffersFromItsSessionIsUnauthenticated) {
  const auto port = services().gateway;
  const auto account = register_account("Typed", "FREELANCER");
  const auth::AccessTokens tokens(secret());
  const auto claims = tokens.verify(account.access_token);
  ASSERT_EQ(claims.account_type, "FREELANCER");
  const std::string promoted = tokens.sign(claims.subject, claims.session_id, "CLIENT");

  // First before the session is in the gateway's cache, then after.
  for (const std::string when : {"uncached", "cached"}) {
    const auto reply = graphql(port, "{ me { id accountType } }", {}, promoted);
    EXPECT_EQ(code_of(reply), "UNAUTHENTICATED") << when << ": " << reply.body;
    EXPECT_FALSE(reply.json().as_object().contains("data")) << when << ": " << reply.body;
    const auto strict = graphql(port, "{ me { id } }", {}, promoted, kApolloAccept);
    EXPECT_EQ(strict.status, 401) << when << ": " << strict.body;
    // The genuine token works, and puts the session in the cache.
    const auto genuine = graphql(port, "{ me { id accountType } }", {}, account.access_token);
    EXPECT_EQ(genuine.json().at("data").at("me").at("accountType").as_string(), "FREELANCER")
        << genuine.body;
  }
  EXPECT_EQ(verify_status(promoted), 401);
}

}  // namespace
}  // namespace myspace::testing
