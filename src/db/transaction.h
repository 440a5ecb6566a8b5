#pragma once
// Transactions: BEGIN … COMMIT around a coroutine, ROLLBACK when it throws, and
// bounded retries of the failures the server tells us are safe to retry:
//   SerializationFailure (40001) and Deadlock (40P01) — the server rolled the
//   whole transaction back, so running the body again is correct;
//   ConnectionLost before COMMIT was sent — the server rolls back an open
//   transaction whose connection dies, so nothing was applied.
// ConnectionLost during or after COMMIT is never retried: the outcome is unknown.
//
//   auto id = co_await db::transact(pool, [&](db::Connection& c) -> asio::awaitable<std::int64_t> {
//     auto row = (co_await c.query("INSERT INTO t (name) VALUES ($1) RETURNING id", name)).one();
//     co_await c.query("UPDATE counters SET n = n + 1 WHERE name = $1", "t");
//     co_return row.get<std::int64_t>("id");
//   }, {.isolation = db::Isolation::kSerializable});
//
// The body may run more than once: it must have no effects outside the database
// (or only idempotent ones), and must use only the connection it is given.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "db/connection.h"
#include "db/pool.h"

namespace myspace::db {

enum class Isolation { kReadCommitted, kRepeatableRead, kSerializable };

struct TransactionOptions {
  Isolation isolation = Isolation::kReadCommitted;
  bool read_only = false;
  int max_attempts = 5;                       // 1 = no retries
  std::chrono::milliseconds base_backoff{5};  // doubled per attempt, jittered ±50%
  std::chrono::milliseconds max_backoff{200};
};

namespace detail {

template <class A>
struct AwaitableValue;
template <class T>
struct AwaitableValue<asio::awaitable<T>> {
  using type = T;
};

// "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY" etc.
std::string_view begin_statement(const TransactionOptions& options);
asio::awaitable<void> begin(Connection& conn, const TransactionOptions& options);
asio::awaitable<void> commit(Connection& conn);
// ROLLBACK if the connection is still usable; never throws (a failed rollback
// leaves the connection unusable, so the pool discards it).
asio::awaitable<void> rollback_quietly(Connection& conn);
// Whether `error` (thrown on attempt `attempt`) may be retried.
bool should_retry(const std::exception_ptr& error, bool commit_sent, int attempt,
                  const TransactionOptions& options);
asio::awaitable<void> backoff(int attempt, const TransactionOptions& options);
void log_retry(const std::exception_ptr& error, int attempt);

}  // namespace detail

template <class Body,
          class T = typename detail::AwaitableValue<std::invoke_result_t<Body&, Connection&>>::type>
asio::awaitable<T> transact(Pool& pool, Body body, TransactionOptions options = {}) {
  for (int attempt = 1;; ++attempt) {
    std::exception_ptr error;
    bool commit_sent = false;
    {
      PooledConnection conn = co_await pool.acquire();
      try {
        co_await detail::begin(*conn, options);
        if constexpr (std::is_void_v<T>) {
          co_await body(*conn);
          commit_sent = true;
          co_await detail::commit(*conn);
          co_return;
        } else {
          T value = co_await body(*conn);
          commit_sent = true;
          co_await detail::commit(*conn);
          co_return value;
        }
      } catch (...) {
        error = std::current_exception();
      }
      co_await detail::rollback_quietly(*conn);
    }
    if (!detail::should_retry(error, commit_sent, attempt, options)) std::rethrow_exception(error);
    detail::log_retry(error, attempt);
    co_await detail::backoff(attempt, options);
  }
}

}  // namespace myspace::db
