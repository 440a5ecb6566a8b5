// Failure handling against a real server: restart (kUnavailable while down,
// success after, in-flight commands failed), a killed connection, a server
// that never answered, and the Subscriber resubscribing after a restart.
#include <gtest/gtest.h>

#include "cache/subscriber.h"
#include "common/metrics.h"
#include "harness.h"

namespace myspace::cache::testing {
namespace {

using myspace::testing::TempRedis;

TEST(CacheResilienceTest, ReconnectsAfterServerRestart) {
  asio::io_context io;
  TempRedis redis;
  Client client(io.get_executor(), fast_options(redis.url(), "restart_test"));
  auto& connected = metrics::Registry::global().gauge("redis_connected", "",
                                                      R"(client="restart_test",role="command")");
  auto& reconnects = metrics::Registry::global().counter("redis_reconnects_total", "",
                                                         R"(client="restart_test",role="command")");

  run(io, [&]() -> asio::awaitable<void> {
    co_await client.connect();
    co_await client.set("k", "v");
  }());
  EXPECT_EQ(connected.value(), 1);

  redis.stop();
  run(io, [&]() -> asio::awaitable<void> {
    // The first command may still be written to the dying socket; either way
    // it fails as unavailable, and the client notices the loss.
    const auto got1 = co_await error_of(client.get("k"));
    EXPECT_EQ(got1, ErrorCode::kUnavailable);
    const bool reached =
        co_await eventually([&]() -> asio::awaitable<bool> { co_return !client.connected(); });
    EXPECT_TRUE(reached);
    // While down, commands fail fast instead of queueing.
    for (int i = 0; i < 3; ++i) {
      const auto started = std::chrono::steady_clock::now();
      const auto got2 = co_await error_of(client.set("k", "x"));
      EXPECT_EQ(got2, ErrorCode::kUnavailable);
      EXPECT_LT(std::chrono::steady_clock::now() - started, 50ms);
      co_await sleep_for(50ms);
    }
  }());
  EXPECT_EQ(connected.value(), 0);

  redis.start();
  run(io, [&]() -> asio::awaitable<void> {
    const bool reached =
        co_await eventually([&]() -> asio::awaitable<bool> { co_return client.connected(); });
    EXPECT_TRUE(reached);
    co_await client.ping();
    co_await client.set("k", "back");
    const auto got3 = co_await client.get("k");
    EXPECT_EQ(got3, "back");
  }());
  EXPECT_EQ(connected.value(), 1);
  EXPECT_EQ(reconnects.value(), 1U);
}

TEST(CacheResilienceTest, InFlightCommandFailsWhenTheConnectionDrops) {
  asio::io_context io;
  TempRedis redis;
  Client client(io.get_executor(), fast_options(redis.url(), "killed_test"));
  run(io, client.connect());

  // BLPOP stays in flight for up to 5 s; killing our connection must fail it now.
  std::vector<std::string> blpop = {"BLPOP", "empty-list", "5"};
  auto in_flight =
      asio::co_spawn(io, error_of(client.command(std::move(blpop), 10s)), asio::use_future);
  io.run_for(100ms);
  ASSERT_NE(in_flight.wait_for(0s), std::future_status::ready);
  const auto started = std::chrono::steady_clock::now();
  redis.cli({"CLIENT", "KILL", "TYPE", "normal"});
  while (in_flight.wait_for(0s) != std::future_status::ready) io.run_one_for(100ms);
  EXPECT_EQ(in_flight.get(), ErrorCode::kUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);

  // And the client comes back by itself.
  run(io, [&]() -> asio::awaitable<void> {
    const bool reached =
        co_await eventually([&]() -> asio::awaitable<bool> { co_return client.connected(); });
    EXPECT_TRUE(reached);
    co_await client.ping();
  }());
}

TEST(CacheResilienceTest, InFlightCommandsAreBounded) {
  asio::io_context io;
  TempRedis redis;
  auto options = fast_options(redis.url(), "bounded_test");
  options.max_in_flight = 2;
  Client client(io.get_executor(), options);
  run(io, client.connect());

  redis.cli({"CLIENT", "PAUSE", "400", "ALL"});
  auto first = asio::co_spawn(io, client.get("a"), asio::use_future);
  auto second = asio::co_spawn(io, client.get("b"), asio::use_future);
  io.run_for(50ms);
  // Two are waiting on the paused server: the third is refused at once, not buffered.
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(run(io, error_of(client.get("c"))), ErrorCode::kUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 100ms);

  while (second.wait_for(0s) != std::future_status::ready) io.run_one_for(100ms);
  EXPECT_EQ(first.get(), std::nullopt);
  EXPECT_EQ(second.get(), std::nullopt);
  // Answered commands free their slots.
  EXPECT_EQ(run(io, client.get("c")), std::nullopt);
}

TEST(CacheResilienceTest, NeverReachableServerFailsFastAndBounded) {
  asio::io_context io;
  auto options = fast_options("redis://127.0.0.1:" + std::to_string(myspace::testing::free_port()),
                              "unreachable");
  options.connect_timeout = 200ms;
  Client client(io.get_executor(), options);
  run(io, [&]() -> asio::awaitable<void> {
    const auto started = std::chrono::steady_clock::now();
    const auto got4 = co_await error_of(client.connect());
    EXPECT_EQ(got4, ErrorCode::kUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
    const auto got5 = co_await error_of(client.get("k"));
    EXPECT_EQ(got5, ErrorCode::kUnavailable);
    EXPECT_FALSE(client.connected());
  }());
}

TEST(CacheResilienceTest, ConnectsOnceTheServerAppears) {
  asio::io_context io;
  const auto port = myspace::testing::free_port();
  Client client(io.get_executor(),
                fast_options("redis://127.0.0.1:" + std::to_string(port), "late_server"));
  client.start();
  io.run_for(100ms);  // a few refused attempts with backoff
  EXPECT_FALSE(client.connected());
  TempRedis redis({.port = port});
  run(io, [&]() -> asio::awaitable<void> {
    co_await client.connect();
    co_await client.ping();
  }());
}

TEST(CacheResilienceTest, SubscriberResubscribesAfterRestart) {
  asio::io_context io;
  TempRedis redis;
  Client client(io.get_executor(), fast_options(redis.url(), "resub_client"));
  Subscriber subscriber(io.get_executor(), fast_options(redis.url(), "resub_test"));
  run(io, [&]() -> asio::awaitable<void> {
    co_await client.connect();
    co_await subscriber.connect();
    co_await subscriber.subscribe("invalidate");
    co_await subscriber.psubscribe("user.*");
    const auto got6 = co_await client.publish("invalidate", "before");
    EXPECT_EQ(got6, 1);
    const auto got7 = co_await subscriber.next(1s);
    EXPECT_EQ((got7).payload, "before");
  }());

  auto& registry = metrics::Registry::global();
  auto& client_reconnects =
      registry.counter("redis_reconnects_total", "", R"(client="resub_client",role="command")");
  auto& subscriber_reconnects =
      registry.counter("redis_reconnects_total", "", R"(client="resub_test",role="pubsub")");
  const auto client_before = client_reconnects.value();
  const auto subscriber_before = subscriber_reconnects.value();

  redis.restart();
  run(io, [&]() -> asio::awaitable<void> {
    // Both sides reconnect on their own; the subscriber re-issues SUBSCRIBE
    // and PSUBSCRIBE, so publishes reach it again without any call from us.
    const bool reached = co_await eventually([&]() -> asio::awaitable<bool> {
      co_return client_reconnects.value() == client_before + 1 &&
          subscriber_reconnects.value() == subscriber_before + 1 &&
          subscriber.active("invalidate") && subscriber.active("user.*");
    });
    CO_ASSERT_TRUE(reached);
    const auto got8 = co_await client.publish("invalidate", "after");
    EXPECT_EQ(got8, 1);
    const auto got9 = co_await subscriber.next(1s);
    EXPECT_EQ(got9, (Message{"invalidate", "", "after"}));
    const auto got10 = co_await client.publish("user.42", "p");
    EXPECT_EQ(got10, 1);
    const auto got11 = co_await subscriber.next(1s);
    EXPECT_EQ(got11, (Message{"user.42", "user.*", "p"}));
  }());
}

}  // namespace
}  // namespace myspace::cache::testing
