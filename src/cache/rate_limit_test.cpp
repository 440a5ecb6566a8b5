#include "cache/rate_limit.h"

#include <gtest/gtest.h>

namespace myspace::cache {
namespace {

using namespace std::chrono_literals;

TEST(RateLimitMath, AllowsUpToTheLimit) {
  const auto first = decide(1, 10, 60'000ms);
  EXPECT_TRUE(first.allowed);
  EXPECT_EQ(first.remaining, 9);
  EXPECT_EQ(first.limit, 10);
  EXPECT_EQ(first.reset, 60s);
  const auto tenth = decide(10, 10, 1'500ms);
  EXPECT_TRUE(tenth.allowed);
  EXPECT_EQ(tenth.remaining, 0);
  EXPECT_EQ(tenth.reset, 2s);  // rounded up
  const auto eleventh = decide(11, 10, 1'500ms);
  EXPECT_FALSE(eleventh.allowed);
  EXPECT_EQ(eleventh.remaining, 0);
}

TEST(RateLimitMath, NeverSaysRetryAfterZero) {
  EXPECT_EQ(decide(11, 10, 0ms).reset, 1s);
  EXPECT_EQ(decide(11, 10, -5ms).reset, 1s);
  EXPECT_EQ(decide(1, 10, 1ms).reset, 1s);
}

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  LocalRateLimiter::Clock fn() {
    return [this] { return now; };
  }
};

TEST(LocalRateLimiter, CountsAFixedWindowPerKey) {
  FakeClock clock;
  LocalRateLimiter limiter(100, clock.fn());
  for (int i = 1; i <= 10; ++i) {
    const auto d = limiter.hit("login:1.2.3.4", 10, 60s);
    EXPECT_TRUE(d.allowed) << i;
    EXPECT_TRUE(d.local);
    EXPECT_EQ(d.remaining, 10 - i);
  }
  clock.now += 20s;
  const auto refused = limiter.hit("login:1.2.3.4", 10, 60s);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.reset, 40s);
  EXPECT_TRUE(limiter.hit("login:5.6.7.8", 10, 60s).allowed);
  clock.now += 40s;
  EXPECT_TRUE(limiter.hit("login:1.2.3.4", 10, 60s).allowed);
}

TEST(LocalRateLimiter, CheckDoesNotCount) {
  FakeClock clock;
  LocalRateLimiter limiter(100, clock.fn());
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.hit("k", 3, 60s, false).allowed);
  for (int i = 0; i < 3; ++i) limiter.hit("k", 3, 60s);
  EXPECT_FALSE(limiter.hit("k", 3, 60s, false).allowed);
}

TEST(LocalRateLimiter, IsBoundedAndRefusesWhenFullOfLiveWindows) {
  FakeClock clock;
  LocalRateLimiter limiter(2, clock.fn());
  EXPECT_TRUE(limiter.hit("a", 10, 60s).allowed);
  EXPECT_TRUE(limiter.hit("b", 10, 60s).allowed);
  EXPECT_FALSE(limiter.hit("c", 10, 60s).allowed);
  clock.now += 61s;  // a and b expire, making room
  EXPECT_TRUE(limiter.hit("c", 10, 60s).allowed);
}

TEST(LocalRateLimiter, ReportsTransitionsOfTheDegradedFlag) {
  LocalRateLimiter limiter;
  EXPECT_FALSE(limiter.degraded());
  EXPECT_FALSE(limiter.set_degraded(true));
  EXPECT_TRUE(limiter.set_degraded(true));
  EXPECT_TRUE(limiter.degraded());
  EXPECT_TRUE(limiter.set_degraded(false));
}

}  // namespace
}  // namespace myspace::cache
