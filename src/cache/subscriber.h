#pragma once
// Redis Pub/Sub on a connection of its own (a subscribed connection cannot run
// other commands). Messages go to a callback when one is set, otherwise to a
// bounded queue read with `co_await subscriber.next(timeout)`; when the queue is
// full the oldest message is dropped and counted, so a slow reader cannot grow
// memory without bound.
//
// The subscriber remembers its channels and patterns: after a dropped
// connection it reconnects with backoff and subscribes to all of them again.
// Messages published while it was disconnected are lost (Pub/Sub is
// fire-and-forget); use it for invalidations and notifications, not for work.
//
// Threading as for Client: one executor, not thread-safe.
//
//   cache::Subscriber sub(io.get_executor(), {.url = url});
//   co_await sub.connect();
//   co_await sub.subscribe("invalidate");
//   cache::Message m = co_await sub.next(std::chrono::seconds(5));

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "cache/options.h"

namespace myspace::cache {

struct Message {
  std::string channel;
  std::string pattern;  // the matching pattern for psubscribe deliveries, else empty
  std::string payload;

  bool operator==(const Message&) const = default;
};

namespace detail {
class SubscriberState;
}

class Subscriber {
 public:
  using Handler = std::function<void(const Message&)>;

  Subscriber(boost::asio::any_io_executor executor, ConnectionOptions options,
             std::size_t max_queued = 1024);
  ~Subscriber();
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  void start();
  // start(), then waits until connected; kUnavailable after connect_timeout.
  boost::asio::awaitable<void> connect();
  void close();
  bool connected() const noexcept;

  // Registers the channel (kept across reconnects) and waits until the server
  // confirms it; kTimeout/kUnavailable when it does not within command_timeout
  // (the registration stays and is retried on the next connect).
  boost::asio::awaitable<void> subscribe(std::string channel);
  boost::asio::awaitable<void> psubscribe(std::string pattern);
  // Forgets the channel/pattern; returns at once.
  void unsubscribe(const std::string& channel);
  void punsubscribe(const std::string& pattern);
  // True when the server has confirmed the subscription on the current connection.
  bool active(const std::string& channel_or_pattern) const;

  // Delivers messages to `handler` instead of the queue (nullptr: back to the queue).
  void on_message(Handler handler);
  // The next queued message; kTimeout when none arrives within `timeout`.
  boost::asio::awaitable<Message> next(std::chrono::milliseconds timeout);
  std::size_t queued() const noexcept;
  std::size_t dropped() const noexcept;

 private:
  std::shared_ptr<detail::SubscriberState> state_;
};

}  // namespace myspace::cache
