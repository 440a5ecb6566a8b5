// Statements against a real server: parameters of every type, NULLs, typed
// errors, prepared statement reuse and deadlines.
#include "db/connection.h"
#include "db/errors.h"
#include "db_fixture.h"

namespace myspace::db::test {
namespace {

class DbQuery : public DbTest {
 protected:
  void SetUp() override { pool_ = std::make_unique<Pool>(io_.get_executor(), pool_options()); }
  std::unique_ptr<Pool> pool_;
};

TEST_F(DbQuery, RoundTripsEveryParameterType) {
  const std::string nasty = "'; DROP TABLE t; -- $1 \\ \"quoted\" ünïcødé 🚀";
  const std::vector<std::string> tags = {"a",   "b c", "",   "NULL", "q\"t",
                                         "x,y", "{z}", "\\", "日本"};
  const std::vector<std::string> no_tags;
  run([&]() -> asio::awaitable<void> {
    const Result r = co_await pool_->query(
        "SELECT $1::int AS i, $2::bigint AS big, $3::text AS s, $4::bool AS yes, $5::bool AS no,"
        " $6::float8 AS f, $7::text[] AS tags, $8::text[] AS empty, $9::numeric AS price,"
        " $10::bigint AS small",
        42, std::int64_t{9007199254740993}, nasty, true, false, 0.1, tags, no_tags, "12.50",
        std::numeric_limits<std::int64_t>::min());
    const Row row = r.one();
    EXPECT_EQ(row.get<int>("i"), 42);
    EXPECT_EQ(row.get<std::int64_t>("big"), 9007199254740993);
    EXPECT_EQ(row.get<std::string>("s"), nasty);
    EXPECT_TRUE(row.get<bool>("yes"));
    EXPECT_FALSE(row.get<bool>("no"));
    EXPECT_EQ(row.get<double>("f"), 0.1);
    EXPECT_EQ(row.get<std::vector<std::string>>("tags"), tags);
    EXPECT_TRUE(row.get<std::vector<std::string>>("empty").empty());
    EXPECT_EQ(row.get<std::string>("price"), "12.50");
    EXPECT_EQ(row.get<std::int64_t>("small"), std::numeric_limits<std::int64_t>::min());
  }());
}

TEST_F(DbQuery, StoresMetacharactersLiterallyAndInfersParameterTypes) {
  const std::string name = "Robert'); DROP TABLE people;--";
  run([&]() -> asio::awaitable<void> {
    co_await pool_->query(
        "CREATE TABLE people (id bigserial PRIMARY KEY, name text NOT NULL, tags text[] NOT NULL"
        " DEFAULT '{}', born timestamptz, rate numeric(10,2))");
    const std::vector<std::string> tags = {"c++", "o'brien"};
    // Strings go as "unknown": the server types them from the column (timestamptz, numeric).
    const Result inserted = co_await pool_->query(
        "INSERT INTO people (name, tags, born, rate) VALUES ($1, $2, $3, $4) RETURNING id", name,
        tags, "2026-01-02T03:04:05Z", "19.99");
    EXPECT_EQ(inserted.affected_rows(), 1);
    const auto id = inserted.one().get<std::int64_t>("id");
    const Row row =
        (co_await pool_->query(
             "SELECT name, tags, born, rate FROM people WHERE id = $1 AND $2 = ANY(tags)", id,
             "o'brien"))
            .one();
    EXPECT_EQ(row.get<std::string>("name"), name);
    EXPECT_EQ(row.get<std::vector<std::string>>("tags"), tags);
    EXPECT_EQ(row.get<std::string>("born").substr(0, 19), "2026-01-02 03:04:05");
    EXPECT_EQ(row.get<std::string>("rate"), "19.99");
    const Result updated = co_await pool_->query("UPDATE people SET rate = rate + 1");
    EXPECT_EQ(updated.affected_rows(), 1);
  }());
}

TEST_F(DbQuery, NullsInAndOut) {
  run([&]() -> asio::awaitable<void> {
    co_await pool_->query("CREATE TABLE n (a bigint, b text, c text[])");
    const std::optional<std::int64_t> none;
    co_await pool_->query("INSERT INTO n VALUES ($1, $2, $3)", none, nullptr, std::nullopt);
    co_await pool_->query("INSERT INTO n VALUES ($1, $2, NULL)", std::optional<std::int64_t>(5),
                          std::optional<std::string>("x"));
    const Result r = co_await pool_->query("SELECT a, b, c FROM n ORDER BY a NULLS FIRST");
    EXPECT_EQ(r.size(), 2u);
    if (r.size() != 2) co_return;
    EXPECT_EQ(r[0].get<std::optional<std::int64_t>>("a"), std::nullopt);
    EXPECT_EQ(r[0].get<std::optional<std::string>>("b"), std::nullopt);
    EXPECT_EQ(r[0].get<std::optional<std::vector<std::string>>>("c"), std::nullopt);
    EXPECT_THROW((void)r[0].get<std::int64_t>("a"), UsageError);
    EXPECT_EQ(r[1].get<std::optional<std::int64_t>>("a"), 5);
    EXPECT_EQ(r[1].get<std::optional<std::string>>("b"), "x");
    // IS NULL with a NULL parameter finds the row: NULL really travelled as NULL.
    const Result found =
        co_await pool_->query("SELECT count(*) AS n FROM n WHERE b IS NOT DISTINCT FROM $1",
                              std::optional<std::string>());
    EXPECT_EQ(found.one().get<std::int64_t>("n"), 1);
  }());
}

TEST_F(DbQuery, ReusesPreparedStatements) {
  run([&]() -> asio::awaitable<void> {
    PooledConnection conn = co_await pool_->acquire();
    for (int i = 0; i < 3; ++i) {
      const Result r = co_await conn->query("SELECT $1::int + 1 AS n", i);
      EXPECT_EQ(r.one().get<int>("n"), i + 1);
    }
    EXPECT_EQ(conn->prepared_count(), 1u);
    co_await conn->query("SELECT $1::int * 2 AS n", 1);
    EXPECT_EQ(conn->prepared_count(), 2u);
    // The server agrees: the statements above plus this one, nothing re-prepared.
    const Result r = co_await conn->query("SELECT count(*) AS n FROM pg_prepared_statements");
    EXPECT_EQ(r.one().get<std::int64_t>("n"), 3);
    EXPECT_EQ(conn->prepared_count(), 3u);
  }());
}

TEST_F(DbQuery, RepreparesAfterTheTableChanges) {
  run([&]() -> asio::awaitable<void> {
    PooledConnection conn = co_await pool_->acquire();
    co_await conn->query("CREATE TABLE shapes (id int, label text)");
    co_await conn->query("INSERT INTO shapes VALUES ($1, $2)", 1, "one");
    EXPECT_EQ((co_await conn->query("SELECT * FROM shapes")).columns(), 2);
    co_await conn->query("ALTER TABLE shapes ADD COLUMN extra text");
    // The cached plan's result type changed: the server refuses it once (0A000)…
    EXPECT_THROW(co_await conn->query("SELECT * FROM shapes"), UsageError);
    // …and the statement is prepared afresh, under a new name, on the next call.
    EXPECT_EQ((co_await conn->query("SELECT * FROM shapes")).columns(), 3);
    EXPECT_TRUE(conn->usable());
  }());
}

TEST_F(DbQuery, ClassifiesServerErrors) {
  run([&]() -> asio::awaitable<void> {
    co_await pool_->query(
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE,"
        " age int CHECK (age >= 0))");
    co_await pool_->query("CREATE TABLE posts (user_id bigint NOT NULL REFERENCES users(id))");
    co_await pool_->query("INSERT INTO users (id, email) VALUES ($1, $2)", 1, "a@example.com");
    try {
      co_await pool_->query("INSERT INTO users (id, email) VALUES ($1, $2)", 2, "a@example.com");
      ADD_FAILURE() << "duplicate accepted";
    } catch (const UniqueViolation& e) {
      EXPECT_EQ(e.sqlstate(), "23505");
      EXPECT_EQ(e.constraint(), "users_email_key");
      EXPECT_EQ(e.code(), ErrorCode::kConflict);
      EXPECT_NE(e.server_message().find("duplicate key"), std::string::npos);
    }
    EXPECT_THROW(co_await pool_->query("INSERT INTO posts VALUES ($1)", 99), ForeignKeyViolation);
    EXPECT_THROW(co_await pool_->query("INSERT INTO users VALUES ($1, $2, $3)", 3, "b@x", -1),
                 CheckViolation);
    EXPECT_THROW(co_await pool_->query("INSERT INTO users (id) VALUES ($1)", 4), NotNullViolation);
    EXPECT_THROW(co_await pool_->query("SELECT $1::int", "not a number"), DataError);
    EXPECT_THROW(co_await pool_->query("SELECT * FROM no_such_table"), UsageError);
    // The connection survives statement errors and is reused.
    EXPECT_EQ((co_await pool_->query("SELECT 1 AS one")).one().get<int>("one"), 1);
    EXPECT_EQ(pool_->size(), 1u);
  }());
}

// libpq takes text parameters as C strings: "northwind\0junk" would reach
// the server as "northwind", so a check made on the whole string and a query
// run on its prefix disagree. Such a parameter is refused before it is sent.
TEST_F(DbQuery, ATextParameterHoldingNulIsRefusedNotTruncated) {
  using namespace std::string_literals;
  run([&]() -> asio::awaitable<void> {
    PooledConnection conn = co_await pool_->acquire();
    co_await conn->query("CREATE TABLE members (name text NOT NULL)");
    co_await conn->query("INSERT INTO members VALUES ($1)", "northwind");
    const std::string smuggled = "northwind\0-anything"s;
    try {
      const Result found =
          co_await conn->query("SELECT count(*) AS n FROM members WHERE name = $1", smuggled);
      ADD_FAILURE() << "a NUL-holding parameter was sent; rows matched: "
                    << found.one().get<std::int64_t>("n");
    } catch (const DataError& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
      EXPECT_EQ(e.sqlstate(), "22021");  // character_not_in_repertoire, as the server says
    }
    // Every way a text parameter can be given, and a text[] element.
    EXPECT_THROW(co_await conn->query("SELECT $1::text", std::string_view(smuggled)), DataError);
    EXPECT_THROW(co_await conn->query("SELECT $1::text", std::optional<std::string>(smuggled)),
                 DataError);
    // GCC 12 rejects braced vectors inside co_await: built first.
    const std::vector<std::string> tags = {"a", smuggled};
    EXPECT_THROW(co_await conn->query("SELECT $1::text[]", tags), DataError);
    EXPECT_THROW(co_await conn->query("INSERT INTO members VALUES ($1)", smuggled), DataError);
    // Nothing reached the table, and the connection is still good.
    EXPECT_TRUE(conn->usable());
    const Result all = co_await conn->query("SELECT count(*) AS n FROM members");
    EXPECT_EQ(all.one().get<std::int64_t>("n"), 1);
  }());
}

TEST_F(DbQuery, DeadlineCancelsTheStatementAndClosesTheConnection) {
  run([&]() -> asio::awaitable<void> {
    PooledConnection conn = co_await pool_->acquire();
    const int pid = conn->backend_pid();
    const auto started = std::chrono::steady_clock::now();
    try {
      co_await conn->query_with({.timeout = 200ms}, "SELECT pg_sleep(10)");
      ADD_FAILURE() << "no timeout";
    } catch (const QueryTimeout& e) {
      EXPECT_EQ(e.code(), ErrorCode::kTimeout);
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_GE(elapsed, 200ms);
    EXPECT_LT(elapsed, 2s);
    EXPECT_FALSE(conn->usable());
    EXPECT_THROW(co_await conn->query("SELECT 1"), ConnectionLost);
    // The server stopped the sleep (cancel request), rather than running it on.
    bool still_running = true;
    for (int i = 0; i < 100 && still_running; ++i) {
      co_await sleep_for(20ms);
      const Result r = co_await pool_->query(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", pid);
      still_running = r.one().get<std::int64_t>("n") > 0;
    }
    EXPECT_FALSE(still_running);
  }());
  EXPECT_EQ(pool_->in_use(), 0u);
}

TEST_F(DbQuery, ServerStatementTimeoutIsAQueryTimeoutToo) {
  run([&]() -> asio::awaitable<void> {
    PooledConnection conn = co_await pool_->acquire();
    co_await conn->query("SET statement_timeout = 50");
    EXPECT_THROW(co_await conn->query("SELECT pg_sleep(1)"), QueryTimeout);
    EXPECT_TRUE(conn->usable());  // the server cancelled; the connection is fine
  }());
}

}  // namespace
}  // namespace myspace::db::test
