#include "common/backoff.h"

#include <algorithm>
#include <cmath>

namespace myspace {

Backoff::Backoff(BackoffPolicy policy, std::uint64_t seed) : policy_(policy), rng_(seed) {}

std::chrono::milliseconds Backoff::ceiling() const {
  const double initial = static_cast<double>(policy_.initial.count());
  const double max = static_cast<double>(policy_.max.count());
  // Capping the exponent keeps pow() finite however long the outage lasts.
  const double grown = initial * std::pow(policy_.multiplier, std::min(attempt_, 64));
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::min(grown, max)));
}

std::chrono::milliseconds Backoff::next() {
  const auto top = ceiling();
  ++attempt_;
  const double jitter = std::clamp(policy_.jitter, 0.0, 1.0);
  if (jitter == 0.0) return top;
  const double high = static_cast<double>(top.count());
  std::uniform_real_distribution<double> draw(high * (1.0 - jitter), high);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(draw(rng_))));
}

}  // namespace myspace
