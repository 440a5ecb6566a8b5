// Pub/Sub: PUBLISH reaches a Subscriber by channel and by pattern, through the
// queue or a callback; the queue is bounded; unsubscribe stops delivery.
#include <gtest/gtest.h>

#include "cache/subscriber.h"
#include "harness.h"

namespace myspace::cache::testing {
namespace {

using myspace::testing::TempRedis;

class CachePubSubTest : public ::testing::Test {
 protected:
  asio::io_context io_;
  TempRedis redis_;
  Client client_{io_.get_executor(), fast_options(redis_.url(), "pubsub_test")};
  Subscriber subscriber_{io_.get_executor(), fast_options(redis_.url(), "pubsub_test_sub")};

  void SetUp() override {
    run(io_, client_.connect());
    run(io_, subscriber_.connect());
  }
};

TEST_F(CachePubSubTest, PublishReachesChannelAndPatternSubscribers) {
  const std::string payload("binary\0\r\npayload", 16);
  run(io_, [&]() -> asio::awaitable<void> {
    co_await subscriber_.subscribe("news");
    co_await subscriber_.psubscribe("jobs.*");
    EXPECT_TRUE(subscriber_.active("news"));
    EXPECT_TRUE(subscriber_.active("jobs.*"));

    const auto got1 = co_await client_.publish("news", "hello");
    EXPECT_EQ(got1, 1);
    const auto got2 = co_await subscriber_.next(2s);
    EXPECT_EQ(got2, (Message{"news", "", "hello"}));

    const auto got3 = co_await client_.publish("jobs.created", payload);
    EXPECT_EQ(got3, 1);
    const auto got4 = co_await subscriber_.next(2s);
    EXPECT_EQ(got4, (Message{"jobs.created", "jobs.*", payload}));

    // Nobody listens here: not delivered, and next() times out.
    const auto got5 = co_await client_.publish("other", "x");
    EXPECT_EQ(got5, 0);
    const auto got6 = co_await error_of(subscriber_.next(100ms));
    EXPECT_EQ(got6, ErrorCode::kTimeout);
  }());
}

TEST_F(CachePubSubTest, CallbackReceivesMessagesInOrder) {
  std::vector<std::string> received;
  subscriber_.on_message([&](const Message& m) { received.push_back(m.payload); });
  run(io_, [&]() -> asio::awaitable<void> {
    co_await subscriber_.subscribe("events");
    for (int i = 0; i < 20; ++i) co_await client_.publish("events", std::to_string(i));
    const bool reached =
        co_await eventually([&]() -> asio::awaitable<bool> { co_return received.size() == 20; });
    EXPECT_TRUE(reached);
  }());
  ASSERT_EQ(received.size(), 20U);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(received[static_cast<std::size_t>(i)], std::to_string(i));
  EXPECT_EQ(subscriber_.queued(), 0U);
}

TEST_F(CachePubSubTest, QueueIsBoundedAndDropsTheOldest) {
  Subscriber small(io_.get_executor(), fast_options(redis_.url(), "pubsub_small"), 3);
  run(io_, [&]() -> asio::awaitable<void> {
    co_await small.connect();
    co_await small.subscribe("burst");
    for (int i = 0; i < 10; ++i) co_await client_.publish("burst", std::to_string(i));
    const bool reached =
        co_await eventually([&]() -> asio::awaitable<bool> { co_return small.dropped() == 7; });
    EXPECT_TRUE(reached);
    EXPECT_EQ(small.queued(), 3U);
    const auto got7 = co_await small.next(1s);
    EXPECT_EQ((got7).payload, "7");
    const auto got8 = co_await small.next(1s);
    EXPECT_EQ((got8).payload, "8");
    const auto got9 = co_await small.next(1s);
    EXPECT_EQ((got9).payload, "9");
  }());
}

TEST_F(CachePubSubTest, UnsubscribeStopsDelivery) {
  run(io_, [&]() -> asio::awaitable<void> {
    co_await subscriber_.subscribe("a");
    co_await subscriber_.subscribe("b");
    subscriber_.unsubscribe("a");
    const bool reached = co_await eventually([&]() -> asio::awaitable<bool> {
      if (subscriber_.active("a")) co_return false;
      const std::int64_t receivers = co_await client_.publish("a", "x");
      co_return receivers == 0;
    });
    EXPECT_TRUE(reached);
    const auto got10 = co_await client_.publish("b", "still");
    EXPECT_EQ(got10, 1);
    const auto got11 = co_await subscriber_.next(1s);
    EXPECT_EQ((got11).payload, "still");
  }());
}

}  // namespace
}  // namespace myspace::cache::testing
