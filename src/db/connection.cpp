#include "db/connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/system/system_error.hpp>
#include <thread>

#include "common/log.h"
#include "common/metrics.h"

namespace myspace::db {
namespace {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

struct Finish {
  void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};
struct Clear {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, Clear>;

std::string trimmed(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value != nullptr ? value : "";
}

ServerError server_error_of(const PGresult* result) {
  ServerError error;
  error.sqlstate = field(result, PG_DIAG_SQLSTATE);
  error.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (error.message.empty()) error.message = trimmed(PQresultErrorMessage(result));
  error.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
  error.constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
  error.table = field(result, PG_DIAG_TABLE_NAME);
  return error;
}

// The first 80 characters of a statement, for error messages and logs.
std::string excerpt(std::string_view sql) {
  return std::string(sql.substr(0, 80)) + (sql.size() > 80 ? "…" : "");
}

// Notices ("relation already exists, skipping") go to the debug log, not stderr.
void on_notice(void*, const char* message) {
  log::debug("db.notice", {{"message", trimmed(message)}});
}

// Borrows libpq's socket for one wait: the descriptor is released, never closed.
class BorrowedSocket {
 public:
  BorrowedSocket(const asio::any_io_executor& executor, int fd) : descriptor_(executor, fd) {}
  ~BorrowedSocket() { descriptor_.release(); }
  BorrowedSocket(const BorrowedSocket&) = delete;
  BorrowedSocket& operator=(const BorrowedSocket&) = delete;
  asio::posix::stream_descriptor& operator*() { return descriptor_; }

 private:
  asio::posix::stream_descriptor descriptor_;
};

enum class WaitFor { kRead, kWrite, kEither };

// Waits until `fd` is ready or `deadline` passes; false on timeout. A fresh
// epoll registration per wait reports readiness that already exists, so data
// that arrived before the wait is never missed (the io_context is one thread).
asio::awaitable<bool> wait_fd(const asio::any_io_executor& executor, int fd, WaitFor what,
                              Deadline deadline) {
  using namespace asio::experimental::awaitable_operators;
  using asio::posix::descriptor_base;
  BorrowedSocket socket(executor, fd);
  asio::steady_timer timer(executor, deadline);
  auto ready = [&](descriptor_base::wait_type type) {
    return (*socket).async_wait(type, asio::use_awaitable);
  };
  if (what == WaitFor::kEither) {
    auto result =
        co_await (ready(descriptor_base::wait_read) || ready(descriptor_base::wait_write) ||
                  timer.async_wait(asio::use_awaitable));
    co_return result.index() != 2;
  }
  auto result = co_await (
      ready(what == WaitFor::kRead ? descriptor_base::wait_read : descriptor_base::wait_write) ||
      timer.async_wait(asio::use_awaitable));
  co_return result.index() == 0;
}

}  // namespace

// ---- connecting ----

asio::awaitable<std::unique_ptr<Connection>> Connection::connect(ConnectOptions options) {
  const auto executor = co_await asio::this_coro::executor;
  const char* keys[] = {"dbname", "application_name", nullptr};
  const char* values[] = {options.url.c_str(), options.application_name.c_str(), nullptr};
  std::unique_ptr<PGconn, Finish> conn(PQconnectStartParams(keys, values, 1));
  if (conn == nullptr) throw ConnectionLost(client_side("libpq could not allocate a connection"));
  const auto fail = [&](std::string_view why) -> ConnectionLost {
    return ConnectionLost(
        client_side("cannot connect to PostgreSQL: " + std::string(why), "08001"));
  };
  if (PQstatus(conn.get()) == CONNECTION_BAD) throw fail(trimmed(PQerrorMessage(conn.get())));

  const Deadline deadline = Clock::now() + options.connect_timeout;
  // libpq's protocol: start as if PQconnectPoll had asked to wait for writing.
  PostgresPollingStatusType state = PGRES_POLLING_WRITING;
  while (state != PGRES_POLLING_OK) {
    if (state == PGRES_POLLING_FAILED) throw fail(trimmed(PQerrorMessage(conn.get())));
    const WaitFor what = state == PGRES_POLLING_READING ? WaitFor::kRead : WaitFor::kWrite;
    if (PQsocket(conn.get()) < 0) throw fail("no socket");
    if (!co_await wait_fd(executor, PQsocket(conn.get()), what, deadline)) {
      throw QueryTimeout(client_side("connecting to PostgreSQL took longer than " +
                                         std::to_string(options.connect_timeout.count()) + "ms",
                                     "08001"));
    }
    state = PQconnectPoll(conn.get());
  }
  if (PQsetnonblocking(conn.get(), 1) != 0) throw fail(trimmed(PQerrorMessage(conn.get())));
  PQsetNoticeProcessor(conn.get(), on_notice, nullptr);
  co_return std::unique_ptr<Connection>(
      new Connection(executor, std::move(options), conn.release()));
}

Connection::Connection(asio::any_io_executor executor, ConnectOptions options, pg_conn* conn)
    : executor_(std::move(executor)), options_(std::move(options)), conn_(conn) {}

Connection::~Connection() {
  PQfinish(conn_);
}

bool Connection::usable() const noexcept {
  return !broken_ && PQstatus(conn_) == CONNECTION_OK;
}

bool Connection::in_transaction() const noexcept {
  return PQtransactionStatus(conn_) != PQTRANS_IDLE;
}

bool Connection::transaction_failed() const noexcept {
  return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

int Connection::backend_pid() const noexcept {
  return PQbackendPID(conn_);
}

bool Connection::check_closed_while_idle() {
  if (!usable()) {
    broken_ = true;
    return true;
  }
  // An idle connection has nothing to read: readability means EOF, an error, or
  // a FATAL "terminating connection" sent by a server that is shutting down.
  pollfd pfd{PQsocket(conn_), POLLIN, 0};
  if (::poll(&pfd, 1, 0) == 0) return false;
  broken_ = true;
  return true;
}

// ---- failures ----

void Connection::fail_lost(std::string_view what) {
  broken_ = true;
  throw ConnectionLost(client_side("PostgreSQL connection lost while " + std::string(what) + ": " +
                                       trimmed(PQerrorMessage(conn_)),
                                   "08006"));
}

void Connection::fail_timeout(std::string_view sql) {
  cancel_in_background();
  broken_ = true;
  log::warn("db.query_timeout", {{"sql", excerpt(sql)}});
  throw QueryTimeout(client_side("statement passed its deadline: " + excerpt(sql), "57014"));
}

void Connection::cancel_in_background() {
  // PQcancel opens a new connection and blocks, so it runs on its own thread.
  // The server then stops the statement instead of running it to the end.
  PGcancel* cancel = PQgetCancel(conn_);
  if (cancel == nullptr) return;
  std::thread([cancel] {
    char error[256];
    PQcancel(cancel, error, sizeof error);
    PQfreeCancel(cancel);
  }).detach();
}

// ---- the protocol loop ----

Connection::Deadline Connection::deadline_for(const QueryOptions& options) const {
  return Clock::now() + options.timeout.value_or(options_.query_timeout);
}

asio::awaitable<void> Connection::wait_socket(Wait what, Deadline deadline) {
  const WaitFor mode = what == Wait::kRead    ? WaitFor::kRead
                       : what == Wait::kWrite ? WaitFor::kWrite
                                              : WaitFor::kEither;
  if (PQsocket(conn_) < 0) fail_lost("waiting (no socket)");
  bool ready = false;
  try {
    ready = co_await wait_fd(executor_, PQsocket(conn_), mode, deadline);
  } catch (const boost::system::system_error&) {
    // Cancelled from outside mid-statement: the protocol state is unknown.
    broken_ = true;
    throw;
  }
  if (!ready) fail_timeout(current_sql_);
}

asio::awaitable<void> Connection::flush(Deadline deadline) {
  while (true) {
    const int pending = PQflush(conn_);
    if (pending == 0) co_return;
    if (pending < 0) fail_lost("sending");
    // Wait for either direction: the server may be blocked writing to us.
    co_await wait_socket(Wait::kEither, deadline);
    if (PQconsumeInput(conn_) == 0) fail_lost("sending");
  }
}

asio::awaitable<pg_result*> Connection::read_results(Deadline deadline) {
  ResultPtr last;
  ResultPtr error;
  while (true) {
    while (PQisBusy(conn_) == 1) {
      co_await wait_socket(Wait::kRead, deadline);
      if (PQconsumeInput(conn_) == 0) fail_lost("reading");
    }
    ResultPtr result(PQgetResult(conn_));
    if (result == nullptr) break;
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) {
      if (error == nullptr) error = std::move(result);
    } else {
      last = std::move(result);
    }
  }
  if (error != nullptr) {
    ServerError server = server_error_of(error.get());
    if (PQstatus(conn_) == CONNECTION_BAD) {
      broken_ = true;
      if (server.sqlstate.empty() || server.sqlstate.substr(0, 2) != "57")
        server.sqlstate = "08006";
    }
    if (server.sqlstate.empty()) throw DbError(ErrorCode::kInternal, "internal error", server);
    throw_server_error(std::move(server));
  }
  if (last == nullptr) fail_lost("reading (no result)");
  co_return last.release();
}

asio::awaitable<std::string> Connection::prepare(std::string_view sql, const Params& params,
                                                 Deadline deadline) {
  std::vector<Oid> types;
  for (const Param& p : params) types.push_back(p.type());
  std::string name = "myspace_" + std::to_string(++statements_created_);
  const std::string text(sql);
  if (PQsendPrepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                    types.data()) == 0) {
    fail_lost("preparing");
  }
  co_await flush(deadline);
  ResultPtr done(co_await read_results(deadline));
  co_return name;
}

namespace {

// Cache key: the text plus the parameter types, since a statement is prepared for
// fixed types ($1 as int8 is a different statement from $1 as unknown).
std::string statement_key(std::string_view sql, const Params& params) {
  std::string key(sql);
  key += '\0';
  for (const Param& p : params) key += std::to_string(p.type()) + ",";
  return key;
}

}  // namespace

asio::awaitable<Result> Connection::query_params(Sql sql, Params params, QueryOptions options) {
  const auto started = Clock::now();
  const Deadline deadline = deadline_for(options);
  // Before anything is sent, so the connection stays in a known state.
  check_text_params(params);
  if (!usable()) fail_lost("starting a statement (connection already closed)");
  std::vector<Oid> types;
  std::vector<const char*> values;
  for (const Param& p : params) {
    types.push_back(p.type());
    values.push_back(p.is_null() ? nullptr : p.text()->c_str());
  }
  const int count = static_cast<int>(params.size());
  const std::string key = statement_key(sql.text(), params);
  current_sql_ = sql.text();
  try {
    auto cached = prepared_.find(key);
    if (cached == prepared_.end() && prepared_.size() < options_.max_prepared) {
      std::string name = co_await prepare(sql.text(), params, deadline);
      cached = prepared_.emplace(key, std::move(name)).first;
    }
    int sent = 0;
    if (cached != prepared_.end()) {
      sent = PQsendQueryPrepared(conn_, cached->second.c_str(), count, values.data(), nullptr,
                                 nullptr, 0);
    } else {
      const std::string text(sql.text());
      sent = PQsendQueryParams(conn_, text.c_str(), count, types.data(), values.data(), nullptr,
                               nullptr, 0);
    }
    if (sent == 0) fail_lost("sending");
    co_await flush(deadline);
    Result result(co_await read_results(deadline));
    if (query_seconds_ != nullptr) {
      query_seconds_->observe(std::chrono::duration<double>(Clock::now() - started).count());
    }
    co_return result;
  } catch (const DbError& e) {
    if (errors_ != nullptr) errors_->inc();
    // The table changed under a cached plan (a migration): prepare afresh next time.
    if (e.sqlstate() == "0A000") prepared_.erase(key);
    throw;
  }
}

asio::awaitable<void> Connection::execute_script(std::string_view script, QueryOptions options) {
  const Deadline deadline = deadline_for(options);
  if (!usable()) fail_lost("starting a script (connection already closed)");
  const std::string text(script);
  current_sql_ = text;
  if (PQsendQuery(conn_, text.c_str()) == 0) fail_lost("sending");
  co_await flush(deadline);
  ResultPtr done(co_await read_results(deadline));
}

}  // namespace myspace::db
