#include "common/backoff.h"

#include <gtest/gtest.h>

namespace myspace {
namespace {

using std::chrono::milliseconds;

TEST(CacheBackoffTest, WithoutJitterDoublesUpToTheCap) {
  Backoff backoff({.initial = milliseconds(50), .max = milliseconds(2000), .jitter = 0.0}, 1);
  const std::vector<long> expected = {50, 100, 200, 400, 800, 1600, 2000, 2000, 2000};
  for (const long ms : expected) EXPECT_EQ(backoff.next().count(), ms);
  EXPECT_EQ(backoff.attempt(), static_cast<int>(expected.size()));
}

TEST(CacheBackoffTest, JitterStaysWithinBounds) {
  const BackoffPolicy policy{.initial = milliseconds(50), .max = milliseconds(2000), .jitter = 0.5};
  Backoff backoff(policy, 42);
  bool varied = false;
  milliseconds previous{-1};
  for (int i = 0; i < 200; ++i) {
    const milliseconds ceiling = backoff.ceiling();
    const milliseconds delay = backoff.next();
    EXPECT_LE(delay, ceiling);
    EXPECT_GE(delay.count(), ceiling.count() / 2);
    EXPECT_LE(delay, policy.max);
    EXPECT_GE(delay, milliseconds(25));
    if (i > 10 && delay != previous) varied = true;
    previous = delay;
  }
  // At the cap, jitter still spreads the clients out.
  EXPECT_TRUE(varied);
}

TEST(CacheBackoffTest, SameSeedSameSchedule) {
  Backoff a({}, 7);
  Backoff b({}, 7);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(a.next(), b.next());
}

TEST(CacheBackoffTest, ResetStartsOver) {
  Backoff backoff({.jitter = 0.0}, 1);
  for (int i = 0; i < 5; ++i) backoff.next();
  backoff.reset();
  EXPECT_EQ(backoff.attempt(), 0);
  EXPECT_EQ(backoff.next(), milliseconds(50));
}

TEST(CacheBackoffTest, LongOutagesDoNotOverflow) {
  Backoff backoff({.jitter = 0.0}, 1);
  for (int i = 0; i < 10000; ++i) backoff.next();
  EXPECT_EQ(backoff.next(), milliseconds(2000));
}

}  // namespace
}  // namespace myspace
