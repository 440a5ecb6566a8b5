#include "auth/hashing_pool.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "auth/password.h"
#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/random_id.h"

namespace myspace::auth {
namespace asio = boost::asio;

namespace {

bool make_calling_thread_idle() {
  const sched_param no_priority{};
  return ::pthread_setschedparam(::pthread_self(), SCHED_IDLE, &no_priority) == 0;
}

bool add_to_calling_thread_nice(int nice) {
  if (nice <= 0) return false;
  const auto thread_id = static_cast<id_t>(::gettid());
  const int current = ::getpriority(PRIO_PROCESS, thread_id);
  return ::setpriority(PRIO_PROCESS, thread_id, std::min(current + nice, 19)) == 0;
}

// On Linux the scheduling policy and nice value belong to the thread, so this
// lowers only the calling pool thread. Failure (a sandbox forbidding it) only
// costs the priority, never the hash.
void lower_calling_thread(const HashingPoolOptions& options) {
  if (options.priority == HashingPriority::kIdle && make_calling_thread_idle()) return;
  add_to_calling_thread_nice(options.thread_nice);
}

// Out of SCHED_IDLE, at `nice`, for another thread of this process. A thread
// that never got SCHED_IDLE (refused) already has its nice share: left alone.
bool raise_starved_thread(int thread_id, int nice) {
  const sched_param no_priority{};
  if (::sched_getscheduler(thread_id) != SCHED_IDLE ||
      ::sched_setscheduler(thread_id, SCHED_OTHER, &no_priority) != 0) {
    return false;
  }
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(thread_id), std::clamp(nice, 0, 19));
  return true;
}

std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::size_t thread_count(const HashingPoolOptions& options) {
  return std::max<std::size_t>(options.threads, 1);
}

}  // namespace

HashingPool::HashingPool(HashingPoolOptions options)
    : options_(options),
      dummy_hash_(hash_password(random_token(24), options.cost)),
      workers_(std::make_unique<Worker[]>(thread_count(options))),
      pool_(thread_count(options)),
      latency_(metrics::Registry::global().histogram(
          "auth_bcrypt_seconds", "Time of one bcrypt hash or verification on the hashing pool")),
      pending_gauge_(metrics::Registry::global().gauge(
          "auth_bcrypt_pending", "bcrypt jobs running or waiting for the hashing pool")),
      starved_(metrics::Registry::global().counter("auth_bcrypt_starved_total",
                                                   "bcrypt jobs whose SCHED_IDLE thread got no CPU "
                                                   "for the starvation limit and was raised")) {
  if (options_.priority == HashingPriority::kIdle) {
    guard_ = std::jthread([this](const std::stop_token& stop) { guard_against_starvation(stop); });
  }
}

HashingPool::~HashingPool() {
  pool_.join();
}

// Each pool thread takes a Worker slot on its first job, and lowers itself.
HashingPool::Worker& HashingPool::this_thread_worker() {
  thread_local Worker* mine = nullptr;
  if (mine == nullptr) {
    mine = &workers_[workers_started_.fetch_add(1, std::memory_order_acq_rel)];
    mine->thread_id.store(static_cast<int>(::gettid()), std::memory_order_release);
    lower_calling_thread(options_);
  }
  return *mine;
}

void HashingPool::guard_against_starvation(const std::stop_token& stop) {
  const auto limit_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(options_.starvation_limit).count();
  const auto period = std::clamp(options_.starvation_limit / 4, std::chrono::milliseconds(10),
                                 std::chrono::milliseconds(500));
  std::mutex mutex;
  std::condition_variable_any stopped;
  std::unique_lock lock(mutex);
  while (!stopped.wait_for(lock, stop, period, [&stop] { return stop.stop_requested(); })) {
    const auto now = steady_ns();
    const auto started =
        std::min(workers_started_.load(std::memory_order_acquire), thread_count(options_));
    for (std::size_t i = 0; i < started; ++i) {
      Worker& worker = workers_[i];
      const auto since = worker.busy_since_ns.load(std::memory_order_acquire);
      if (since == 0 || now - since < limit_ns || worker.raised_for_job == since) continue;
      worker.raised_for_job = since;
      starved_.inc();
      // Raised first, flagged after: whenever the thread sees the flag, the
      // raise has happened, so its own lowering is never undone behind it.
      const bool raised = raise_starved_thread(worker.thread_id.load(), options_.thread_nice);
      if (raised) worker.raised.store(true, std::memory_order_release);
      log::warn("auth.bcrypt_starved",
                {{"running_ms", (now - since) / 1'000'000}, {"raised", raised}});
    }
  }
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
  Worker& worker = self->this_thread_worker();
  // A thread the guard raised goes back to SCHED_IDLE before its next job.
  if (worker.raised.exchange(false)) lower_calling_thread(self->options_);
  const auto started = std::chrono::steady_clock::now();
  worker.busy_since_ns.store(steady_ns(), std::memory_order_release);
  T result = work();
  worker.busy_since_ns.store(0, std::memory_order_release);
  if (worker.raised.exchange(false)) lower_calling_thread(self->options_);
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
