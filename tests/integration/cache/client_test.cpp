// Commands against a real Redis: values and TTLs as asked, binary safety,
// counts, the generic command, AUTH, SELECT, deadlines and metrics.
#include <gtest/gtest.h>

#include "common/metrics.h"
#include "harness.h"

namespace myspace::cache::testing {
namespace {

using myspace::testing::TempRedis;

class CacheClientTest : public ::testing::Test {
 protected:
  asio::io_context io_;
  TempRedis redis_;
  Client client_{io_.get_executor(), fast_options(redis_.url(), "client_test")};

  void SetUp() override { run(io_, client_.connect()); }
};

TEST_F(CacheClientTest, SetGetAndTtlAsAsked) {
  run(io_, [&]() -> asio::awaitable<void> {
    const auto got1 = co_await client_.get("missing");
    EXPECT_EQ(got1, std::nullopt);

    co_await client_.set("plain", "v");
    const auto got2 = co_await client_.get("plain");
    EXPECT_EQ(got2, "v");
    const auto got3 = co_await client_.ttl("plain");
    EXPECT_EQ(got3, std::nullopt);

    // Whole seconds go out as EX, the rest as PX; both must land as asked.
    co_await client_.set("seconds", "v", 30s);
    const auto seconds_ttl = co_await client_.ttl("seconds");
    CO_ASSERT_TRUE(seconds_ttl.has_value());
    EXPECT_GT(*seconds_ttl, 29s);
    EXPECT_LE(*seconds_ttl, 30s);

    co_await client_.set("millis", "v", 1500ms);
    const auto millis_ttl = co_await client_.ttl("millis");
    CO_ASSERT_TRUE(millis_ttl.has_value());
    EXPECT_GT(*millis_ttl, 1300ms);
    EXPECT_LE(*millis_ttl, 1500ms);

    co_await client_.set("short", "v", 50ms);
    co_await sleep_for(120ms);
    const auto got4 = co_await client_.get("short");
    EXPECT_EQ(got4, std::nullopt);

    // A plain SET clears a previous TTL, as in Redis.
    co_await client_.set("seconds", "w");
    const auto got5 = co_await client_.ttl("seconds");
    EXPECT_EQ(got5, std::nullopt);
  }());
}

TEST_F(CacheClientTest, NonPositiveTtlIsRejectedBeforeSending) {
  const auto code = run(io_, error_of(client_.set("k", "v", 0ms)));
  EXPECT_EQ(code, ErrorCode::kBadRequest);
  EXPECT_EQ(run(io_, client_.get("k")), std::nullopt);
}

TEST_F(CacheClientTest, ValuesAndKeysAreBinarySafe) {
  run(io_, [&]() -> asio::awaitable<void> {
    const std::string nul("a\0b\0", 4);
    const std::string crlf = "line1\r\nSET injected 1\r\n";
    const std::string unicode =
        "za\u017c\u00f3\u0142\u0107 \U0001F680 \u041f\u0440\u0438\u0432\u0435\u0442";
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);

    const std::vector<std::string> values = {nul, crlf, unicode, all_bytes, std::string()};
    for (const std::string& value : values) {
      co_await client_.set("k", value);
      const auto got6 = co_await client_.get("k");
      EXPECT_EQ(got6, value);
      const Reply length = co_await client_.command("STRLEN", "k");
      EXPECT_EQ(length.as_integer(), static_cast<std::int64_t>(value.size()));
    }
    // Keys too: a CRLF in a key must not split the command.
    co_await client_.set(crlf, "x");
    const auto got7 = co_await client_.get(crlf);
    EXPECT_EQ(got7, "x");
    const auto got8 = co_await client_.get("injected");
    EXPECT_EQ(got8, std::nullopt);
    co_await client_.set(nul, "y");
    const auto got9 = co_await client_.get(nul);
    EXPECT_EQ(got9, "y");
    const auto got10 = co_await client_.get("a");
    EXPECT_EQ(got10, std::nullopt);
  }());
}

TEST_F(CacheClientTest, DelCountsRemovedKeys) {
  run(io_, [&]() -> asio::awaitable<void> {
    co_await client_.set("a", "1");
    co_await client_.set("b", "2");
    const auto got11 = co_await client_.del("a", "b", "never-set");
    EXPECT_EQ(got11, 2);
    const auto got12 = co_await client_.get("a");
    EXPECT_EQ(got12, std::nullopt);
    const auto got13 = co_await client_.del(std::string("a"));
    EXPECT_EQ(got13, 0);
    const auto got14 = co_await client_.del_keys({});
    EXPECT_EQ(got14, 0);
  }());
}

TEST_F(CacheClientTest, SetNxOnlySetsMissingKeys) {
  run(io_, [&]() -> asio::awaitable<void> {
    const auto got15 = co_await client_.set_nx("lock", "owner-1", 10s);
    EXPECT_TRUE(got15);
    const auto got16 = co_await client_.set_nx("lock", "owner-2", 10s);
    EXPECT_FALSE(got16);
    const auto got17 = co_await client_.get("lock");
    EXPECT_EQ(got17, "owner-1");
    const auto ttl = co_await client_.ttl("lock");
    CO_ASSERT_TRUE(ttl.has_value());
    EXPECT_GT(*ttl, 9s);
  }());
}

TEST_F(CacheClientTest, IncrAndExpire) {
  run(io_, [&]() -> asio::awaitable<void> {
    const auto got18 = co_await client_.incr("n");
    EXPECT_EQ(got18, 1);
    const auto got19 = co_await client_.incr("n");
    EXPECT_EQ(got19, 2);
    const auto got20 = co_await client_.incr("n", 40);
    EXPECT_EQ(got20, 42);
    const auto got21 = co_await client_.incr("n", -2);
    EXPECT_EQ(got21, 40);
    const auto got22 = co_await client_.ttl("n");
    EXPECT_EQ(got22, std::nullopt);

    const auto got23 = co_await client_.expire("n", 10s);
    EXPECT_TRUE(got23);
    const auto ttl = co_await client_.ttl("n");
    CO_ASSERT_TRUE(ttl.has_value());
    EXPECT_GT(*ttl, 9s);
    EXPECT_LE(*ttl, 10s);
    const auto got24 = co_await client_.expire("no-such-key", 10s);
    EXPECT_FALSE(got24);

    co_await client_.set("text", "abc");
    try {
      co_await client_.incr("text");
      ADD_FAILURE() << "INCR on a string succeeded";
    } catch (const RedisError& e) {
      EXPECT_EQ(e.prefix(), "ERR");
      EXPECT_EQ(e.code(), ErrorCode::kInternal);
    }
  }());
}

TEST_F(CacheClientTest, GenericCommandReturnsEveryReplyType) {
  run(io_, [&]() -> asio::awaitable<void> {
    // Results go to locals first: GCC 12 mishandles temporaries that share a
    // full-expression with co_await.
    const Reply ok = co_await client_.command("SET", "h0", "v");
    const Reply expected{Status{"OK"}};
    EXPECT_EQ(ok, expected);
    const auto got25 = co_await client_.command("HSET", "h", "f1", "v1", "f2", "v2");
    EXPECT_EQ((got25).as_integer(), 2);
    const Reply all = co_await client_.command("HMGET", "h", "f1", "nope", "f2");
    CO_ASSERT_EQ(all.as_array().size(), 3U);
    EXPECT_EQ(all.as_array()[0].as_string(), "v1");
    EXPECT_TRUE(all.as_array()[1].is_nil());
    EXPECT_EQ(all.as_array()[2].as_string(), "v2");
    // Error replies are values here, not exceptions, and the connection stays usable.
    const Reply error = co_await client_.command("NOSUCHCOMMAND", "x");
    EXPECT_TRUE(error.is_error());
    EXPECT_TRUE(std::get<ErrorReply>(error.value).message.starts_with("ERR"));
    co_await client_.ping();
  }());
  EXPECT_EQ(run(io_, error_of(client_.command(std::vector<std::string>()))),
            ErrorCode::kBadRequest);
}

TEST_F(CacheClientTest, SelectsTheDatabaseFromTheUrl) {
  Client db3(io_.get_executor(), fast_options(redis_.url() + "/3", "client_test_db3"));
  run(io_, [&]() -> asio::awaitable<void> {
    co_await db3.connect();
    co_await db3.set("only-in-3", "x");
    const auto got26 = co_await db3.get("only-in-3");
    EXPECT_EQ(got26, "x");
    const auto got27 = co_await client_.get("only-in-3");
    EXPECT_EQ(got27, std::nullopt);
  }());
  EXPECT_NE(redis_.cli({"-n", "3", "GET", "only-in-3"}).find('x'), std::string::npos);
}

TEST_F(CacheClientTest, DeadlineOnABlockedServerIsTimeout) {
  auto& timeouts = metrics::Registry::global().counter("redis_errors_total", "",
                                                       R"(client="client_test",kind="timeout")");
  const auto timeouts_before = timeouts.value();
  run(io_, client_.set("k", "before"));
  // Holds every client's commands server-side for 700 ms.
  redis_.cli({"CLIENT", "PAUSE", "700", "ALL"});
  run(io_, [&]() -> asio::awaitable<void> {
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string> get = {"GET", "k"};
    const auto code = co_await error_of(client_.command(std::move(get), 150ms));
    const auto elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(code, ErrorCode::kTimeout);
    EXPECT_GE(elapsed, 150ms);
    EXPECT_LT(elapsed, 600ms);
    // Once the pause ends, the late reply is discarded and replies stay in step.
    co_await sleep_for(700ms);
    co_await client_.set("k", "after");
    const auto got28 = co_await client_.get("k");
    EXPECT_EQ(got28, "after");
  }());
  EXPECT_EQ(timeouts.value(), timeouts_before + 1);
}

TEST_F(CacheClientTest, RecordsLatencyPerCommand) {
  auto& gets = metrics::Registry::global().histogram("redis_command_duration_seconds", "",
                                                     R"(client="client_test",command="GET")");
  const auto before = gets.count();
  run(io_, [&]() -> asio::awaitable<void> {
    for (int i = 0; i < 5; ++i) co_await client_.get("k");
  }());
  EXPECT_EQ(gets.count(), before + 5);
  auto& connected = metrics::Registry::global().gauge("redis_connected", "",
                                                      R"(client="client_test",role="command")");
  EXPECT_EQ(connected.value(), 1);
  client_.close();
  EXPECT_EQ(connected.value(), 0);
  EXPECT_FALSE(client_.connected());
  EXPECT_EQ(run(io_, error_of(client_.ping())), ErrorCode::kUnavailable);
}

TEST(CacheAuthTest, AuthenticatesWithThePasswordFromTheUrl) {
  asio::io_context io;
  TempRedis redis({.password = "s3cret"});
  Client good(io.get_executor(), fast_options(redis.url(), "auth_good"));
  run(io, [&]() -> asio::awaitable<void> {
    co_await good.connect();
    co_await good.set("k", "v");
    const auto got29 = co_await good.get("k");
    EXPECT_EQ(got29, "v");
  }());

  // Without the password the handshake is refused: never connected, kUnavailable.
  auto options = fast_options(redis.url_without_password(), "auth_missing");
  options.connect_timeout = 300ms;
  Client anonymous(io.get_executor(), options);
  EXPECT_EQ(run(io, error_of(anonymous.connect())), ErrorCode::kUnavailable);
  EXPECT_FALSE(anonymous.connected());

  options.url = "redis://:wrong@127.0.0.1:" + std::to_string(redis.port());
  Client wrong(io.get_executor(), options);
  EXPECT_EQ(run(io, error_of(wrong.connect())), ErrorCode::kUnavailable);
  EXPECT_EQ(run(io, error_of(wrong.get("k"))), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace myspace::cache::testing
