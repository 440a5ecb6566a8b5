// Lua scripts: EVALSHA with the NOSCRIPT fallback, and atomicity under many
// concurrent coroutines (the shape of our rate limiter).
#include <gtest/gtest.h>

#include <boost/asio/detached.hpp>
#include <set>

#include "harness.h"

namespace myspace::cache::testing {
namespace {

using myspace::testing::TempRedis;

// A one-element argv list. (GCC 12 rejects a braced list inside co_await.)
std::vector<std::string> keys(std::string key) {
  return std::vector<std::string>(1, std::move(key));
}

// calls=<n> of one command in INFO commandstats; 0 when never called.
std::int64_t calls(const std::string& info, const std::string& command) {
  const std::string tag = "cmdstat_" + command + ":calls=";
  const auto at = info.find(tag);
  if (at == std::string::npos) return 0;
  return std::stoll(info.substr(at + tag.size()));
}

class CacheScriptTest : public ::testing::Test {
 protected:
  asio::io_context io_;
  TempRedis redis_;
  Client client_{io_.get_executor(), fast_options(redis_.url(), "scripts_test")};

  void SetUp() override { run(io_, client_.connect()); }

  asio::awaitable<std::string> commandstats() {
    co_return (co_await client_.command("INFO", "commandstats")).as_string();
  }
  asio::awaitable<bool> cached(const Script& script) {
    const Reply reply = co_await client_.command("SCRIPT", "EXISTS", script.sha1());
    co_return reply.as_array().at(0).as_integer() == 1;
  }
};

TEST_F(CacheScriptTest, EvalShaFallsBackToEvalOnNoscript) {
  const Script script("return KEYS[1] .. ':' .. ARGV[1]");
  run(io_, [&]() -> asio::awaitable<void> {
    // First run: the server does not know the script yet.
    const auto got1 = co_await cached(script);
    EXPECT_FALSE(got1);
    const auto got2 = co_await client_.eval(script, keys("k"), keys("a"));
    EXPECT_EQ((got2).as_string(), "k:a");
    const auto got3 = co_await cached(script);
    EXPECT_TRUE(got3);
    std::string stats = co_await commandstats();
    EXPECT_EQ(calls(stats, "evalsha"), 1);
    EXPECT_EQ(calls(stats, "eval"), 1);

    // Cached now: EVALSHA alone, no second EVAL.
    const auto got4 = co_await client_.eval(script, keys("k"), keys("b"));
    EXPECT_EQ((got4).as_string(), "k:b");
    stats = co_await commandstats();
    EXPECT_EQ(calls(stats, "evalsha"), 2);
    EXPECT_EQ(calls(stats, "eval"), 1);
  }());

  // As after a failover or a restart: the script cache is empty again.
  redis_.cli({"SCRIPT", "FLUSH"});
  run(io_, [&]() -> asio::awaitable<void> {
    const auto got5 = co_await cached(script);
    EXPECT_FALSE(got5);
    const auto got6 = co_await client_.eval(script, keys("k"), keys("c"));
    EXPECT_EQ((got6).as_string(), "k:c");
    const auto got7 = co_await cached(script);
    EXPECT_TRUE(got7);
    const std::string stats = co_await commandstats();
    EXPECT_EQ(calls(stats, "evalsha"), 3);
    EXPECT_EQ(calls(stats, "eval"), 2);
  }());
}

TEST_F(CacheScriptTest, LoadReturnsTheCachedSha) {
  const Script script("return 7");
  run(io_, [&]() -> asio::awaitable<void> {
    const auto got8 = co_await client_.load(script);
    EXPECT_EQ(got8, script.sha1());
    const auto got9 = co_await client_.eval(script);
    EXPECT_EQ((got9).as_integer(), 7);
    const auto got10 = co_await commandstats();
    EXPECT_EQ(calls(got10, "eval"), 0);
  }());
}

TEST_F(CacheScriptTest, ScriptErrorsAreRedisErrors) {
  const Script script("return redis.call('INCR', KEYS[1])");
  run(io_, [&]() -> asio::awaitable<void> {
    co_await client_.set("text", "abc");
    try {
      co_await client_.eval(script, keys("text"));
      ADD_FAILURE() << "script error not raised";
    } catch (const RedisError& e) {
      EXPECT_EQ(e.prefix(), "ERR");
    }
  }());
}

TEST_F(CacheScriptTest, LuaCounterIsExactUnderConcurrency) {
  // A fixed-window limiter's core: count, and start the window on first hit.
  const Script hit(R"(
    local n = redis.call('INCR', KEYS[1])
    if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
    return n)");
  constexpr int kWorkers = 100;
  constexpr int kHitsEach = 10;
  std::vector<std::int64_t> seen;
  int finished = 0;
  for (int w = 0; w < kWorkers; ++w) {
    asio::co_spawn(
        io_,
        [&]() -> asio::awaitable<void> {
          for (int i = 0; i < kHitsEach; ++i) {
            seen.push_back(
                (co_await client_.eval(hit, keys("window"), keys("60000"))).as_integer());
          }
          ++finished;
        },
        asio::detached);
  }
  run(io_, eventually([&]() -> asio::awaitable<bool> { co_return finished == kWorkers; }));

  // Every hit got its own number: no lost or duplicated increments.
  const std::set<std::int64_t> unique(seen.begin(), seen.end());
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kWorkers * kHitsEach));
  EXPECT_EQ(unique.size(), seen.size());
  EXPECT_EQ(*unique.begin(), 1);
  EXPECT_EQ(*unique.rbegin(), kWorkers * kHitsEach);
  run(io_, [&]() -> asio::awaitable<void> {
    const auto got11 = co_await client_.get("window");
    EXPECT_EQ(got11, std::to_string(kWorkers * kHitsEach));
    const auto ttl = co_await client_.ttl("window");
    CO_ASSERT_TRUE(ttl.has_value());
    EXPECT_GT(*ttl, 50s);
  }());
}

}  // namespace
}  // namespace myspace::cache::testing
