#pragma once
// Shared fixture for the db integration tests: a TempPostgres per test and a
// helper that runs a coroutine to completion on the test's io_context.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>

#include "db/pool.h"
#include "support/postgres/temp_postgres.h"

namespace myspace::db::test {

namespace asio = boost::asio;
using namespace std::chrono_literals;

inline asio::awaitable<void> sleep_for(std::chrono::milliseconds duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  co_await timer.async_wait(asio::use_awaitable);
}

class DbTest : public ::testing::Test {
 protected:
  explicit DbTest(testing::TempPostgresOptions options = {}) : pg_(std::move(options)) {}

  // Runs `task` on io_ until it finishes; rethrows its exception.
  template <class T>
  T run(asio::awaitable<T> task) {
    auto result = asio::co_spawn(io_, std::move(task), asio::use_future);
    io_.restart();
    io_.run();
    return result.get();
  }

  PoolOptions pool_options(std::size_t max_size = 4) {
    PoolOptions options;
    options.connect.url = pg_.url();
    options.connect.connect_timeout = 2s;
    options.connect.query_timeout = 5s;
    options.max_size = max_size;
    options.acquire_timeout = 1s;
    options.name = "test";
    return options;
  }

  testing::TempPostgres pg_;
  asio::io_context io_;
};

}  // namespace myspace::db::test
