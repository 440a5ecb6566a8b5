#include "common/circuit_breaker.h"

#include <algorithm>

namespace myspace {

CircuitBreaker::CircuitBreaker(BreakerOptions options, Clock clock)
    : options_(options), clock_(std::move(clock)) {
  options_.failure_threshold = std::max(1, options_.failure_threshold);
}

std::chrono::steady_clock::time_point CircuitBreaker::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

bool CircuitBreaker::allow() {
  if (state_ == State::kOpen) {
    if (now() - opened_at_ < options_.open_for) return false;
    state_ = State::kHalfOpen;
    trial_in_flight_ = false;
  }
  if (state_ == State::kHalfOpen) {
    if (trial_in_flight_) return false;
    trial_in_flight_ = true;
  }
  return true;
}

void CircuitBreaker::record_success() {
  state_ = State::kClosed;
  failures_ = 0;
  trial_in_flight_ = false;
}

void CircuitBreaker::record_failure() {
  if (state_ == State::kHalfOpen) {
    open();
    return;
  }
  if (state_ == State::kClosed && ++failures_ >= options_.failure_threshold) open();
}

void CircuitBreaker::open() {
  state_ = State::kOpen;
  opened_at_ = now();
  failures_ = 0;
  trial_in_flight_ = false;
}

std::chrono::milliseconds CircuitBreaker::retry_after() const {
  if (state_ != State::kOpen) return std::chrono::milliseconds(0);
  const auto left =
      options_.open_for - std::chrono::duration_cast<std::chrono::milliseconds>(now() - opened_at_);
  return std::max(left, std::chrono::milliseconds(0));
}

std::string_view state_name(CircuitBreaker::State state) noexcept {
  switch (state) {
    case CircuitBreaker::State::kClosed:
      return "closed";
    case CircuitBreaker::State::kOpen:
      return "open";
    case CircuitBreaker::State::kHalfOpen:
      return "half_open";
  }
  return "closed";
}

}  // namespace myspace
