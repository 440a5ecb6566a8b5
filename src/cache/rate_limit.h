#pragma once
// Fixed-window rate limits shared by every instance through Redis:
// `rate_limit:{key}` is INCRemented and given the window as its TTL by one Lua
// script (atomic: concurrent instances cannot both pass the last slot). When
// Redis cannot answer, the same decision is made by an in-process limiter
// (per process, so looser across instances); the switch is logged once and
// `degraded()` reports it for /ready.
//
// decide() is the pure arithmetic, unit-tested on its own.

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace myspace::cache {
class Client;
}

namespace myspace::cache {

struct RateDecision {
  bool allowed = true;
  std::int64_t limit = 0;
  std::int64_t remaining = 0;     // requests left in this window
  std::chrono::seconds reset{0};  // until the window ends (RateLimit-Reset, Retry-After)
  bool local = false;             // decided by the in-process fallback
};

// `count`: requests in the window including this one; `ttl`: time left in it.
RateDecision decide(std::int64_t count, std::int64_t limit, std::chrono::milliseconds ttl) noexcept;

// The in-process fallback: a bounded map of fixed windows. Thread-safe; one per
// process, shared by the worker threads.
class LocalRateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit LocalRateLimiter(std::size_t max_keys = 100'000, Clock clock = {});

  // Counts one request against `key` (when `count` is true) and decides.
  RateDecision hit(std::string_view key, std::int64_t limit, std::chrono::milliseconds window,
                   bool count = true);

  // Whether the Redis-backed limiter is currently falling back to this one.
  bool degraded() const noexcept { return degraded_.load(std::memory_order_relaxed); }
  // Sets the flag; returns its previous value (so callers log transitions once).
  bool set_degraded(bool value) noexcept {
    return degraded_.exchange(value, std::memory_order_relaxed);
  }

 private:
  struct Window {
    std::int64_t count = 0;
    std::chrono::steady_clock::time_point ends;
  };
  std::size_t max_keys_;
  Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  std::atomic<bool> degraded_{false};
};

// One per worker thread (it uses that worker's cache::Client).
class RateLimiter {
 public:
  RateLimiter(cache::Client& redis, LocalRateLimiter& fallback);

  // Counts one request against `rate_limit:{key}` and decides.
  boost::asio::awaitable<RateDecision> hit(std::string key, std::int64_t limit,
                                           std::chrono::milliseconds window);
  // Decides without counting (allowed while the count is below the limit):
  // for limits that count only failures, checked before the attempt.
  boost::asio::awaitable<RateDecision> check(std::string key, std::int64_t limit,
                                             std::chrono::milliseconds window);
  // For /ready: throws while limits are counted in process because Redis is
  // unreachable. When degraded it asks Redis once first, so a Redis that has
  // come back is noticed by the probe itself.
  boost::asio::awaitable<void> ensure_shared();

 private:
  boost::asio::awaitable<RateDecision> apply(std::string key, std::int64_t limit,
                                             std::chrono::milliseconds window, bool count);
  cache::Client& redis_;
  LocalRateLimiter& fallback_;
};

}  // namespace myspace::cache
