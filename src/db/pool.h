#pragma once
// A bounded pool of PostgreSQL connections for one io_context. Services run one
// io_context per thread and share nothing between them, so each thread owns its
// own Pool and the pool is NOT thread-safe: use it only from coroutines on its
// executor. Connections are opened lazily up to max_size; acquire() waits (up to
// acquire_timeout) for one to come back and then throws PoolExhausted (kUnavailable).
//
// Dead connections (server restarted, network cut) are noticed when a connection
// is taken from the idle list (a non-blocking check of its socket) or when a
// statement on it fails; they are discarded and replaced by a fresh one on the
// next acquire. A statement that failed because its connection died is NOT
// retried here: the server may or may not have applied it, and only the caller
// knows whether it is idempotent. db::transact retries it when that is safe.
//
// The Pool must outlive every PooledConnection it handed out.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/connection.h"

namespace myspace::metrics {
class Gauge;
class Histogram;
class Counter;
}  // namespace myspace::metrics

namespace myspace::db {

struct PoolOptions {
  ConnectOptions connect;  // url, connect and statement timeouts
  std::size_t max_size = 10;
  std::chrono::milliseconds acquire_timeout{2000};
  std::string name = "main";  // the `pool` label on metrics
};

class Pool;

// A connection on loan from a pool; returned (or discarded if broken or left
// inside a transaction) when this handle is destroyed.
class PooledConnection {
 public:
  PooledConnection(PooledConnection&& other) noexcept;
  PooledConnection& operator=(PooledConnection&& other) noexcept;
  PooledConnection(const PooledConnection&) = delete;
  PooledConnection& operator=(const PooledConnection&) = delete;
  ~PooledConnection();

  Connection& operator*() const noexcept { return *conn_; }
  Connection* operator->() const noexcept { return conn_.get(); }

 private:
  friend class Pool;
  PooledConnection(Pool* pool, std::unique_ptr<Connection> conn)
      : pool_(pool), conn_(std::move(conn)) {}
  Pool* pool_;
  std::unique_ptr<Connection> conn_;
};

class Pool {
 public:
  Pool(asio::any_io_executor executor, PoolOptions options);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // A live connection; throws PoolExhausted after acquire_timeout, ConnectionLost
  // when a new connection cannot be opened (database down).
  asio::awaitable<PooledConnection> acquire();

  // Acquire, run one statement, release: co_await pool.query("SELECT … $1", id).
  template <class... Args>
  asio::awaitable<Result> query(Sql sql, Args&&... args) {
    return query_params(sql, Params{Param(std::forward<Args>(args))...});
  }
  asio::awaitable<Result> query_params(Sql sql, Params params, QueryOptions options = {});

  // Readiness: runs `SELECT 1` on a pooled connection within connect_timeout.
  // Throws ConnectionLost / QueryTimeout / PoolExhausted with a clear message.
  asio::awaitable<void> ping();

  std::size_t size() const noexcept { return idle_.size() + in_use_ + connecting_; }
  std::size_t idle() const noexcept { return idle_.size(); }
  std::size_t in_use() const noexcept { return in_use_; }
  std::size_t waiting() const noexcept { return waiters_.size(); }
  const PoolOptions& options() const noexcept { return options_; }
  const asio::any_io_executor& executor() const noexcept { return executor_; }

 private:
  friend class PooledConnection;
  struct Waiter;

  void release(std::unique_ptr<Connection> conn);
  asio::awaitable<PooledConnection> open_new();
  std::unique_ptr<Connection> take_idle();
  void wake_next_waiter();
  PooledConnection lend(std::unique_ptr<Connection> conn);
  void discard(std::unique_ptr<Connection> conn, std::string_view why);
  void publish_gauges();

  asio::any_io_executor executor_;
  PoolOptions options_;
  std::deque<std::unique_ptr<Connection>> idle_;
  std::size_t in_use_ = 0;
  std::size_t connecting_ = 0;
  std::deque<std::shared_ptr<Waiter>> waiters_;

  metrics::Gauge* in_use_gauge_;
  metrics::Gauge* idle_gauge_;
  metrics::Histogram* acquire_seconds_;
  metrics::Histogram* query_seconds_;
  metrics::Counter* errors_;
  // What this pool last added to the process-wide gauges (pools on other threads
  // add to the same series, so each pool publishes deltas).
  std::int64_t published_in_use_ = 0;
  std::int64_t published_idle_ = 0;
};

}  // namespace myspace::db
