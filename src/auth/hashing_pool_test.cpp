#include "auth/hashing_pool.h"

#include <gtest/gtest.h>
#include <sched.h>
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
#include "common/metrics.h"

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

HashingPoolOptions fast_options(HashingPriority priority = HashingPriority::kIdle) {
  return {.cost = kMinBcryptCost,
          .threads = 1,
          .max_pending = 8,
          .priority = priority,
          .thread_nice = 5};
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

// Field `number` (nice is 19, policy 41) of each of this process's threads,
// from /proc/self/task/<tid>/stat.
std::vector<int> thread_stat_field(int number) {
  std::vector<int> values;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream stat(task.path() / "stat");
    std::string line;
    std::getline(stat, line);
    // Fields after the command name, which is in parentheses and may hold spaces.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= number && fields >> field; ++i) {
      if (i == number) values.push_back(std::stoi(field));
    }
  }
  return values;
}

TEST(HashingPool, ItsThreadsRunOnlyWhenNothingElseWantsTheCpu) {
  HashingPool pool(fast_options());
  run([&]() -> asio::awaitable<void> { co_await pool.hash("correct horse battery"); });
  const auto policies = thread_stat_field(41);
  EXPECT_EQ(std::count(policies.begin(), policies.end(), SCHED_IDLE), 1)
      << "exactly the pool's one thread is SCHED_IDLE";
  EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER) << "the calling thread keeps its policy";
}

// SCHED_IDLE threads get no CPU while ordinary threads keep every core busy:
// without the guard this hash would wait for the spinning threads to stop.
TEST(HashingPool, AStarvedHashIsRaisedAndFinishes) {
  auto options = fast_options();
  options.starvation_limit = std::chrono::milliseconds(100);
  HashingPool pool(options);
  // The pool's thread takes its slot, and goes idle, on a first job.
  run([&]() -> asio::awaitable<void> { co_await pool.hash("warm up the pool"); });
  auto& starved = metrics::Registry::global().counter("auth_bcrypt_starved_total", "");
  const auto starved_before = starved.value();

  std::atomic<bool> spin{true};
  std::vector<std::jthread> spinners;
  for (unsigned i = 0; i < std::max(1U, std::thread::hardware_concurrency()); ++i) {
    spinners.emplace_back([&spin] {
      while (spin.load(std::memory_order_relaxed)) {
      }
    });
  }
  const auto started = std::chrono::steady_clock::now();
  std::string hashed;
  run([&]() -> asio::awaitable<void> { hashed = co_await pool.hash("correct horse battery"); });
  const auto elapsed = std::chrono::steady_clock::now() - started;
  spin = false;
  spinners.clear();

  EXPECT_TRUE(verify_password("correct horse battery", hashed));
  EXPECT_EQ(starved.value(), starved_before + 1);
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  // After the job, the thread is back at SCHED_IDLE.
  run([&]() -> asio::awaitable<void> { co_await pool.hash("one more"); });
  const auto policies = thread_stat_field(41);
  EXPECT_EQ(std::count(policies.begin(), policies.end(), SCHED_IDLE), 1);
}

TEST(HashingPool, NiceModeLowersItsThreadsInstead) {
  HashingPool pool(fast_options(HashingPriority::kNice));
  run([&]() -> asio::awaitable<void> { co_await pool.hash("correct horse battery"); });
  const int base = getpriority(PRIO_PROCESS, 0);
  const auto values = thread_stat_field(19);
  EXPECT_EQ(std::count(values.begin(), values.end(), std::min(base + 5, 19)), 1)
      << "exactly the pool's one thread is lowered";
  EXPECT_EQ(getpriority(PRIO_PROCESS, 0), base) << "the calling thread keeps its priority";
}

}  // namespace
}  // namespace myspace::auth
