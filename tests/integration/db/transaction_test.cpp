// db::transact against a real server: commit, rollback, and retries of real
// serialization failures and lost connections.
#include "db/transaction.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include "db/errors.h"
#include "db_fixture.h"

namespace myspace::db::test {
namespace {

class DbTransaction : public DbTest {
 protected:
  void SetUp() override {
    pool_ = std::make_unique<Pool>(io_.get_executor(), pool_options(4));
    run(pool_->query("CREATE TABLE t (v int NOT NULL)"));
  }
  std::int64_t count() {
    return run(pool_->query("SELECT count(*) AS n FROM t")).one().get<std::int64_t>("n");
  }
  std::unique_ptr<Pool> pool_;
};

TEST_F(DbTransaction, CommitsAndReturnsTheBodysValue) {
  const std::int64_t n = run(transact(*pool_, [&](Connection& c) -> asio::awaitable<std::int64_t> {
    co_await c.query("INSERT INTO t VALUES ($1), ($2)", 1, 2);
    EXPECT_TRUE(c.in_transaction());
    co_return (co_await c.query("SELECT count(*) AS n FROM t")).one().get<std::int64_t>("n");
  }));
  EXPECT_EQ(n, 2);
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(pool_->idle(), 1u);  // returned clean, not discarded
}

TEST_F(DbTransaction, RollsBackWhenTheBodyThrows) {
  struct Boom : std::runtime_error {
    Boom() : std::runtime_error("boom") {}
  };
  int attempts = 0;
  EXPECT_THROW(run(transact(*pool_,
                            [&](Connection& c) -> asio::awaitable<void> {
                              ++attempts;
                              co_await c.query("INSERT INTO t VALUES ($1)", 1);
                              throw Boom();
                            })),
               Boom);
  EXPECT_EQ(attempts, 1);  // not a retryable error
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(pool_->idle(), 1u);  // rolled back and reused
}

TEST_F(DbTransaction, RefusesToCommitAfterASwallowedError) {
  EXPECT_THROW(run(transact(*pool_,
                            [&](Connection& c) -> asio::awaitable<void> {
                              co_await c.query("INSERT INTO t VALUES ($1)", 1);
                              try {
                                co_await c.query("INSERT INTO t VALUES (NULL)");
                              } catch (const NotNullViolation&) {
                              }
                            })),
               UsageError);
  EXPECT_EQ(count(), 0);
}

// Classic write skew: both read count(*) then insert it. Under SERIALIZABLE one
// of them must fail with 40001; the barrier makes sure both read before either writes.
asio::awaitable<int> skewed_insert(Pool& pool, int& readers, int& attempts, int max_attempts) {
  bool first_attempt = true;
  co_return co_await transact(
      pool,
      [&](Connection& c) -> asio::awaitable<int> {
        ++attempts;
        const auto n =
            (co_await c.query("SELECT count(*) AS n FROM t")).one().get<std::int64_t>("n");
        if (first_attempt) {
          first_attempt = false;
          ++readers;
          while (readers < 2) co_await sleep_for(2ms);
        }
        co_await c.query("INSERT INTO t VALUES ($1)", n);
        co_return static_cast<int>(n);
      },
      {.isolation = Isolation::kSerializable, .max_attempts = max_attempts});
}

TEST_F(DbTransaction, RetriesARealSerializationFailure) {
  int readers = 0;
  int attempts = 0;
  auto a = asio::co_spawn(io_, skewed_insert(*pool_, readers, attempts, 5), asio::use_future);
  auto b = asio::co_spawn(io_, skewed_insert(*pool_, readers, attempts, 5), asio::use_future);
  io_.restart();
  io_.run();
  const int va = a.get();
  const int vb = b.get();
  EXPECT_EQ(attempts, 3);  // one of the two ran twice
  EXPECT_EQ(std::min(va, vb), 0);
  EXPECT_EQ(std::max(va, vb), 1);  // the retry saw the other's row
  EXPECT_EQ(count(), 2);
}

TEST_F(DbTransaction, SerializationFailureSurfacesWithoutRetries) {
  int readers = 0;
  int attempts = 0;
  auto a = asio::co_spawn(io_, skewed_insert(*pool_, readers, attempts, 1), asio::use_future);
  auto b = asio::co_spawn(io_, skewed_insert(*pool_, readers, attempts, 1), asio::use_future);
  io_.restart();
  io_.run();
  int failures = 0;
  for (auto* f : {&a, &b}) {
    try {
      f->get();
    } catch (const SerializationFailure& e) {
      EXPECT_EQ(e.sqlstate(), "40001");
      ++failures;
    }
  }
  EXPECT_EQ(failures, 1);
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(count(), 1);
}

TEST_F(DbTransaction, RetriesWhenTheConnectionDiesBeforeCommit) {
  int attempts = 0;
  const int value = run(transact(*pool_, [&](Connection& c) -> asio::awaitable<int> {
    ++attempts;
    co_await c.query("INSERT INTO t VALUES ($1)", attempts);
    if (attempts == 1) {
      // Kill our own backend from outside: the server rolls the transaction back.
      pg_.execute("SELECT pg_terminate_backend(" + std::to_string(c.backend_pid()) + ")");
      co_await c.query("SELECT 1");  // throws ConnectionLost
    }
    co_return attempts;
  }));
  EXPECT_EQ(value, 2);
  EXPECT_EQ(attempts, 2);
  const Result r = run(pool_->query("SELECT v FROM t"));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].get<int>("v"), 2);  // the first attempt's insert never committed
}

// A connection lost while COMMIT runs: the server may have committed, so the
// body must not run again and the caller must be told. A deferred constraint
// trigger makes the backend terminate itself during COMMIT (after the body,
// before the server answers), so the loss is real, not simulated.
class DbTransactionLostAtCommit : public DbTransaction {
 protected:
  void SetUp() override {
    DbTransaction::SetUp();
    pg_.execute(R"(
      CREATE TABLE doomed (v int NOT NULL);
      CREATE FUNCTION terminate_own_backend() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_terminate_backend(pg_backend_pid());
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER terminate_at_commit AFTER INSERT ON doomed
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION terminate_own_backend();
    )");
  }

  // Retries stay allowed (the default 5 attempts): only commit_sent may stop them.
  template <class Body>
  void expect_lost_once(Body body) {
    EXPECT_THROW(run(transact(*pool_, body)), ConnectionLost);
    EXPECT_EQ(attempts_, 1) << "the body ran again after COMMIT was sent";
    EXPECT_EQ(finished_, 1) << "the connection was lost before COMMIT";
    // The pool dropped the dead connection and serves a fresh one.
    EXPECT_EQ(count(), 0);
  }

  asio::awaitable<void> insert_doomed(Connection& c) {
    ++attempts_;
    co_await c.query("INSERT INTO doomed VALUES ($1)", attempts_);
    ++finished_;
  }

  int attempts_ = 0;
  int finished_ = 0;
};

TEST_F(DbTransactionLostAtCommit, ValueFormRunsTheBodyOnceAndReportsTheLoss) {
  expect_lost_once([&](Connection& c) -> asio::awaitable<int> {
    co_await insert_doomed(c);
    co_return attempts_;
  });
}

TEST_F(DbTransactionLostAtCommit, VoidFormRunsTheBodyOnceAndReportsTheLoss) {
  expect_lost_once([&](Connection& c) -> asio::awaitable<void> { co_await insert_doomed(c); });
}

TEST_F(DbTransaction, ReadOnlyTransactionsRefuseWrites) {
  EXPECT_THROW(run(transact(*pool_,
                            [&](Connection& c) -> asio::awaitable<void> {
                              co_await c.query("INSERT INTO t VALUES ($1)", 1);
                            },
                            {.read_only = true})),
               DbError);
  EXPECT_EQ(count(), 0);
}

}  // namespace
}  // namespace myspace::db::test
