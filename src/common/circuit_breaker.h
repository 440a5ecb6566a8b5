#pragma once
// A circuit breaker for calls to a dependency (the auth service), one per
// worker thread (not thread-safe, like everything else a worker owns).
//   closed     calls go through; `failure_threshold` consecutive failures open it
//   open       calls fail fast (allow() is false) for `open_for`
//   half-open  after that, one trial call at a time goes through: a success
//              closes the breaker, a failure opens it again for `open_for`
// A "failure" is the dependency being unreachable, timing out or answering 5xx;
// a 4xx answer is a healthy dependency saying no. The clock is injectable so
// the state machine is tested without sleeping.

#include <chrono>
#include <functional>
#include <string_view>

namespace myspace {

struct BreakerOptions {
  int failure_threshold = 5;
  std::chrono::milliseconds open_for{5'000};
};

class CircuitBreaker {
 public:
  enum class State { kClosed, kOpen, kHalfOpen };
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit CircuitBreaker(BreakerOptions options = {}, Clock clock = {});

  // Whether a call may go out now. In half-open, true for exactly one caller
  // until that call reports its outcome.
  bool allow();
  void record_success();
  void record_failure();

  State state() const noexcept { return state_; }
  // Until the breaker lets a trial call through (zero unless open).
  std::chrono::milliseconds retry_after() const;

 private:
  std::chrono::steady_clock::time_point now() const;
  void open();

  BreakerOptions options_;
  Clock clock_;
  State state_ = State::kClosed;
  int failures_ = 0;
  bool trial_in_flight_ = false;
  std::chrono::steady_clock::time_point opened_at_{};
};

std::string_view state_name(CircuitBreaker::State state) noexcept;

}  // namespace myspace
