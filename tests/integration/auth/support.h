#pragma once
// In-process auth service instances for the integration tests: each runs the
// service's real worker wiring (make_setup) and an http::Server on port 0 on
// its own thread, against a shared TempPostgres (migrated) and TempRedis.
// Requests are plain blocking HTTP calls, so tests read as request/response.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "http/message.h"
#include "http/server.h"
#include "services/auth_service/auth_service.h"
#include "support/postgres/temp_postgres.h"
#include "support/redis/temp_redis.h"

namespace myspace::auth_service::testing {

inline constexpr std::string_view kTestSecret = "integration-test-secret-0123456789abcdef";
inline constexpr std::string_view kWebOrigin = "http://localhost:3000";

struct Reply {
  http::Status status{};
  boost::json::value json;  // null when the body is not JSON
  http::Response raw;

  std::string header(std::string_view name) const { return std::string(raw[name]); }
  std::string error_code() const;
  std::string error_message() const;
  // The refresh token from Set-Cookie, or "".
  std::string refresh_cookie() const;
};

class AuthServer {
 public:
  explicit AuthServer(const AuthConfig& config);
  ~AuthServer();
  AuthServer(const AuthServer&) = delete;
  AuthServer& operator=(const AuthServer&) = delete;

  std::uint16_t port() const { return port_; }
  // Runs the named /ready probe on the server's thread: "" when it passes,
  // else its error message.
  std::string probe(std::string_view name);

 private:
  boost::asio::io_context io_{1};
  http::Router router_;
  http::ServerOptions options_;
  std::vector<service::ReadinessCheck> readiness_;
  std::vector<http::Middleware> middleware_;
  std::vector<std::shared_ptr<void>> keep_alive_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

// POST `target` with a JSON body from a client address, sent as
// X-Forwarded-For the way the gateway sends it: with the internal credential
// that makes the service believe it. `as_gateway = false` sends the header
// alone, as any other local process could.
struct Call {
  std::string target;
  std::string body;
  std::string client = "203.0.113.1";
  std::vector<std::pair<std::string, std::string>> headers = {};
  http::Verb method = http::Verb::post;
  bool as_gateway = true;
};
Reply send(std::uint16_t port, const Call& call);

std::string bearer(std::string_view token);

class AuthTest : public ::testing::Test {
 protected:
  AuthTest();
  AuthConfig config() const;
  AuthServer& server();  // started on first use

  Reply post(std::string target, std::string body, std::string client = "203.0.113.1",
             std::vector<std::pair<std::string, std::string>> headers = {}) {
    return send(server().port(),
                Call{std::move(target), std::move(body), std::move(client), std::move(headers)});
  }
  // Registers a user; asserts 201 and returns the reply.
  Reply register_user(std::string_view email, std::string_view username,
                      std::string_view password = "a-Long-passphrase-9",
                      std::string client = "198.51.100.1", std::string_view account_type = "CLIENT",
                      std::string_view display_name = "Test User");
  Reply login(std::string_view email, std::string_view password,
              std::string client = "198.51.100.2");

  myspace::testing::TempPostgres postgres_;
  myspace::testing::TempRedis redis_;
  std::unique_ptr<AuthServer> server_;
};

}  // namespace myspace::auth_service::testing
