// Rate limits: 10 requests a minute per client address on login, 429 with
// Retry-After and RateLimit-* headers; shared by two instances through Redis;
// an in-process limit (and a degraded /ready) while Redis is down; failed
// logins per account that cannot lock the owner out.
#include <boost/json/serialize.hpp>

#include "support.h"

namespace myspace::auth_service::testing {
namespace {

using boost::json::object;
using boost::json::serialize;

std::string login_body(std::string_view email, std::string_view password = "wrong-passphrase") {
  return serialize(object{{"email", email}, {"password", password}});
}

void expect_rate_limited(const Reply& reply) {
  EXPECT_EQ(reply.status, http::Status::too_many_requests) << reply.raw.body();
  EXPECT_EQ(reply.error_code(), "RATE_LIMITED");
  const int retry_after =
      std::stoi(reply.header("Retry-After").empty() ? "-1" : reply.header("Retry-After"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 60);
  EXPECT_EQ(reply.header("RateLimit-Limit"), "10");
  EXPECT_EQ(reply.header("RateLimit-Remaining"), "0");
  EXPECT_EQ(reply.header("RateLimit-Reset"), reply.header("Retry-After"));
}

TEST_F(AuthTest, EleventhLoginInAMinuteFromOneAddressIsRefused) {
  for (int i = 0; i < 10; ++i) {
    const Reply reply =
        post("/login", login_body("user" + std::to_string(i) + "@example.com"), "192.0.2.10");
    EXPECT_EQ(reply.status, http::Status::unauthorized) << i;
  }
  expect_rate_limited(post("/login", login_body("user10@example.com"), "192.0.2.10"));
  // Another address is unaffected.
  EXPECT_EQ(post("/login", login_body("user11@example.com"), "192.0.2.11").status,
            http::Status::unauthorized);
}

// Any process on the gateway's host connects from the gateway's address; only
// the internal credential proves a caller is the gateway. Without it,
// X-Forwarded-For is ignored and the caller is counted as the address it
// connects from: no fresh budget per made-up address.
TEST_F(AuthTest, XForwardedForWithoutTheGatewayCredentialIsIgnored) {
  int allowed = 0;
  for (int i = 0; i < 11; ++i) {
    const Reply reply =
        send(server().port(), Call{.target = "/login",
                                   .body = login_body("spoof" + std::to_string(i) + "@example.com"),
                                   .client = "192.0.2." + std::to_string(100 + i),
                                   .as_gateway = false});
    if (reply.status == http::Status::too_many_requests) {
      expect_rate_limited(reply);
    } else {
      EXPECT_EQ(reply.status, http::Status::unauthorized) << reply.raw.body();
      ++allowed;
    }
  }
  EXPECT_EQ(allowed, 10);  // one budget: the socket's 127.0.0.1
  // The gateway's forwarded addresses are still told apart.
  EXPECT_EQ(post("/login", login_body("gw@example.com"), "192.0.2.200").status,
            http::Status::unauthorized);
}

TEST_F(AuthTest, TwoInstancesShareOneRateLimitThroughRedis) {
  AuthServer& first = server();
  AuthServer second(config());
  for (int i = 0; i < 10; ++i) {
    const auto port = i % 2 == 0 ? first.port() : second.port();
    EXPECT_EQ(send(port, Call{"/login", login_body("x" + std::to_string(i) + "@example.com"),
                              "192.0.2.20"})
                  .status,
              http::Status::unauthorized)
        << i;
  }
  expect_rate_limited(
      send(second.port(), Call{"/login", login_body("y@example.com"), "192.0.2.20"}));
  expect_rate_limited(
      send(first.port(), Call{"/login", login_body("z@example.com"), "192.0.2.20"}));
}

TEST_F(AuthTest, WithRedisDownRequestsAreServedUnderAnInProcessLimit) {
  register_user("steady@example.com", "steady_user");
  EXPECT_EQ(server().probe("rate_limits"), "");
  redis_.stop();

  for (int i = 0; i < 10; ++i) {
    const Reply reply = post("/login", login_body("steady@example.com"), "192.0.2.30");
    EXPECT_EQ(reply.status, http::Status::unauthorized) << i << " " << reply.raw.body();
  }
  const Reply limited = post("/login", login_body("steady@example.com"), "192.0.2.30");
  EXPECT_EQ(limited.status, http::Status::too_many_requests);
  EXPECT_EQ(limited.error_code(), "RATE_LIMITED");
  EXPECT_NE(server().probe("rate_limits").find("degraded"), std::string::npos);
  // Sessions live in Redis: a correct password cannot start one now, and says so.
  const Reply no_session =
      post("/login", login_body("steady@example.com", "a-Long-passphrase-9"), "192.0.2.31");
  EXPECT_EQ(no_session.status, http::Status::service_unavailable) << no_session.raw.body();

  redis_.start();
  std::string probe = "not yet";
  for (int i = 0; i < 100 && !probe.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    probe = server().probe("rate_limits");
  }
  EXPECT_EQ(probe, "");
  EXPECT_EQ(
      post("/login", login_body("steady@example.com", "a-Long-passphrase-9"), "192.0.2.32").status,
      http::Status::ok);
}

TEST_F(AuthTest, FailedLoginsPerAccountCannotLockTheOwnerOut) {
  register_user("victim@example.com", "victim_user");
  // An attacker at one address fails ten times (within the per-address limit).
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(post("/login", login_body("victim@example.com"), "192.0.2.40").status,
              http::Status::unauthorized);
  }
  // The next minute the per-address window has moved on, but the pair
  // (account, attacker address) is now refused for the hour...
  redis_.cli({"DEL", "rate_limit:auth:login:192.0.2.40"});
  const Reply attacker = post("/login", login_body("victim@example.com"), "192.0.2.40");
  EXPECT_EQ(attacker.status, http::Status::too_many_requests);
  // ...while the owner, at another address, logs in.
  EXPECT_EQ(post("/login", login_body("victim@example.com", "a-Long-passphrase-9"), "198.51.100.50")
                .status,
            http::Status::ok);
}

}  // namespace
}  // namespace myspace::auth_service::testing
