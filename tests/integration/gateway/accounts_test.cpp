// Accounts and security through the real `myspace gateway` and `myspace auth`
// binaries against real PostgreSQL and Redis: register and login over
// GraphQL, me / user / userByUsername / updateProfile, the attacks of
// issue 4 (forged, foreign, expired and revoked tokens; someone else's
// profile; duplicates; SQL and HTML; oversized fields), the user:{id} cache,
// rate limits shared by two gateway processes, and the circuit breaker while
// the auth service is down.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <iostream>
#include <thread>

#include "auth/jwt.h"
#include "system.h"

namespace myspace::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr const char* kSecret = "integration-test-secret-0123456789abcdef";
constexpr const char* kPassword = "a long enough passphrase 42";
constexpr const char* kMe =
    "{ me { id username displayName accountType email headline bio skills hourlyRate country "
    "avatarUrl profileCompletion createdAt } }";
constexpr const char* kRegister =
    "mutation R($input: RegisterInput!) { register(input: $input) { token expiresIn "
    "user { id username email accountType } } }";
constexpr const char* kLogin =
    "mutation L($email: String!, $password: String!) { login(email: $email, password: $password) "
    "{ token user { id email } } }";
constexpr const char* kUpdate =
    "mutation U($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName "
    "headline bio skills hourlyRate country avatarUrl profileCompletion email } }";

Reply graphql(std::uint16_t port, const std::string& query, const json::object& variables = {},
              const std::string& token = "", const std::string& accept = "") {
  RequestSpec spec;
  spec.body = json::serialize(json::object{{"query", query}, {"variables", variables}});
  if (!token.empty()) spec.headers["Authorization"] = "Bearer " + token;
  if (!accept.empty()) spec.headers["Accept"] = accept;
  return http_request(port, spec);
}

std::string code_of(const Reply& reply) {
  const auto body = reply.json();
  const auto* errors = body.as_object().if_contains("errors");
  if (errors == nullptr || errors->as_array().empty()) return "";
  return std::string(errors->at(0).at("extensions").at("code").as_string());
}

std::string message_of(const Reply& reply) {
  return std::string(reply.json().at("errors").at(0).at("message").as_string());
}

struct Account {
  std::string id;
  std::string email;
  std::string username;
  std::string token;
};

// One system for the suite: limits high enough that tests never meet them
// except where they mean to.
class AccountsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    system_ = new GatewaySystem();
    auth_port_ = system_->start_auth(0, {{"AUTH_RATE_LIMIT", "100000"}});
    port_ = system_->start_gateway(gateway_env());
  }
  static void TearDownTestSuite() {
    delete system_;
    system_ = nullptr;
  }
  void TearDown() override {
    // The services' logs explain a failure better than the assertion does.
    if (HasFailure()) {
      const auto tail = [](const std::string& log) {
        return log.substr(log.size() > 4000 ? log.size() - 4000 : 0);
      };
      std::cerr << "--- gateway.log (tail)\n"
                << tail(system_->gateway_log()) << "\n--- auth.log (tail)\n"
                << tail(system_->auth_log()) << "\n";
    }
  }
  static std::map<std::string, std::string> gateway_env() {
    return {{"AUTH_SERVICE_URL", "http://127.0.0.1:" + std::to_string(auth_port_)},
            {"RATE_LIMIT_ANONYMOUS", "100000"},
            {"RATE_LIMIT_AUTHENTICATED", "100000"},
            {"RATE_LIMIT_SENSITIVE", "100000"}};
  }

  static Account register_account(const std::string& name, const std::string& type = "FREELANCER",
                                  std::uint16_t port = 0) {
    static int counter = 0;
    const std::string unique = name + std::to_string(++counter) + "_" +
                               std::to_string(Clock::now().time_since_epoch().count() % 100000);
    std::string email = unique + "@example.com";
    const auto reply = graphql(port ? port : port_, kRegister,
                               {{"input", json::object{{"email", email},
                                                       {"password", kPassword},
                                                       {"accountType", type},
                                                       {"username", unique},
                                                       {"displayName", name}}}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    // The auth service stores emails lower-cased.
    for (auto& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto payload = reply.json().at("data").at("register");
    return Account{std::string(payload.at("user").at("id").as_string()), email, unique,
                   std::string(payload.at("token").as_string())};
  }

  static GatewaySystem* system_;
  static std::uint16_t port_;
  static std::uint16_t auth_port_;
};
GatewaySystem* AccountsTest::system_ = nullptr;
std::uint16_t AccountsTest::port_ = 0;
std::uint16_t AccountsTest::auth_port_ = 0;

TEST_F(AccountsTest, RegisterAndLoginGiveTokensThatWorkForMe) {
  const auto account = register_account("Reg", "CLIENT");
  EXPECT_EQ(account.id.rfind("usr_", 0), 0u) << account.id;
  auto me = graphql(port_, kMe, {}, account.token);
  ASSERT_EQ(me.status, 200) << me.body;
  const auto user = me.json().at("data").at("me");
  EXPECT_EQ(user.at("id").as_string(), account.id);
  EXPECT_EQ(user.at("email").as_string(), account.email);
  EXPECT_EQ(user.at("accountType").as_string(), "CLIENT");
  EXPECT_EQ(json::serialize(user.at("skills")), "[]");
  EXPECT_EQ(user.at("profileCompletion").as_int64(), 25);

  const auto login = graphql(port_, kLogin, {{"email", account.email}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  const auto payload = login.json().at("data").at("login");
  EXPECT_EQ(payload.at("user").at("id").as_string(), account.id);
  // The payload's user is the caller: its email is theirs to see.
  EXPECT_EQ(payload.at("user").at("email").as_string(), account.email);
  const std::string token(payload.at("token").as_string());
  EXPECT_NE(token, account.token);
  me = graphql(port_, kMe, {}, token);
  EXPECT_EQ(me.json().at("data").at("me").at("id").as_string(), account.id);

  const auto wrong = graphql(port_, kLogin, {{"email", account.email}, {"password", "nope-nope"}});
  EXPECT_EQ(code_of(wrong), "UNAUTHENTICATED") << wrong.body;
  EXPECT_EQ(message_of(wrong), "invalid email or password");
}

TEST_F(AccountsTest, AnonymousMeIsNullButUpdateProfileIsUnauthenticated) {
  const auto me = graphql(port_, kMe);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_TRUE(me.json().at("data").at("me").is_null());
  EXPECT_FALSE(me.json().as_object().contains("errors"));

  const auto update = graphql(port_, kUpdate, {{"input", json::object{{"headline", "x"}}}});
  EXPECT_EQ(code_of(update), "UNAUTHENTICATED") << update.body;
  EXPECT_TRUE(update.json().at("data").is_null());
}

TEST_F(AccountsTest, ForgedForeignExpiredAndMalformedTokensAreUnauthenticated) {
  const auto account = register_account("Tok");
  const auto dot = account.token.find('.');
  const auto last_dot = account.token.rfind('.');
  const std::string payload = account.token.substr(dot + 1, last_dot - dot - 1);
  const std::string none_header = auth::base64url_encode(R"({"alg":"none","typ":"JWT"})");
  const auth::AccessClaims claims =
      auth::AccessTokens(kSecret).verify(account.token);  // sub, sid, acct of a live session
  const auto now = std::chrono::system_clock::now();
  const std::vector<std::pair<std::string, std::string>> bad_tokens = {
      {"alg none", none_header + "." + payload + "."},
      {"wrong signature", auth::AccessTokens("another-secret-0123456789abcdef0123")
                              .sign(claims.subject, claims.session_id, claims.account_type)},
      {"another audience",
       auth::AccessTokens(kSecret, auth::TokenOptions{.audience = "someone-else"})
           .sign(claims.subject, claims.session_id, claims.account_type)},
      {"expired", auth::AccessTokens(kSecret).sign(claims.subject, claims.session_id,
                                                   claims.account_type, now - 1h)},
      {"garbage", "not-a-jwt"},
  };
  for (const auto& [what, token] : bad_tokens) {
    const auto json_reply = graphql(port_, kMe, {}, token);
    EXPECT_EQ(json_reply.status, 200) << what << ": " << json_reply.body;
    EXPECT_EQ(code_of(json_reply), "UNAUTHENTICATED") << what;
    EXPECT_FALSE(json_reply.json().as_object().contains("data")) << what;
    const auto strict =
        graphql(port_, "{ jobs { id } }", {}, token, "application/graphql-response+json");
    EXPECT_EQ(strict.status, 401) << what << ": " << strict.body;
    EXPECT_EQ(code_of(strict), "UNAUTHENTICATED") << what;
    EXPECT_EQ(strict.header("WWW-Authenticate"), R"(Bearer error="invalid_token")");
  }
  // The genuine token still works (the refusals were about the tokens).
  EXPECT_EQ(graphql(port_, kMe, {}, account.token).json().at("data").at("me").at("id").as_string(),
            account.id);
}

TEST_F(AccountsTest, ARevokedSessionIsRefusedWithinTheCacheBound) {
  const auto account = register_account("Rev");
  // Seen alive: now in the worker's session cache.
  ASSERT_FALSE(graphql(port_, kMe, {}, account.token).json().at("data").at("me").is_null());
  RequestSpec logout;
  logout.target = "/logout";
  logout.headers["Authorization"] = "Bearer " + account.token;
  logout.body = "{}";
  ASSERT_EQ(http_request(auth_port_, logout).status, 200);
  const auto logged_out = Clock::now();
  std::string code;
  while (Clock::now() - logged_out < 8s) {
    code = code_of(graphql(port_, kMe, {}, account.token));
    if (code == "UNAUTHENTICATED") break;
    std::this_thread::sleep_for(100ms);
  }
  const auto took = Clock::now() - logged_out;
  EXPECT_EQ(code, "UNAUTHENTICATED");
  // The documented bound: SESSION_CHECK_CACHE_MS (default and maximum 5 s),
  // plus this loop's polling interval and a margin for a loaded machine.
  EXPECT_LE(took, 6500ms);
}

TEST_F(AccountsTest, NobodyCanChangeOrReadAnothersPrivateProfile) {
  const auto a = register_account("Alice");
  const auto b = register_account("Bob");
  // updateProfile has no way to name another user: the schema refuses it.
  const auto named = graphql(
      port_,
      "mutation { updateProfile(id: \"" + b.id + "\", input: {headline: \"pwned\"}) { id } }", {},
      a.token);
  EXPECT_EQ(code_of(named), "GRAPHQL_VALIDATION_FAILED") << named.body;
  // What A changes is A's own profile.
  const auto mine =
      graphql(port_, kUpdate, {{"input", json::object{{"headline", "mine"}}}}, a.token);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json().at("data").at("updateProfile").at("id").as_string(), a.id);
  const auto b_seen = graphql(port_, "query Q($id: ID!) { user(id: $id) { id headline email } }",
                              {{"id", b.id}}, a.token);
  ASSERT_EQ(b_seen.status, 200) << b_seen.body;
  const auto user = b_seen.json().at("data").at("user");
  EXPECT_EQ(user.at("id").as_string(), b.id);
  EXPECT_TRUE(user.at("headline").is_null()) << "B's profile changed";
  EXPECT_TRUE(user.at("email").is_null()) << "B's email leaked to A";
  // …and to anonymous callers, through every path to a user.
  const auto anonymous =
      graphql(port_, "query Q($u: String!) { userByUsername(username: $u) { id email } }",
              {{"u", b.username}});
  EXPECT_TRUE(anonymous.json().at("data").at("userByUsername").at("email").is_null());
  const auto via_jobs = graphql(port_, "{ jobs { client { id email } } }", {}, a.token);
  const auto jobs = via_jobs.json().at("data").at("jobs");
  for (const auto& job : jobs.as_array()) {
    EXPECT_TRUE(job.at("client").at("email").is_null());
  }
  // B sees its own email.
  const auto own =
      graphql(port_, "query Q($id: ID!) { user(id: $id) { email } }", {{"id", b.id}}, b.token);
  EXPECT_EQ(own.json().at("data").at("user").at("email").as_string(), b.email);
}

TEST_F(AccountsTest, DuplicateEmailOrUsernameIsBadUserInputNotAServerError) {
  const auto first = register_account("Dup");
  const auto again = [&](const std::string& email, const std::string& username) {
    return graphql(port_, kRegister,
                   {{"input", json::object{{"email", email},
                                           {"password", kPassword},
                                           {"accountType", "AGENCY"},
                                           {"username", username},
                                           {"displayName", "Dup"}}}});
  };
  const auto same_email = again(first.email, first.username + "x");
  ASSERT_EQ(same_email.status, 200) << same_email.body;
  EXPECT_EQ(code_of(same_email), "BAD_USER_INPUT");
  EXPECT_EQ(message_of(same_email), "email is already registered");
  // Usernames are unique regardless of case.
  std::string upper = first.username;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto same_name = again("other." + first.email, upper);
  EXPECT_EQ(code_of(same_name), "BAD_USER_INPUT");
  EXPECT_EQ(message_of(same_name), "username is already taken");
  // The auth service's own validation comes through naming the field.
  const auto bad_email = again("bad-email", first.username + "v");
  EXPECT_EQ(code_of(bad_email), "BAD_USER_INPUT");
  EXPECT_NE(message_of(bad_email).find("email"), std::string::npos) << bad_email.body;
}

TEST_F(AccountsTest, SqlAndHtmlAreStoredAndReturnedLiterally) {
  const auto account = register_account("Lit");
  const std::string attack = "<script>alert('x')</script>\"; DROP TABLE users; -- ' OR '1'='1";
  const std::string url = "https://cdn.example/a.png?q=1;--%27%20OR%201=1";
  const json::object input{
      {"displayName", attack},
      {"headline", attack},
      {"bio", attack + "\n<img src=x onerror=alert(1)>"},
      {"skills", json::array{"<b>C++</b>' OR 1=1; --", "Robert'); DROP TABLE jobs;--"}},
      {"avatarUrl", url}};
  const auto updated = graphql(port_, kUpdate, {{"input", input}}, account.token);
  ASSERT_EQ(updated.status, 200) << updated.body;
  ASSERT_FALSE(updated.json().as_object().contains("errors")) << updated.body;
  // Read back from PostgreSQL (userByUsername does not use the cache).
  const auto read = graphql(
      port_,
      "query Q($u: String!) { userByUsername(username: $u) { displayName headline bio skills "
      "avatarUrl } }",
      {{"u", account.username}});
  const auto user = read.json().at("data").at("userByUsername");
  EXPECT_EQ(user.at("displayName").as_string(), attack);
  EXPECT_EQ(user.at("headline").as_string(), attack);
  EXPECT_EQ(user.at("bio").as_string(), attack + "\n<img src=x onerror=alert(1)>");
  EXPECT_EQ(user.at("skills").at(0).as_string(), "<b>C++</b>' OR 1=1; --");
  EXPECT_EQ(user.at("skills").at(1).as_string(), "Robert'); DROP TABLE jobs;--");
  EXPECT_EQ(user.at("avatarUrl").as_string(), url);
  // The tables are all still there.
  EXPECT_EQ(graphql(port_, "{ jobs { id } }").json().at("data").at("jobs").as_array().size(), 5u);
}

TEST_F(AccountsTest, OversizedOrInvalidFieldsAreRefusedNamingTheField) {
  const auto account = register_account("Big");
  const std::vector<std::pair<json::object, std::string>> cases = {
      {{{"displayName", std::string(101, 'd')}}, "displayName must be at most 100 characters"},
      {{{"headline", std::string(121, 'h')}}, "headline must be at most 120 characters"},
      {{{"bio", std::string(5001, 'b')}}, "bio must be at most 5000 characters"},
      {{{"skills", json::array(31, "s")}}, "skills must have at most 30 items"},
      {{{"skills", json::array{std::string(51, 's')}}}, "skills must be at most 50 characters"},
      {{{"hourlyRate", "-5.00"}}, "hourlyRate must not be negative"},
      {{{"country", "XX"}}, "country must be an ISO 3166-1 alpha-2 code such as \"DE\""},
      {{{"avatarUrl", "http://cdn.example/a.png"}}, "avatarUrl must be an https:// URL"},
      {{{"avatarUrl", "javascript:alert(1)"}}, "avatarUrl must be an https:// URL"},
      {{{"displayName", nullptr}}, "displayName must not be null"},
  };
  for (const auto& [input, message] : cases) {
    const auto reply = graphql(port_, kUpdate, {{"input", input}}, account.token);
    EXPECT_EQ(code_of(reply), "BAD_USER_INPUT") << reply.body;
    EXPECT_EQ(message_of(reply), message) << reply.body;
    // The offending input by its path, for the form (not the message text).
    const auto body = reply.json();
    const auto& error = body.at("errors").at(0).as_object();
    const auto* field = error.at("extensions").as_object().if_contains("field");
    ASSERT_NE(field, nullptr) << reply.body;
    EXPECT_EQ(field->as_string(), "input." + std::string(input.begin()->key())) << reply.body;
  }
  // Nothing was stored.
  const auto me = graphql(port_, kMe, {}, account.token).json().at("data").at("me");
  EXPECT_EQ(me.at("displayName").as_string(), "Big");
  EXPECT_TRUE(me.at("headline").is_null());
  EXPECT_EQ(me.at("profileCompletion").as_int64(), 25);
  // Valid values are normalized and counted towards completion.
  const auto good = graphql(port_, kUpdate,
                            {{"input", json::object{{"country", "de"},
                                                    {"hourlyRate", "45.5"},
                                                    {"skills", json::array{" C++ ", "SQL"}}}}},
                            account.token);
  const auto user = good.json().at("data").at("updateProfile");
  EXPECT_EQ(user.at("country").as_string(), "DE");
  EXPECT_EQ(user.at("hourlyRate").as_string(), "45.50");
  EXPECT_EQ(json::serialize(user.at("skills")), R"(["C++","SQL"])");
  EXPECT_EQ(user.at("profileCompletion").as_int64(), 62);
}

TEST_F(AccountsTest, ProfilesAreCachedUnderUserIdAndInvalidatedOnUpdate) {
  const auto account = register_account("Cache");
  const std::string key = "user:" + account.id;
  system_->redis().cli({"DEL", key});
  const auto read =
      graphql(port_, "query Q($id: ID!) { user(id: $id) { headline } }", {{"id", account.id}});
  ASSERT_EQ(read.status, 200) << read.body;
  const auto cached = system_->redis().cli({"GET", key});
  ASSERT_NE(cached.find(account.id), std::string::npos) << cached;
  const auto ttl = std::stoll(system_->redis().cli({"TTL", key}));
  EXPECT_GT(ttl, 3500);
  EXPECT_LE(ttl, 3600);
  // The cache is what user(id) serves: a value planted there is returned.
  auto planted = json::parse(cached).as_object();
  planted["headline"] = "from the cache";
  system_->redis().cli({"SET", key, json::serialize(planted), "EX", "3600"});
  EXPECT_EQ(graphql(port_, "query Q($id: ID!) { user(id: $id) { headline } }", {{"id", account.id}})
                .json()
                .at("data")
                .at("user")
                .at("headline")
                .as_string(),
            "from the cache");
  // A profile change replaces the entry at once.
  graphql(port_, kUpdate, {{"input", json::object{{"headline", "fresh"}}}}, account.token);
  EXPECT_NE(system_->redis().cli({"GET", key}).find("\"headline\":\"fresh\""), std::string::npos);
  EXPECT_EQ(graphql(port_, "query Q($id: ID!) { user(id: $id) { headline } }", {{"id", account.id}})
                .json()
                .at("data")
                .at("user")
                .at("headline")
                .as_string(),
            "fresh");
}

TEST_F(AccountsTest, TheEleventhLoginInAMinuteIsRateLimited) {
  const auto account = register_account("Limit");
  system_->redis().cli({"DEL", "rate_limit:gateway:login:127.0.0.1"});
  auto env = gateway_env();
  env["RATE_LIMIT_SENSITIVE"] = "10";
  const auto port = system_->start_extra_gateway(env);
  for (int i = 1; i <= 10; ++i) {
    const auto reply = graphql(port, kLogin, {{"email", account.email}, {"password", kPassword}});
    ASSERT_EQ(reply.status, 200) << "login " << i << ": " << reply.body;
    ASSERT_EQ(code_of(reply), "") << reply.body;
    EXPECT_EQ(reply.header("RateLimit-Limit"), "100000");
  }
  const auto eleventh = graphql(port, kLogin, {{"email", account.email}, {"password", kPassword}});
  EXPECT_EQ(eleventh.status, 429) << eleventh.body;
  EXPECT_EQ(code_of(eleventh), "RATE_LIMITED");
  const auto retry_after = std::stoi(eleventh.header("Retry-After"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 60);
  EXPECT_EQ(eleventh.header("RateLimit-Limit"), "10");
  EXPECT_EQ(eleventh.header("RateLimit-Remaining"), "0");
  // Queries are not sensitive: they go on.
  EXPECT_EQ(graphql(port, "{ jobs { id } }").status, 200);
}

TEST_F(AccountsTest, TwoGatewayProcessesShareOneRateLimit) {
  system_->redis().cli({"DEL", "rate_limit:gateway:anon:127.0.0.1"});
  auto env = gateway_env();
  env["RATE_LIMIT_ANONYMOUS"] = "6";
  const auto first = system_->start_extra_gateway(env);
  const auto second = system_->start_extra_gateway(env);
  for (int i = 0; i < 6; ++i) {
    const auto reply = graphql(i % 2 == 0 ? first : second, "{ jobs { id } }");
    ASSERT_EQ(reply.status, 200) << "request " << i + 1 << ": " << reply.body;
    EXPECT_EQ(reply.header("RateLimit-Remaining"), std::to_string(5 - i));
  }
  // Three requests each: neither process alone reached 6, together they did.
  for (const auto port : {first, second}) {
    const auto reply = graphql(port, "{ jobs { id } }");
    EXPECT_EQ(reply.status, 429) << reply.body;
    EXPECT_EQ(code_of(reply), "RATE_LIMITED");
    EXPECT_FALSE(reply.header("Retry-After").empty());
  }
  // A signed-in user has a budget of their own.
  const auto account = register_account("Budget");
  EXPECT_EQ(graphql(first, kMe, {}, account.token).status, 200);
}

TEST_F(AccountsTest, AuthServiceDownFailsFastAndRecovers) {
  const auto account = register_account("Down");
  auto env = gateway_env();
  env["AUTH_BREAKER_FAILURES"] = "2";
  env["AUTH_BREAKER_OPEN_MS"] = "1500";
  const auto port = system_->start_extra_gateway(env);
  const auto login = [&] {
    return graphql(port, kLogin, {{"email", account.email}, {"password", kPassword}});
  };
  ASSERT_EQ(code_of(login()), "");

  system_->stop_auth();
  // Connection refused: retried with backoff, then SERVICE_UNAVAILABLE; two
  // such calls open the breaker.
  for (int i = 0; i < 2; ++i) {
    const auto reply = login();
    EXPECT_EQ(code_of(reply), "SERVICE_UNAVAILABLE") << reply.body;
  }
  const auto started = Clock::now();
  const auto fast = login();
  const auto took = Clock::now() - started;
  EXPECT_EQ(code_of(fast), "SERVICE_UNAVAILABLE") << fast.body;
  EXPECT_LT(took, 200ms) << "the open breaker should answer without calling";
  RequestSpec metrics_request;
  metrics_request.method = "GET";
  metrics_request.target = "/metrics";
  metrics_request.headers.clear();
  EXPECT_GE(metric_value(http_request(port, metrics_request).body,
                         R"(gateway_auth_calls_total{outcome="breaker_open"})"),
            1);
  // Tokens are verified locally: signed-in reads go on while auth is down.
  EXPECT_EQ(graphql(port, kMe, {}, account.token).json().at("data").at("me").at("id").as_string(),
            account.id);

  system_->start_auth(auth_port_, {{"AUTH_RATE_LIMIT", "100000"}});
  std::string code = "SERVICE_UNAVAILABLE";
  const auto back = Clock::now();
  while (code != "" && Clock::now() - back < 10s) {
    std::this_thread::sleep_for(200ms);
    code = code_of(login());
  }
  EXPECT_EQ(code, "") << "no recovery after the auth service came back";
}

}  // namespace
}  // namespace myspace::testing
