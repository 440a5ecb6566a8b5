// When a call to the auth service may be retried (only where nothing can
// happen twice) and the backoff's bounds.

#include "services/gateway/auth_client.h"

#include <gtest/gtest.h>

namespace myspace::gateway {
namespace {

using namespace std::chrono_literals;

Error unavailable(std::string detail) {
  return Error(ErrorCode::kUnavailable, "upstream unavailable", std::move(detail));
}

TEST(AuthRetry, LoginRetriesOnlyWhenNothingWasSent) {
  const auto policy = RetryPolicy::kWhenNotConnected;
  EXPECT_TRUE(may_retry(unavailable("connect 127.0.0.1:3002: Connection refused"), policy));
  EXPECT_TRUE(may_retry(unavailable("resolve auth:3002: Host not found"), policy));
  EXPECT_FALSE(may_retry(unavailable("read 127.0.0.1:3002: Connection reset by peer"), policy));
  EXPECT_FALSE(may_retry(unavailable("write 127.0.0.1:3002: Broken pipe"), policy));
  EXPECT_FALSE(
      may_retry(Error(ErrorCode::kTimeout, "upstream timed out", "connect x: timeout"), policy));
}

TEST(AuthRetry, RegisterRetriesOnlyARefusedConnection) {
  const auto policy = RetryPolicy::kWhenRefused;
  EXPECT_TRUE(may_retry(unavailable("connect 127.0.0.1:3002: Connection refused"), policy));
  EXPECT_FALSE(may_retry(unavailable("resolve auth:3002: Host not found"), policy));
  EXPECT_FALSE(may_retry(unavailable("connect 10.0.0.1:3002: No route to host"), policy));
  EXPECT_FALSE(may_retry(unavailable("read 127.0.0.1:3002: end of stream"), policy));
}

TEST(AuthRetry, BackoffGrowsExponentiallyWithJitterUpToTheCap) {
  const AuthClientOptions options{.backoff_base = 50ms, .backoff_max = 300ms};
  for (int i = 0; i < 200; ++i) {
    EXPECT_LE(backoff_delay(options, 0), 50ms);
    EXPECT_LE(backoff_delay(options, 1), 100ms);
    EXPECT_LE(backoff_delay(options, 5), 300ms);
    EXPECT_GE(backoff_delay(options, 5), 0ms);
  }
  // Jittered: not always the same delay.
  bool varied = false;
  const auto first = backoff_delay(options, 3);
  for (int i = 0; i < 50 && !varied; ++i) varied = backoff_delay(options, 3) != first;
  EXPECT_TRUE(varied);
}

}  // namespace
}  // namespace myspace::gateway
