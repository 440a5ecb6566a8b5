// The breaker's state machine on a fake clock: closed -> open after the
// threshold of consecutive failures, fast failure while open, one trial call
// in half-open, and back to closed or open on its outcome.

#include "common/circuit_breaker.h"

#include <gtest/gtest.h>

namespace myspace {
namespace {

using namespace std::chrono_literals;
using State = CircuitBreaker::State;

class BreakerTest : public ::testing::Test {
 protected:
  std::chrono::steady_clock::time_point now_{};
  CircuitBreaker breaker_{BreakerOptions{.failure_threshold = 3, .open_for = 1000ms},
                          [this] { return now_; }};

  void fail_times(int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(breaker_.allow());
      breaker_.record_failure();
    }
  }
};

TEST_F(BreakerTest, OpensOnlyAfterConsecutiveFailures) {
  fail_times(2);
  EXPECT_EQ(breaker_.state(), State::kClosed);
  // A success in between resets the count.
  ASSERT_TRUE(breaker_.allow());
  breaker_.record_success();
  fail_times(2);
  EXPECT_EQ(breaker_.state(), State::kClosed);
  fail_times(1);
  EXPECT_EQ(breaker_.state(), State::kOpen);
}

TEST_F(BreakerTest, FailsFastWhileOpen) {
  fail_times(3);
  EXPECT_FALSE(breaker_.allow());
  now_ += 999ms;
  EXPECT_FALSE(breaker_.allow());
  EXPECT_EQ(breaker_.retry_after(), 1ms);
  EXPECT_EQ(breaker_.state(), State::kOpen);
}

TEST_F(BreakerTest, HalfOpenLetsOneTrialThroughAndASuccessCloses) {
  fail_times(3);
  now_ += 1000ms;
  EXPECT_TRUE(breaker_.allow());
  EXPECT_EQ(breaker_.state(), State::kHalfOpen);
  EXPECT_FALSE(breaker_.allow()) << "a second concurrent trial";
  breaker_.record_success();
  EXPECT_EQ(breaker_.state(), State::kClosed);
  EXPECT_TRUE(breaker_.allow());
  EXPECT_TRUE(breaker_.allow());
}

TEST_F(BreakerTest, AFailedTrialReopensForAnotherPeriod) {
  fail_times(3);
  now_ += 1500ms;
  ASSERT_TRUE(breaker_.allow());
  breaker_.record_failure();
  EXPECT_EQ(breaker_.state(), State::kOpen);
  EXPECT_FALSE(breaker_.allow());
  EXPECT_EQ(breaker_.retry_after(), 1000ms);
  now_ += 1000ms;
  EXPECT_TRUE(breaker_.allow());
}

TEST(Breaker, StateNames) {
  EXPECT_EQ(state_name(State::kClosed), "closed");
  EXPECT_EQ(state_name(State::kOpen), "open");
  EXPECT_EQ(state_name(State::kHalfOpen), "half_open");
}

}  // namespace
}  // namespace myspace
