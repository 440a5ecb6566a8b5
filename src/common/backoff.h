#pragma once
// Reconnect delays: exponential backoff with jitter, bounded on both sides, so
// a restarting Redis is neither hammered by every thread at once nor waited on
// for longer than `max`.

#include <chrono>
#include <cstdint>
#include <random>

namespace myspace {

struct BackoffPolicy {
  std::chrono::milliseconds initial{50};
  std::chrono::milliseconds max{2000};
  double multiplier = 2.0;
  // Each delay is drawn uniformly from [ceiling * (1 - jitter), ceiling], where
  // ceiling = min(max, initial * multiplier^attempt). 0 disables jitter.
  double jitter = 0.5;
};

class Backoff {
 public:
  // The seed makes the schedule reproducible in tests; services pass a random one.
  explicit Backoff(BackoffPolicy policy = {}, std::uint64_t seed = std::random_device{}());

  // The delay before the next attempt; advances the attempt counter.
  std::chrono::milliseconds next();
  // The upper bound `next()` can return for the current attempt.
  std::chrono::milliseconds ceiling() const;
  // Back to the first attempt (after a successful connect).
  void reset() noexcept { attempt_ = 0; }
  int attempt() const noexcept { return attempt_; }

 private:
  BackoffPolicy policy_;
  std::mt19937_64 rng_;
  int attempt_ = 0;
};

}  // namespace myspace
