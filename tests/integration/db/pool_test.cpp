// The pool's bound, waiting, reconnecting after a server restart and readiness.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "common/metrics.h"
#include "db/errors.h"
#include "db_fixture.h"

namespace myspace::db::test {
namespace {

using DbPool = DbTest;

TEST_F(DbPool, AcquireBeyondMaxWaitsThenTimesOut) {
  auto options = pool_options(2);
  options.acquire_timeout = 300ms;
  Pool pool(io_.get_executor(), options);
  run([&]() -> asio::awaitable<void> {
    PooledConnection a = co_await pool.acquire();
    PooledConnection b = co_await pool.acquire();
    EXPECT_EQ(pool.in_use(), 2u);
    const auto started = std::chrono::steady_clock::now();
    try {
      PooledConnection c = co_await pool.acquire();
      ADD_FAILURE() << "third connection beyond max_size 2";
    } catch (const PoolExhausted& e) {
      EXPECT_EQ(e.code(), ErrorCode::kUnavailable);
    }
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_GE(waited, 300ms);
    EXPECT_LT(waited, 1s);
    EXPECT_EQ(pool.size(), 2u);
  }());
}

TEST_F(DbPool, WaiterGetsTheReleasedConnection) {
  Pool pool(io_.get_executor(), pool_options(1));
  run([&]() -> asio::awaitable<void> {
    auto first = std::make_unique<PooledConnection>(co_await pool.acquire());
    const int pid = (*first)->backend_pid();
    asio::co_spawn(
        io_,
        [&]() -> asio::awaitable<void> {
          co_await sleep_for(100ms);
          first.reset();
        },
        asio::detached);
    const auto started = std::chrono::steady_clock::now();
    PooledConnection second = co_await pool.acquire();
    EXPECT_GE(std::chrono::steady_clock::now() - started, 90ms);
    EXPECT_EQ(second->backend_pid(), pid);  // handed over, not a new connection
    EXPECT_EQ(pool.size(), 1u);
  }());
}

TEST_F(DbPool, ConnectionLeftInATransactionIsDiscarded) {
  Pool pool(io_.get_executor(), pool_options(2));
  run([&]() -> asio::awaitable<void> {
    co_await pool.query("CREATE TABLE t (v int)");
    {
      PooledConnection conn = co_await pool.acquire();
      co_await conn->execute_script("BEGIN");
      co_await conn->query("INSERT INTO t VALUES ($1)", 1);
    }  // dropped without COMMIT
    EXPECT_EQ(pool.idle(), 0u);
    const Result r = co_await pool.query("SELECT count(*) AS n FROM t");
    EXPECT_EQ(r.one().get<std::int64_t>("n"), 0);
  }());
}

TEST_F(DbPool, ReconnectsAfterServerRestart) {
  Pool pool(io_.get_executor(), pool_options(2));
  const int before = run([&]() -> asio::awaitable<int> {
    PooledConnection conn = co_await pool.acquire();
    co_return (co_await conn->query("SELECT pg_backend_pid() AS pid")).one().get<int>("pid");
  }());
  EXPECT_EQ(pool.idle(), 1u);
  pg_.restart();
  const int after = run([&]() -> asio::awaitable<int> {
    const Result r = co_await pool.query("SELECT pg_backend_pid() AS pid");
    co_return r.one().get<int>("pid");
  }());
  EXPECT_NE(before, after);
  EXPECT_EQ(pool.size(), 1u);  // the dead one was discarded, not kept
}

TEST_F(DbPool, StatementOnConnectionKilledMidUseIsNotRetried) {
  Pool pool(io_.get_executor(), pool_options(2));
  run([&]() -> asio::awaitable<void> {
    co_await pool.query("CREATE TABLE t (v int)");
    PooledConnection conn = co_await pool.acquire();
    co_await conn->query("SELECT 1");
    pg_.restart();
    // The held connection is dead: the caller hears about it rather than the
    // pool replaying an INSERT that may or may not have happened.
    EXPECT_THROW(co_await conn->query("INSERT INTO t VALUES ($1)", 1), ConnectionLost);
    EXPECT_FALSE(conn->usable());
    const Result r = co_await pool.query("SELECT count(*) AS n FROM t");
    EXPECT_EQ(r.one().get<std::int64_t>("n"), 0);
  }());
}

class DbPoolDatabaseDown : public DbTest {
 protected:
  DbPoolDatabaseDown() : DbTest({.start = false}) {}
};

TEST_F(DbPoolDatabaseDown, PingFailsFastThenSucceedsOnceTheServerIsUp) {
  Pool pool(io_.get_executor(), pool_options(2));
  const auto started = std::chrono::steady_clock::now();
  try {
    run(pool.ping());
    FAIL() << "ping succeeded with the server down";
  } catch (const ConnectionLost& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnavailable);
    EXPECT_NE(e.detail().find("cannot connect to PostgreSQL"), std::string::npos) << e.detail();
    EXPECT_NE(e.detail().find(std::to_string(pg_.port())), std::string::npos) << e.detail();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  EXPECT_EQ(pool.size(), 0u);
  pg_.start();
  run(pool.ping());
  EXPECT_EQ(pool.idle(), 1u);
}

TEST_F(DbPool, PublishesMetrics) {
  auto options = pool_options(2);
  options.name = "metrics_probe";  // series of its own: the registry is process-wide
  Pool pool(io_.get_executor(), options);
  run([&]() -> asio::awaitable<void> {
    PooledConnection conn = co_await pool.acquire();
    co_await conn->query("SELECT 1");
    try {
      co_await conn->query("SELECT * FROM missing");
    } catch (const UsageError&) {
    }
  }());
  const std::string text = metrics::Registry::global().render();
  EXPECT_NE(text.find("db_pool_connections{pool=\"metrics_probe\",state=\"idle\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("db_pool_connections{pool=\"metrics_probe\",state=\"in_use\"} 0"),
            std::string::npos);
  EXPECT_NE(text.find("db_query_seconds_count{pool=\"metrics_probe\"} 1"), std::string::npos)
      << text;
  EXPECT_NE(text.find("db_errors_total{pool=\"metrics_probe\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("db_pool_acquire_seconds_count{pool=\"metrics_probe\"} 1"),
            std::string::npos);
}

}  // namespace
}  // namespace myspace::db::test
