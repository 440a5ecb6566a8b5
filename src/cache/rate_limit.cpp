#include "cache/rate_limit.h"

#include <algorithm>
#include <stdexcept>

#include "cache/client.h"
#include "common/error.h"
#include "common/log.h"

namespace myspace::cache {
namespace asio = boost::asio;
namespace {

constexpr std::string_view kPrefix = "rate_limit:";

// KEYS: the counter. ARGV: window ms, 1 to count or 0 to peek.
// Returns {count, ttl ms}. A key left without a TTL (never by us, but a
// manual SET could do it) is given one, so no window lasts forever.
const cache::Script kWindow(R"lua(
local count
if ARGV[2] == '1' then
  count = redis.call('INCR', KEYS[1])
  if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
else
  count = tonumber(redis.call('GET', KEYS[1]) or '0')
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  if count > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
)lua");

}  // namespace

RateDecision decide(std::int64_t count, std::int64_t limit,
                    std::chrono::milliseconds ttl) noexcept {
  RateDecision decision;
  decision.limit = limit;
  decision.allowed = count <= limit;
  decision.remaining = std::max<std::int64_t>(0, limit - count);
  // Round up: "retry after 0 seconds" would invite an immediate retry.
  const auto ms = std::max<std::int64_t>(0, ttl.count());
  decision.reset = std::chrono::seconds((ms + 999) / 1000);
  if (!decision.allowed && decision.reset.count() == 0) decision.reset = std::chrono::seconds(1);
  return decision;
}

LocalRateLimiter::LocalRateLimiter(std::size_t max_keys, Clock clock)
    : max_keys_(max_keys == 0 ? 1 : max_keys), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

RateDecision LocalRateLimiter::hit(std::string_view key, std::int64_t limit,
                                   std::chrono::milliseconds window, bool count) {
  const auto now = clock_();
  const std::lock_guard lock(mutex_);
  auto it = windows_.find(std::string(key));
  if (it != windows_.end() && it->second.ends <= now) {
    windows_.erase(it);
    it = windows_.end();
  }
  if (it == windows_.end()) {
    if (!count) return decide(1, limit, window);
    if (windows_.size() >= max_keys_) {
      std::erase_if(windows_, [now](const auto& entry) { return entry.second.ends <= now; });
    }
    if (windows_.size() >= max_keys_) {
      // Still full of live windows: a flood of distinct keys. Refuse rather
      // than forget someone's count (which would reset their limit).
      RateDecision refused = decide(limit + 1, limit, window);
      refused.local = true;
      return refused;
    }
    it = windows_.emplace(std::string(key), Window{0, now + window}).first;
  }
  if (count) ++it->second.count;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(it->second.ends - now);
  RateDecision decision = decide(count ? it->second.count : it->second.count + 1, limit, left);
  decision.local = true;
  return decision;
}

RateLimiter::RateLimiter(cache::Client& redis, LocalRateLimiter& fallback)
    : redis_(redis), fallback_(fallback) {}

asio::awaitable<RateDecision> RateLimiter::hit(std::string key, std::int64_t limit,
                                               std::chrono::milliseconds window) {
  return apply(std::move(key), limit, window, true);
}

asio::awaitable<RateDecision> RateLimiter::check(std::string key, std::int64_t limit,
                                                 std::chrono::milliseconds window) {
  return apply(std::move(key), limit, window, false);
}

asio::awaitable<RateDecision> RateLimiter::apply(std::string key, std::int64_t limit,
                                                 std::chrono::milliseconds window, bool count) {
  std::string redis_key = std::string(kPrefix) + key;
  try {
    std::vector<std::string> keys{std::move(redis_key)};
    std::vector<std::string> args{std::to_string(window.count()), count ? "1" : "0"};
    const cache::Reply reply = co_await redis_.eval(kWindow, std::move(keys), std::move(args));
    const auto& parts = reply.as_array();
    const std::int64_t current = parts.at(0).as_integer();
    const std::int64_t ttl = parts.at(1).as_integer();
    if (fallback_.set_degraded(false)) log::info("rate_limit.redis_recovered");
    co_return decide(count ? current : current + 1, limit, std::chrono::milliseconds(ttl));
  } catch (const Error& e) {
    if (!fallback_.set_degraded(true)) {
      log::warn("rate_limit.fallback_in_process", {{"reason", e.what()}, {"detail", e.detail()}});
    }
  }
  co_return fallback_.hit(key, limit, window, count);
}

asio::awaitable<void> RateLimiter::ensure_shared() {
  if (!fallback_.degraded()) co_return;
  co_await check("ready_probe", 1, std::chrono::seconds(1));
  if (fallback_.degraded()) {
    throw std::runtime_error("degraded: Redis unreachable, in-process limits in force");
  }
}

}  // namespace myspace::cache
