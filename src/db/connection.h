#pragma once
// One PostgreSQL connection driven by libpq in non-blocking mode on an Asio
// executor: connecting, sending and reading never block the event loop — the
// coroutine waits on the socket's readiness instead. Statements are prepared on
// first use and cached per connection. Every statement has a deadline; when it
// passes, the server is asked to cancel (off the loop) and the connection is
// closed, so a stuck statement can never hold the loop or the pool.
//
// Not thread-safe: use a connection from one coroutine at a time, on the executor
// it was opened with (the pool guarantees both).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "db/errors.h"
#include "db/result.h"
#include "db/sql.h"

struct pg_conn;  // libpq's PGconn

namespace myspace::metrics {
class Counter;
class Histogram;
}  // namespace myspace::metrics

namespace myspace::db {

namespace asio = boost::asio;

struct ConnectOptions {
  // A postgresql:// URL or a libpq key=value string.
  std::string url;
  std::string application_name = "myspace";
  std::chrono::milliseconds connect_timeout{3000};
  // Deadline for a statement when QueryOptions does not give one.
  std::chrono::milliseconds query_timeout{5000};
  // Cached prepared statements per connection; past this, statements still run
  // (unnamed, parsed each time) so a leak of distinct SQL texts stays bounded.
  std::size_t max_prepared = 256;
};

struct QueryOptions {
  // Overrides ConnectOptions::query_timeout for this statement.
  std::optional<std::chrono::milliseconds> timeout;
};

class Connection {
 public:
  // Opens a connection. Throws ConnectionLost (cannot connect, with libpq's reason)
  // or QueryTimeout (connect_timeout passed).
  static asio::awaitable<std::unique_ptr<Connection>> connect(ConnectOptions options);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one parameterized statement, each argument converted to a Param:
  //   auto rows = co_await conn.query("SELECT name FROM t WHERE id = $1 AND tags && $2", id, tags);
  // Throws the DbError subtype for the server's SQLSTATE, ConnectionLost or QueryTimeout.
  // (Parameters are variadic rather than a braced list because GCC 12 rejects
  // braced lists of literals inside a co_await expression: "array used as
  // initializer". For the same reason pass vectors as named variables.)
  template <class... Args>
  asio::awaitable<Result> query(Sql sql, Args&&... args) {
    return query_params(sql, Params{Param(std::forward<Args>(args))...});
  }
  template <class... Args>
  asio::awaitable<Result> query_with(QueryOptions options, Sql sql, Args&&... args) {
    return query_params(sql, Params{Param(std::forward<Args>(args))...}, options);
  }
  // The same with a parameter list built beforehand.
  asio::awaitable<Result> query_params(Sql sql, Params params, QueryOptions options = {});

  // Runs a script of one or more statements without parameters (simple query
  // protocol): migrations and fixed commands such as BEGIN. Never pass input here.
  asio::awaitable<void> execute_script(std::string_view script, QueryOptions options = {});

  // False once the connection has failed (lost, timed out) and must be discarded.
  bool usable() const noexcept;
  // True between BEGIN and COMMIT/ROLLBACK (or in a failed transaction).
  bool in_transaction() const noexcept;
  // True inside a transaction that a failed statement aborted (COMMIT would roll back).
  bool transaction_failed() const noexcept;
  // Without blocking: true when the server closed the idle connection or sent
  // something unprompted (e.g. "terminating connection" at shutdown). Marks it unusable.
  bool check_closed_while_idle();

  std::size_t prepared_count() const noexcept { return prepared_.size(); }
  const asio::any_io_executor& executor() const noexcept { return executor_; }
  // Records statement latency and failures here (the pool's series).
  void instrument(metrics::Histogram* query_seconds, metrics::Counter* errors) noexcept {
    query_seconds_ = query_seconds;
    errors_ = errors;
  }

  // The server process id serving this connection (for tests and logs).
  int backend_pid() const noexcept;

 private:
  Connection(asio::any_io_executor executor, ConnectOptions options, pg_conn* conn);
  enum class Wait { kRead, kWrite, kEither };
  using Deadline = std::chrono::steady_clock::time_point;

  asio::awaitable<void> wait_socket(Wait what, Deadline deadline);
  asio::awaitable<void> flush(Deadline deadline);
  asio::awaitable<pg_result*> read_results(Deadline deadline);
  asio::awaitable<std::string> prepare(std::string_view sql, const Params& params,
                                       Deadline deadline);
  Deadline deadline_for(const QueryOptions& options) const;
  [[noreturn]] void fail_lost(std::string_view what);
  [[noreturn]] void fail_timeout(std::string_view sql);
  void cancel_in_background();

  asio::any_io_executor executor_;
  ConnectOptions options_;
  pg_conn* conn_;
  bool broken_ = false;
  // Key: SQL text plus parameter type signature; value: statement name.
  std::unordered_map<std::string, std::string> prepared_;
  // Names are never reused: an entry dropped from prepared_ still exists on the server.
  std::uint64_t statements_created_ = 0;
  std::string_view current_sql_;  // the statement in flight, for timeout messages
  metrics::Histogram* query_seconds_ = nullptr;
  metrics::Counter* errors_ = nullptr;
};

}  // namespace myspace::db
