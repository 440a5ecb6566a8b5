// The `myspace` binary as an operator runs it: configuration errors, migrate
// and seed, liveness and readiness while PostgreSQL or Redis are down, the web
// server's files, and a clean stop on SIGTERM.

#include <gtest/gtest.h>
#include <signal.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <fstream>
#include <thread>

#include "support/postgres/temp_postgres.h"
#include "support/process.h"
#include "support/redis/temp_redis.h"

namespace myspace::testing {
namespace {

namespace beast_http = boost::beast::http;
using namespace std::chrono_literals;

struct HttpReply {
  int status = 0;
  std::string body;
  beast_http::fields headers;
};

HttpReply http_request(std::uint16_t port, beast_http::verb method, const std::string& target,
                       std::string body = {},
                       const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  beast_http::request<beast_http::string_body> request{method, target, 11};
  request.set(beast_http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = std::move(body);
  if (method != beast_http::verb::get) request.prepare_payload();
  beast_http::write(socket, request);
  boost::beast::flat_buffer buffer;
  beast_http::response<beast_http::string_body> response;
  beast_http::read(socket, buffer, response);
  HttpReply reply{static_cast<int>(response.result_int()), response.body(), {}};
  for (const auto& field : response) reply.headers.set(field.name_string(), field.value());
  return reply;
}

HttpReply http_get(std::uint16_t port, const std::string& target) {
  return http_request(port, beast_http::verb::get, target);
}

// Polls `path` until it answers `status` or the deadline passes.
bool eventually_status(std::uint16_t port, const std::string& path, int status,
                       std::chrono::milliseconds timeout = 15s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      if (http_get(port, path).status == status) return true;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

class ServiceProcessTest : public ::testing::Test {
 protected:
  ProcessOptions service(const std::string& role, std::uint16_t port,
                         std::map<std::string, std::string> extra = {}) {
    ProcessOptions options;
    options.argv = {MYSPACE_BINARY, role};
    // ctest runs us in the build tree; point the admin tasks at the sources.
    if (role == "migrate") {
      options.argv.insert(options.argv.end(), {"--dir", MYSPACE_SOURCE_DIR_PATH "/migrations"});
    }
    options.env_extra = {
        {"PORT", std::to_string(port)}, {"DATABASE_URL", postgres_.url()},
        {"REDIS_URL", redis_.url()},    {"THREADS", "2"},
        {"MYSPACE_ENV", "test"},        {"JWT_SECRET", "integration-test-secret-0123456789abcdef"},
        {"BCRYPT_COST", "10"},          {"SEED_FILE", MYSPACE_SOURCE_DIR_PATH "/seeds/demo.sql"}};
    for (auto& [key, value] : extra) options.env_extra[key] = value;
    options.stdout_file = logs_.path() / (role + ".log");
    return options;
  }

  std::string log_of(const std::string& role) {
    std::ifstream in(logs_.path() / (role + ".log"));
    return {std::istreambuf_iterator<char>(in), {}};
  }

  int run_admin(const std::string& role) {
    Process process(service(role, free_port(), {}));
    return process.wait(60s).value_or(-1);
  }

  TempPostgres postgres_;
  TempRedis redis_;
  TempDir logs_{"myspace-service-logs-"};
};

TEST_F(ServiceProcessTest, InvalidConfigurationStopsWithTheVariableNamed) {
  auto options = service("gateway", free_port(), {{"PORT", "not-a-port"}});
  Process process(options);
  EXPECT_EQ(process.wait(20s), 2);
  const std::string log = log_of("gateway");
  EXPECT_NE(log.find("PORT: must be an integer"), std::string::npos) << log;

  Process bad_url(service("auth", free_port(), {{"DATABASE_URL", "mysql://x/y"}}));
  EXPECT_EQ(bad_url.wait(20s), 2);
  EXPECT_NE(log_of("auth").find("DATABASE_URL"), std::string::npos);
}

TEST_F(ServiceProcessTest, ProductionRefusesTheDevelopmentJwtSecret) {
  Process process(service("auth", free_port(),
                          {{"MYSPACE_ENV", "production"}, {"JWT_SECRET", "dev-secret-key"}}));
  EXPECT_EQ(process.wait(20s), 2);
  EXPECT_NE(log_of("auth").find("JWT_SECRET"), std::string::npos);
}

TEST_F(ServiceProcessTest, MigrateAndSeedAreIdempotent) {
  ASSERT_EQ(run_admin("migrate"), 0) << log_of("migrate");
  const std::string first_run = log_of("migrate");
  EXPECT_NE(first_run.find(R"("event":"migrate.done")"), std::string::npos) << first_run;
  EXPECT_EQ(first_run.find(R"("applied":0)"), std::string::npos) << first_run;

  ASSERT_EQ(run_admin("migrate"), 0) << log_of("migrate");
  const std::string second_run = log_of("migrate").substr(first_run.size());
  EXPECT_NE(second_run.find(R"("applied":0)"), std::string::npos) << second_run;

  ASSERT_EQ(run_admin("seed"), 0) << log_of("seed");
  ASSERT_EQ(run_admin("seed"), 0) << log_of("seed");
}

TEST_F(ServiceProcessTest, SeedIsRefusedInProduction) {
  ASSERT_EQ(run_admin("migrate"), 0);
  Process process(service("seed", free_port(),
                          {{"MYSPACE_ENV", "production"},
                           {"JWT_SECRET", "a-production-secret-that-is-long-enough-42"}}));
  EXPECT_EQ(process.wait(20s), 2);
}

TEST_F(ServiceProcessTest, StartsWithTheDatabaseDownAndBecomesReadyWhenItReturns) {
  postgres_.stop();
  const auto port = free_port();
  Process gateway(service("gateway", port));
  ASSERT_TRUE(wait_for_port(port, 20s)) << log_of("gateway");

  const auto health = http_get(port, "/health");
  EXPECT_EQ(health.status, 200);
  const auto body = boost::json::parse(health.body).as_object();
  EXPECT_EQ(body.at("service").as_string(), "gateway");
  EXPECT_EQ(body.at("status").as_string(), "ok");

  const auto ready = http_get(port, "/ready");
  EXPECT_EQ(ready.status, 503);
  EXPECT_NE(ready.body.find(R"("postgres":"unavailable")"), std::string::npos) << ready.body;

  postgres_.start();
  EXPECT_TRUE(eventually_status(port, "/ready", 200)) << log_of("gateway");
  EXPECT_TRUE(gateway.running());
}

TEST_F(ServiceProcessTest, SurvivesARedisRestart) {
  const auto port = free_port();
  Process auth(service("auth", port));
  ASSERT_TRUE(wait_for_port(port, 20s)) << log_of("auth");
  ASSERT_TRUE(eventually_status(port, "/ready", 200)) << log_of("auth");

  redis_.stop();
  EXPECT_TRUE(eventually_status(port, "/ready", 503));
  redis_.start();
  EXPECT_TRUE(eventually_status(port, "/ready", 200)) << log_of("auth");
  EXPECT_TRUE(auth.running());
}

TEST_F(ServiceProcessTest, WebServesTheAppConfigAndSpaRoutes) {
  TempDir root("myspace-web-root-");
  std::filesystem::create_directories(root.path() / "assets");
  std::ofstream(root.path() / "index.html") << "<!doctype html><title>MySpace 2.0</title>";
  std::ofstream(root.path() / "assets" / "app-3f2a1b.js") << "console.log('app')";

  const auto port = free_port();
  Process web(service(
      "web", port,
      {{"WEB_ROOT", root.path().string()}, {"PUBLIC_API_URL", "http://api.test:4000/graphql"}}));
  ASSERT_TRUE(wait_for_port(port, 20s)) << log_of("web");

  const auto index = http_get(port, "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("MySpace 2.0"), std::string::npos);
  EXPECT_EQ(index.headers[beast_http::field::cache_control], "no-cache");
  EXPECT_NE(std::string(index.headers["Content-Security-Policy"]).find("http://api.test:4000"),
            std::string::npos);

  const auto asset = http_get(port, "/assets/app-3f2a1b.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(std::string(asset.headers[beast_http::field::cache_control]).find("immutable"),
            std::string::npos);

  const auto config = http_get(port, "/config.js");
  EXPECT_EQ(config.status, 200);
  EXPECT_NE(config.body.find(R"("apiUrl":"http://api.test:4000/graphql")"), std::string::npos);
}

// The web service as the browser meets it: client routes are pages whatever
// their dots or Accept, and the auth service answers on the web's own origin
// with its refresh cookie scoped to /auth.
TEST_F(ServiceProcessTest, WebServesClientRoutesAndProxiesAuth) {
  TempDir root("myspace-web-root-");
  std::ofstream(root.path() / "index.html") << "<!doctype html><title>MySpace 2.0</title>";
  ASSERT_EQ(run_admin("migrate"), 0) << log_of("migrate");
  const auto auth_port = free_port();
  Process auth(service("auth", auth_port));
  ASSERT_TRUE(wait_for_port(auth_port, 20s)) << log_of("auth");
  const auto port = free_port();
  Process web(service("web", port,
                      {{"WEB_ROOT", root.path().string()},
                       {"AUTH_SERVICE_URL", "http://127.0.0.1:" + std::to_string(auth_port)}}));
  ASSERT_TRUE(wait_for_port(port, 20s)) << log_of("web");

  for (const auto* target : {"/u/ada.codes", "/jobs", "/settings/profile", "/login?next=%2Fjobs"}) {
    const auto page = http_get(port, target);  // no Accept, like curl
    EXPECT_EQ(page.status, 200) << target;
    EXPECT_NE(page.body.find("MySpace 2.0"), std::string::npos) << target;
  }
  const auto config = http_get(port, "/config.js");
  EXPECT_NE(config.body.find(R"("authUrl":"/auth")"), std::string::npos) << config.body;

  const std::vector<std::pair<std::string, std::string>> json = {
      {"Content-Type", "application/json"}};
  const auto registered = http_request(
      port, beast_http::verb::post, "/auth/register",
      R"({"email":"proxy@example.com","password":"a long proxy password","accountType":"CLIENT",)"
      R"("username":"proxy_user","displayName":"Proxy User"})",
      json);
  ASSERT_EQ(registered.status, 201) << registered.body << log_of("web") << log_of("auth");
  const std::string cookie(registered.headers[beast_http::field::set_cookie]);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Path=/auth"), std::string::npos) << cookie;
  EXPECT_EQ(registered.headers[beast_http::field::cache_control], "no-store");

  const auto refreshed = http_request(port, beast_http::verb::post, "/auth/refresh", "",
                                      {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  EXPECT_EQ(refreshed.status, 200) << refreshed.body;
  EXPECT_NE(refreshed.body.find("accessToken"), std::string::npos);

  EXPECT_EQ(http_request(port, beast_http::verb::post, "/auth/metrics").status, 404);
  EXPECT_EQ(http_get(port, "/auth/login").status, 405);
}

TEST_F(ServiceProcessTest, StopsCleanlyOnSigterm) {
  const auto port = free_port();
  Process gateway(service("gateway", port));
  ASSERT_TRUE(wait_for_port(port, 20s));
  EXPECT_EQ(gateway.stop(SIGTERM, 15s), 0);
  const std::string log = log_of("gateway");
  EXPECT_NE(log.find(R"("event":"service.stopped")"), std::string::npos) << log;
}

}  // namespace
}  // namespace myspace::testing
