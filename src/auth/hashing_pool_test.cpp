#include "auth/hashing_pool.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "auth/password.h"
#include "common/error.h"

namespace myspace::auth {
namespace {

namespace asio = boost::asio;

// Runs `task` to completion on a fresh io_context on this thread, rethrowing what it throws.
template <class Task>
void run(Task task) {
  asio::io_context io;
  std::exception_ptr failure;
  asio::co_spawn(io, std::move(task), [&failure](std::exception_ptr e) { failure = e; });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

HashingPoolOptions fast_options() {
  return {.cost = kMinBcryptCost, .threads = 1, .max_pending = 8, .thread_nice = 5};
}

TEST(HashingPool, HashesAndVerifiesOffTheCallingThreadAndResumesOnIt) {
  HashingPool pool(fast_options());
  const auto caller = std::this_thread::get_id();
  run([&]() -> asio::awaitable<void> {
    const std::string hashed = co_await pool.hash("correct horse battery");
    EXPECT_EQ(std::this_thread::get_id(), caller);
    EXPECT_TRUE(co_await pool.verify("correct horse battery", hashed));
    EXPECT_FALSE(co_await pool.verify("wrong horse battery", hashed));
    EXPECT_EQ(std::this_thread::get_id(), caller);
  });
  EXPECT_EQ(pool.pending(), 0u);
}

TEST(HashingPool, UnknownAccountsAreAlwaysRefused) {
  HashingPool pool(fast_options());
  run([&]() -> asio::awaitable<void> { EXPECT_FALSE(co_await pool.verify_unknown("anything")); });
}

TEST(HashingPool, RefusesWorkBeyondItsBoundInsteadOfQueueing) {
  auto options = fast_options();
  options.max_pending = 1;
  HashingPool pool(options);
  int refused = 0;
  int hashed = 0;
  asio::io_context io;
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
          try {
            co_await pool.hash("correct horse battery");
            ++hashed;
          } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::kUnavailable);
            ++refused;
          }
        },
        asio::detached);
  }
  io.run();
  EXPECT_EQ(hashed, 1);
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(pool.pending(), 0u);
}

// The nice values of this process's threads, from /proc/self/task/<tid>/stat (field 19).
std::vector<int> thread_nice_values() {
  std::vector<int> values;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream stat(task.path() / "stat");
    std::string line;
    std::getline(stat, line);
    // Fields after the command name, which is in parentheses and may hold spaces.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && fields >> field; ++i) {
      if (i == 19) values.push_back(std::stoi(field));
    }
  }
  return values;
}

TEST(HashingPool, ItsThreadsYieldTheCpuToTheEventLoops) {
  HashingPool pool(fast_options());
  run([&]() -> asio::awaitable<void> { co_await pool.hash("correct horse battery"); });
  const int base = getpriority(PRIO_PROCESS, 0);
  const auto values = thread_nice_values();
  EXPECT_EQ(std::count(values.begin(), values.end(), std::min(base + 5, 19)), 1)
      << "exactly the pool's one thread is lowered";
  EXPECT_EQ(getpriority(PRIO_PROCESS, 0), base) << "the calling thread keeps its priority";
}

}  // namespace
}  // namespace myspace::auth
