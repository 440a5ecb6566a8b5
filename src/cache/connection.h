#pragma once
// Internal: one Redis connection shared by Client and Subscriber — connecting,
// the AUTH/SELECT/PING handshake, reconnecting with backoff after a drop, the
// connection metrics and log lines, and one command round trip with a
// deadline. It never queues: while not connected, sending fails at once.

#include <hiredis/async.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cache/options.h"
#include "cache/reply.h"
#include "cache/url.h"
#include "common/backoff.h"
#include "common/metrics.h"

namespace myspace::cache::detail {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // `role` labels metrics and logs: "command" or "pubsub".
  Connection(boost::asio::any_io_executor executor, ConnectionOptions options, std::string role);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start();
  void close();
  bool connected() const noexcept { return state_ == State::kConnected; }
  bool closed() const noexcept { return state_ == State::kClosed; }
  const ConnectionOptions& options() const noexcept { return options_; }
  const boost::asio::any_io_executor& executor() const noexcept { return executor_; }

  // start(), then waits until connected; kUnavailable after connect_timeout.
  boost::asio::awaitable<void> wait_connected();

  // Runs after every successful handshake (first connect and each reconnect).
  void on_connected(std::function<void()> hook) { on_connected_ = std::move(hook); }
  // Runs when an established connection is lost.
  void on_disconnected(std::function<void()> hook) { on_disconnected_ = std::move(hook); }

  // Queues one command on the current connection; false (and `fn` is never
  // called) when not connected. Otherwise hiredis calls `fn` exactly once:
  // with the reply, or with NULL when the connection goes away first.
  bool send(const std::vector<std::string>& argv, redisCallbackFn* fn, void* privdata);

  // One command round trip: kUnavailable when not connected or the connection
  // drops, kTimeout past `timeout`. Error replies are returned, not thrown.
  boost::asio::awaitable<Reply> execute(std::vector<std::string> argv,
                                        std::chrono::milliseconds timeout);

 private:
  enum class State { kIdle, kConnecting, kConnected, kBackingOff, kClosed };
  struct Metrics {
    metrics::Gauge& connected;
    metrics::Counter& reconnects;
    metrics::Counter& timeouts;
    metrics::Counter& unavailable;
    metrics::Counter& error_replies;
  };

  void attempt();
  bool send_raw(const std::vector<std::string>& argv, redisCallbackFn* fn, void* privdata);
  void connect_failed(const std::string& reason);
  void schedule_retry();
  void send_handshake();
  void handshake_reply(std::uint64_t generation, const redisReply* reply, bool last);
  void context_gone(std::uint64_t generation, const std::string& error);
  void notify_state_change();
  metrics::Histogram& latency(const std::string& command);

  static Metrics make_metrics(const std::string& name, const std::string& role);
  static void on_handshake_reply(redisAsyncContext* context, void* reply, void* privdata);

  boost::asio::any_io_executor executor_;
  ConnectionOptions options_;
  RedisUrl url_;
  std::string role_;
  State state_ = State::kIdle;
  redisAsyncContext* context_ = nullptr;
  // Bumped per connection attempt, so late events of an old context are ignored.
  std::uint64_t generation_ = 0;
  bool ever_connected_ = false;
  // Why we freed the context ourselves (timeout, refused handshake), for the log line.
  std::string context_gone_reason_;
  Backoff backoff_;
  boost::asio::steady_timer retry_timer_;
  boost::asio::steady_timer connect_deadline_;
  // Never expires; cancelled to wake wait_connected() on every state change.
  boost::asio::steady_timer state_changed_;
  std::function<void()> on_connected_;
  std::function<void()> on_disconnected_;
  Metrics metrics_;
  // Commands awaiting a reply; shared with their callbacks, which may run
  // after this object is gone.
  std::shared_ptr<std::size_t> in_flight_ = std::make_shared<std::size_t>(0);
  // Per-command histograms, looked up once (the registry lookup locks).
  std::map<std::string, metrics::Histogram*, std::less<>> latency_;
};

}  // namespace myspace::cache::detail
