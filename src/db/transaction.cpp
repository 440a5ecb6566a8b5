#include "db/transaction.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <random>

#include "common/log.h"

namespace myspace::db::detail {
namespace {

constexpr std::chrono::milliseconds kRollbackTimeout{2000};

}  // namespace

std::string_view begin_statement(const TransactionOptions& options) {
  switch (options.isolation) {
    case Isolation::kReadCommitted:
      return options.read_only ? "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY"
                               : "BEGIN ISOLATION LEVEL READ COMMITTED";
    case Isolation::kRepeatableRead:
      return options.read_only ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                               : "BEGIN ISOLATION LEVEL REPEATABLE READ";
    case Isolation::kSerializable:
      return options.read_only ? "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY"
                               : "BEGIN ISOLATION LEVEL SERIALIZABLE";
  }
  return "BEGIN";
}

asio::awaitable<void> begin(Connection& conn, const TransactionOptions& options) {
  co_await conn.execute_script(begin_statement(options));
}

asio::awaitable<void> commit(Connection& conn) {
  // COMMIT of an aborted transaction "succeeds" by rolling back; a body that
  // swallowed a failed statement must not look committed.
  if (conn.transaction_failed()) {
    throw UsageError(client_side(
        "transaction body caught a database error and carried on; the transaction was aborted"));
  }
  co_await conn.execute_script("COMMIT");
}

asio::awaitable<void> rollback_quietly(Connection& conn) {
  if (!conn.usable() || !conn.in_transaction()) co_return;
  try {
    co_await conn.execute_script("ROLLBACK", {.timeout = kRollbackTimeout});
  } catch (const DbError& e) {
    log::warn("db.rollback_failed", {{"error", e.detail()}});
  }
}

bool should_retry(const std::exception_ptr& error, bool commit_sent, int attempt,
                  const TransactionOptions& options) {
  if (attempt >= options.max_attempts) return false;
  try {
    std::rethrow_exception(error);
  } catch (const SerializationFailure&) {
    return true;  // also when raised by COMMIT: the server rolled back
  } catch (const Deadlock&) {
    return true;
  } catch (const ConnectionLost&) {
    return !commit_sent;  // lost during COMMIT: it may have committed
  } catch (...) {
    return false;
  }
}

asio::awaitable<void> backoff(int attempt, const TransactionOptions& options) {
  thread_local std::mt19937 random{std::random_device{}()};
  const auto exponent = std::min(attempt - 1, 16);
  const auto base = std::min(options.base_backoff * (1 << exponent), options.max_backoff);
  // Jitter ±50% so two transactions that collided do not collide again in step.
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  const auto delay = std::chrono::duration_cast<std::chrono::microseconds>(base * jitter(random));
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
}

void log_retry(const std::exception_ptr& error, int attempt) {
  std::string sqlstate;
  try {
    std::rethrow_exception(error);
  } catch (const DbError& e) {
    sqlstate = e.sqlstate();
  } catch (...) {
  }
  log::info("db.transaction_retry", {{"attempt", attempt}, {"sqlstate", sqlstate}});
}

}  // namespace myspace::db::detail
