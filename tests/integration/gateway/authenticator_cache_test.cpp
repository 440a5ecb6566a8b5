// The gateway's Authenticator in process, against a real Redis, with a fake
// steady clock: a session seen alive is trusted for exactly
// session_cache_ttl and asked about again from then on, so a revoked session
// is refused within the TTL and never later. (The end-to-end bound, through
// `myspace gateway` and `myspace auth`, is in accounts_test.cpp; a fake clock
// pins the edge, which wall-clock sleeps cannot.)

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <future>

#include "auth/jwt.h"
#include "auth/sessions.h"
#include "cache/client.h"
#include "common/error.h"
#include "services/gateway/authenticator.h"
#include "support/redis/temp_redis.h"

namespace myspace::gateway {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

constexpr std::string_view kUser = "usr_cachedUser0001";

class AuthenticatorCache : public ::testing::Test {
 protected:
  void SetUp() override { run(redis_client_.connect()); }

  // Drives io_ until `task` is done; the client's background work may stay pending.
  template <class T>
  T run(asio::awaitable<T> task) {
    auto future = asio::co_spawn(io_, std::move(task), asio::use_future);
    while (future.wait_for(0s) != std::future_status::ready) {
      if (io_.stopped()) io_.restart();
      io_.run_one_for(100ms);
    }
    return future.get();
  }

  Authenticator authenticator(std::chrono::milliseconds ttl) {
    return Authenticator(tokens_, sessions_, {.session_cache_ttl = ttl}, [this] { return now_; });
  }

  // A live session of kUser and the Authorization header carrying it.
  std::pair<std::string, std::string> login() {
    const auto issued = run(sessions_.create(std::string(kUser), "FREELANCER"));
    return {issued.session.id, "Bearer " + tokens_.sign(kUser, issued.session.id, "FREELANCER")};
  }

  // The code of the error refusing `header` ("" when it is let in).
  std::string refusal(Authenticator& authenticator, const std::string& header) {
    try {
      run(authenticator.authenticate(header));
    } catch (const Error& e) {
      return std::string(error_code_name(e.code()));
    }
    return "";
  }

  testing::TempRedis redis_;
  asio::io_context io_;
  cache::Client redis_client_{io_.get_executor(), redis_.url()};
  auth::SessionStore sessions_{redis_client_};
  auth::AccessTokens tokens_{"authenticator-cache-test-secret-0123456789"};
  std::chrono::steady_clock::time_point now_{};  // the fake clock
};

TEST_F(AuthenticatorCache, ASessionSeenAliveIsTrustedForTheTtlAndCheckedAgainAfter) {
  auto cached = authenticator(5s);
  const auto [session_id, header] = login();
  EXPECT_EQ(run(cached.authenticate(header))->user_id, kUser);
  EXPECT_EQ(cached.cached_sessions(), 1u);

  ASSERT_TRUE(run(sessions_.revoke(session_id)));
  // Up to the TTL the remembered answer stands (the documented bound).
  now_ += 4999ms;
  EXPECT_EQ(run(cached.authenticate(header))->user_id, kUser);
  // At the TTL the entry has expired: Redis is asked and says the session ended.
  now_ += 1ms;
  EXPECT_EQ(refusal(cached, header), "UNAUTHENTICATED");
  EXPECT_EQ(cached.cached_sessions(), 0u);
}

TEST_F(AuthenticatorCache, ATtlOfZeroAsksRedisEveryTime) {
  auto uncached = authenticator(0ms);
  const auto [session_id, header] = login();
  EXPECT_EQ(run(uncached.authenticate(header))->user_id, kUser);
  EXPECT_EQ(uncached.cached_sessions(), 0u);
  ASSERT_TRUE(run(sessions_.revoke(session_id)));
  EXPECT_EQ(refusal(uncached, header), "UNAUTHENTICATED");
}

}  // namespace
}  // namespace myspace::gateway
