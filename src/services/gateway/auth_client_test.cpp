// When a call to the auth service may be retried (only where nothing can
// happen twice) and the backoff's bounds.

#include "services/gateway/auth_client.h"

#include <gtest/gtest.h>

#include <set>

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

TEST(AuthRetry, BackoffGrowsExponentiallyWithFullJitterUpToTheCap) {
  const AuthClientOptions options{.backoff_base = 50ms, .backoff_max = 300ms};
  std::set<std::chrono::milliseconds> fourths;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    Backoff backoff(retry_backoff(options), seed);
    EXPECT_LE(backoff.next(), 50ms);
    EXPECT_LE(backoff.next(), 100ms);
    backoff.next();
    const auto fourth = backoff.next();
    backoff.next();
    const auto sixth = backoff.next();
    EXPECT_LE(sixth, 300ms);
    EXPECT_GE(sixth, 0ms);
    fourths.insert(fourth);
  }
  // Full jitter: anywhere from zero up, so not always the same delay.
  EXPECT_GT(fourths.size(), 1U);
}

}  // namespace
}  // namespace myspace::gateway
