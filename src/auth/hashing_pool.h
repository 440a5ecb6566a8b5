#pragma once
// Runs bcrypt off the event loops: a small thread pool shared by every worker
// thread of the process, with a bound on the work waiting for it. When the
// bound is reached a call fails at once with Error(kUnavailable) rather than
// queueing without limit (a login storm must not grow memory or latency
// without end). The awaiting coroutine resumes on its own executor.
//
// verify_unknown() checks a password against a dummy hash of the configured
// cost, so a login for an email that does not exist costs the same time as a
// wrong password (no user enumeration through timing).
//
// The pool's threads run at a lower scheduling priority than the event loops:
// on a shared machine a login storm then takes the CPU the request handlers
// leave, instead of taking turns with them and multiplying the latency of
// every other request. kIdle (SCHED_IDLE, the default) gives way to any other
// thread at once; a lowered nice value (kNice) still lets a hashing thread
// finish its time slice first, which adds milliseconds to the tail of every
// request that wakes behind it. SCHED_IDLE threads get no CPU at all while
// other work keeps every core busy, so a guard thread raises a thread whose
// hash has run for `starvation_limit` to nice `thread_nice` until that hash
// is done (leaving SCHED_IDLE needs CAP_SYS_NICE or a sufficient RLIMIT_NICE;
// without them the hash waits for a free core).
//
// The kernel groups threads by session (autogroup) or cgroup before it
// weighs their priorities, so the hashing threads yield only to threads in
// the same group: run the processes that serve requests on one machine in
// one session, or give the auth service's cgroup a low cpu.weight.
//
// Thread-safe. Destroy it only after every event loop that uses it has stopped.

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>

namespace myspace::metrics {
class Counter;
class Histogram;
class Gauge;
}  // namespace myspace::metrics

namespace myspace::auth {

enum class HashingPriority { kIdle, kNice };

struct HashingPoolOptions {
  int cost = 12;                 // bcrypt cost for new hashes, kMinBcryptCost..kMaxBcryptCost
  std::size_t threads = 2;       // bcrypt threads
  std::size_t max_pending = 64;  // running + queued; beyond it: kUnavailable
  HashingPriority priority = HashingPriority::kIdle;
  int thread_nice = 10;  // kNice, or when SCHED_IDLE is refused: added to the nice value (0..19)
  // kIdle: a hash still running after this long is starved, not slow (one
  // hash at cost 12 takes about 0.2 s of CPU).
  std::chrono::milliseconds starvation_limit{2000};
};

class HashingPool {
 public:
  // Computes the dummy hash (one bcrypt at `cost`) before returning.
  explicit HashingPool(HashingPoolOptions options);
  ~HashingPool();
  HashingPool(const HashingPool&) = delete;
  HashingPool& operator=(const HashingPool&) = delete;

  boost::asio::awaitable<std::string> hash(std::string password);
  boost::asio::awaitable<bool> verify(std::string password, std::string stored_hash);
  // The same work as verify() for an account that does not exist; always false.
  boost::asio::awaitable<bool> verify_unknown(std::string password);

  std::size_t pending() const noexcept { return pending_.load(std::memory_order_relaxed); }
  const HashingPoolOptions& options() const noexcept { return options_; }

 private:
  template <class T, class F>
  boost::asio::awaitable<T> run(F work);
  template <class T, class F>
  static boost::asio::awaitable<T> execute(HashingPool* self, F work);

  // What one pool thread is doing, for the starvation guard.
  struct Worker {
    std::atomic<int> thread_id{0};
    std::atomic<std::int64_t> busy_since_ns{0};  // 0: between jobs
    std::atomic<bool> raised{false};             // by the guard; the thread lowers itself again
    std::int64_t raised_for_job = 0;  // the guard's own: busy_since_ns of the job it raised
  };
  Worker& this_thread_worker();
  void guard_against_starvation(const std::stop_token& stop);

  HashingPoolOptions options_;
  std::string dummy_hash_;
  std::unique_ptr<Worker[]> workers_;
  std::atomic<std::size_t> workers_started_{0};
  boost::asio::thread_pool pool_;
  std::atomic<std::size_t> pending_{0};
  metrics::Histogram& latency_;
  metrics::Gauge& pending_gauge_;
  metrics::Counter& starved_;
  std::jthread guard_;  // declared last: stops before what it reads is destroyed
};

}  // namespace myspace::auth
