#pragma once
// Shared by the cache integration tests: run a coroutine to completion on a
// test's io_context, sleep, poll for a condition, and client options tuned for
// fast tests.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <functional>
#include <future>

#include "cache/client.h"
#include "common/error.h"
#include "support/redis/temp_redis.h"

// ASSERT_* return from the function, which a coroutine cannot do; these
// report the failure and co_return instead.
#define CO_ASSERT_TRUE(condition)                  \
  if (!(condition)) {                              \
    ADD_FAILURE() << "Expected true: " #condition; \
    co_return;                                     \
  }
#define CO_ASSERT_EQ(a, b) \
  if (!((a) == (b))) {     \
    EXPECT_EQ(a, b);       \
    co_return;             \
  }

namespace myspace::cache::testing {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Drives `io` until `task` has finished; rethrows its exception. The client's
// own background work (socket waits, reconnect timers) may stay pending.
template <typename T>
T run(asio::io_context& io, asio::awaitable<T> task) {
  auto future = asio::co_spawn(io, std::move(task), asio::use_future);
  while (future.wait_for(0s) != std::future_status::ready) {
    if (io.stopped()) io.restart();
    io.run_one_for(100ms);
  }
  return future.get();
}

inline asio::awaitable<void> sleep_for(std::chrono::milliseconds duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  co_await timer.async_wait(asio::use_awaitable);
}

// Polls `done` every 10 ms; false if it is still false after `limit`.
inline asio::awaitable<bool> eventually(std::function<asio::awaitable<bool>()> done,
                                        std::chrono::milliseconds limit = 5000ms) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (co_await done()) co_return true;
    co_await sleep_for(10ms);
  }
  co_return false;
}

// The ErrorCode a task fails with, or nullopt when it succeeds.
template <typename T>
asio::awaitable<std::optional<ErrorCode>> error_of(asio::awaitable<T> task) {
  try {
    co_await std::move(task);
  } catch (const Error& e) {
    co_return e.code();
  }
  co_return std::nullopt;
}

inline ConnectionOptions fast_options(std::string url, std::string name) {
  ConnectionOptions options;
  options.url = std::move(url);
  options.name = std::move(name);
  options.connect_timeout = 1000ms;
  options.command_timeout = 1000ms;
  options.reconnect = {.initial = 10ms, .max = 100ms, .multiplier = 2.0, .jitter = 0.5};
  return options;
}

}  // namespace myspace::cache::testing
