#include "auth/hashing_pool.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>

#include "auth/password.h"
#include "common/error.h"
#include "common/metrics.h"
#include "common/random_id.h"

namespace myspace::auth {
namespace asio = boost::asio;

namespace {

// On Linux the nice value belongs to the thread, so this lowers only the
// calling pool thread, once. Failure (a sandbox forbidding it) only costs the
// priority, never the hash.
void lower_thread_priority_once(int nice) {
  thread_local const bool lowered = [nice] {
    if (nice <= 0) return false;
    const auto thread_id = static_cast<id_t>(::gettid());
    const int current = ::getpriority(PRIO_PROCESS, thread_id);
    return ::setpriority(PRIO_PROCESS, thread_id, std::min(current + nice, 19)) == 0;
  }();
  static_cast<void>(lowered);
}

}  // namespace

HashingPool::HashingPool(HashingPoolOptions options)
    : options_(options),
      dummy_hash_(hash_password(random_token(24), options.cost)),
      pool_(options.threads == 0 ? 1 : options.threads),
      latency_(metrics::Registry::global().histogram(
          "auth_bcrypt_seconds", "Time of one bcrypt hash or verification on the hashing pool")),
      pending_gauge_(metrics::Registry::global().gauge(
          "auth_bcrypt_pending", "bcrypt jobs running or waiting for the hashing pool")) {}

HashingPool::~HashingPool() {
  pool_.join();
}

template <class T, class F>
asio::awaitable<T> HashingPool::run(F work) {
  if (pending_.fetch_add(1, std::memory_order_relaxed) >= options_.max_pending) {
    pending_.fetch_sub(1, std::memory_order_relaxed);
    throw Error(ErrorCode::kUnavailable, "the server is busy, please try again shortly",
                "bcrypt queue full");
  }
  pending_gauge_.add(1);
  // The job runs as its own coroutine on the pool; its result is delivered
  // back on the awaiting coroutine's executor.
  asio::awaitable<T> job = execute<T>(this, std::move(work));
  co_return co_await asio::co_spawn(pool_.get_executor(), std::move(job), asio::use_awaitable);
}

template <class T, class F>
asio::awaitable<T> HashingPool::execute(HashingPool* self, F work) {
  struct Done {
    HashingPool* pool;
    ~Done() {
      pool->pending_.fetch_sub(1, std::memory_order_relaxed);
      pool->pending_gauge_.add(-1);
    }
  } done{self};
  lower_thread_priority_once(self->options_.thread_nice);
  const auto started = std::chrono::steady_clock::now();
  T result = work();
  self->latency_.observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  co_return result;
}

// GCC 12 destroys lambda temporaries inside a co_await expression twice: the
// jobs are named locals.
asio::awaitable<std::string> HashingPool::hash(std::string password) {
  auto job = [secret = std::move(password), cost = options_.cost] {
    return hash_password(secret, cost);
  };
  co_return co_await run<std::string>(std::move(job));
}

asio::awaitable<bool> HashingPool::verify(std::string password, std::string stored_hash) {
  auto job = [secret = std::move(password), hashed = std::move(stored_hash)] {
    return verify_password(secret, hashed);
  };
  co_return co_await run<bool>(std::move(job));
}

asio::awaitable<bool> HashingPool::verify_unknown(std::string password) {
  auto job = [secret = std::move(password), hashed = dummy_hash_] {
    return verify_password(secret, hashed);
  };
  co_await run<bool>(std::move(job));
  co_return false;
}

}  // namespace myspace::auth
