// When a call to the auth service may be retried (only where nothing can
// happen twice) and the backoff's bounds.

#include "services/gateway/auth_client.h"

#include <gtest/gtest.h>

#include "http/client.h"

namespace myspace::gateway {
namespace {

using namespace std::chrono_literals;

using http::FailedStage;
using http::UpstreamError;

UpstreamError unavailable(FailedStage stage, bool refused = false) {
  return UpstreamError(ErrorCode::kUnavailable, "upstream unavailable", "detail", stage, refused);
}

TEST(AuthRetry, LoginRetriesOnlyWhenNothingWasSent) {
  const auto policy = RetryPolicy::kWhenNotConnected;
  EXPECT_TRUE(may_retry(unavailable(FailedStage::kConnect, true), policy));
  EXPECT_TRUE(may_retry(unavailable(FailedStage::kConnect), policy));  // no route to host
  EXPECT_TRUE(may_retry(unavailable(FailedStage::kResolve), policy));
  EXPECT_FALSE(may_retry(unavailable(FailedStage::kExchange), policy));
  EXPECT_FALSE(may_retry(
      UpstreamError(ErrorCode::kTimeout, "upstream timed out", "", FailedStage::kConnect, false),
      policy));
  // An error that does not say where it happened is never retried.
  EXPECT_FALSE(may_retry(Error(ErrorCode::kUnavailable, "connect x: refused"), policy));
}

TEST(AuthRetry, RegisterRetriesOnlyARefusedConnection) {
  const auto policy = RetryPolicy::kWhenRefused;
  EXPECT_TRUE(may_retry(unavailable(FailedStage::kConnect, true), policy));
  EXPECT_FALSE(may_retry(unavailable(FailedStage::kResolve), policy));
  EXPECT_FALSE(may_retry(unavailable(FailedStage::kConnect), policy));
  EXPECT_FALSE(may_retry(unavailable(FailedStage::kExchange, true), policy));
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
