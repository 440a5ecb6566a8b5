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
// The pool's threads run at a lower scheduling priority (nice) than the event
// loops: on a shared machine a login storm then takes the CPU the request
// handlers leave, instead of taking turns with them and multiplying the
// latency of every other request.
//
// Thread-safe. Destroy it only after every event loop that uses it has stopped.

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <string>

namespace myspace::metrics {
class Histogram;
class Gauge;
}  // namespace myspace::metrics

namespace myspace::auth {

struct HashingPoolOptions {
  int cost = 12;                 // bcrypt cost for new hashes, kMinBcryptCost..kMaxBcryptCost
  std::size_t threads = 2;       // bcrypt threads
  std::size_t max_pending = 64;  // running + queued; beyond it: kUnavailable
  int thread_nice = 10;          // added to the pool threads' nice value (0..19)
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

  HashingPoolOptions options_;
  std::string dummy_hash_;
  boost::asio::thread_pool pool_;
  std::atomic<std::size_t> pending_{0};
  metrics::Histogram& latency_;
  metrics::Gauge& pending_gauge_;
};

}  // namespace myspace::auth
