#include "cache/subscriber.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <deque>
#include <set>

#include "cache/connection.h"
#include "cache/hiredis_reply.h"
#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"

namespace myspace::cache {
namespace detail {
namespace {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;
using Clock = std::chrono::steady_clock;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

enum class Kind { kChannel, kPattern };

}  // namespace

// The subscriber's state, shared with its coroutines so that a `next()` or
// `subscribe()` in flight never outlives what it reads.
class SubscriberState : public std::enable_shared_from_this<SubscriberState> {
 public:
  SubscriberState(asio::any_io_executor executor, ConnectionOptions options, std::size_t max_queued)
      : max_queued_(std::max<std::size_t>(max_queued, 1)),
        changed_(executor, Clock::time_point::max()),
        messages_(metrics::Registry::global().counter("redis_pubsub_messages_total",
                                                      "Pub/Sub messages received",
                                                      "client=\"" + options.name + "\"")),
        dropped_total_(metrics::Registry::global().counter(
            "redis_pubsub_dropped_total",
            "Pub/Sub messages dropped because the subscriber's queue was full",
            "client=\"" + options.name + "\"")),
        connection_(std::make_shared<Connection>(executor, std::move(options), "pubsub")) {
    connection_->on_connected([this] { resubscribe(); });
    connection_->on_disconnected([this] {
      active_channels_.clear();
      active_patterns_.clear();
      notify();
    });
  }

  ~SubscriberState() { close(); }

  Connection& connection() { return *connection_; }

  void close() {
    connection_->on_connected(nullptr);
    connection_->on_disconnected(nullptr);
    connection_->close();
    active_channels_.clear();
    active_patterns_.clear();
    notify();
  }

  asio::awaitable<void> subscribe(std::string name, Kind kind) {
    const auto self = shared_from_this();
    connection_->start();
    wanted(kind).insert(name);
    if (connection_->connected() && !active(kind).contains(name))
      send(kind, true, std::vector<std::string>(1, name));
    asio::steady_timer deadline(connection_->executor(), connection_->options().command_timeout);
    while (!active(kind).contains(name)) {
      if (connection_->closed())
        throw Error(ErrorCode::kUnavailable, "cache unavailable", "closed");
      if (deadline.expiry() <= Clock::now()) {
        throw Error(connection_->connected() ? ErrorCode::kTimeout : ErrorCode::kUnavailable,
                    "cache subscription failed", "no confirmation for " + name);
      }
      co_await (changed_.async_wait(kNoThrow) || deadline.async_wait(kNoThrow));
    }
  }

  void unsubscribe(const std::string& name, Kind kind) {
    if (wanted(kind).erase(name) == 0) return;
    if (connection_->connected() && active(kind).contains(name))
      send(kind, false, std::vector<std::string>(1, name));
  }

  bool is_active(const std::string& name) const {
    return active_channels_.contains(name) || active_patterns_.contains(name);
  }

  void on_message(Subscriber::Handler handler) { handler_ = std::move(handler); }

  asio::awaitable<Message> next(std::chrono::milliseconds timeout) {
    const auto self = shared_from_this();
    asio::steady_timer deadline(connection_->executor(), timeout);
    while (queue_.empty()) {
      if (connection_->closed())
        throw Error(ErrorCode::kUnavailable, "cache unavailable", "closed");
      if (deadline.expiry() <= Clock::now()) {
        throw Error(ErrorCode::kTimeout, "cache timeout",
                    "no Pub/Sub message within " + std::to_string(timeout.count()) + " ms");
      }
      co_await (changed_.async_wait(kNoThrow) || deadline.async_wait(kNoThrow));
    }
    Message message = std::move(queue_.front());
    queue_.pop_front();
    co_return message;
  }

  std::size_t queued() const noexcept { return queue_.size(); }
  std::size_t dropped() const noexcept { return dropped_; }

 private:
  std::set<std::string>& wanted(Kind kind) {
    return kind == Kind::kChannel ? channels_ : patterns_;
  }
  std::set<std::string>& active(Kind kind) {
    return kind == Kind::kChannel ? active_channels_ : active_patterns_;
  }

  // Wakes every subscribe()/next() waiting for a change.
  void notify() { changed_.cancel(); }

  void send(Kind kind, bool subscribe, std::vector<std::string> names) {
    std::string verb = subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE";
    if (kind == Kind::kPattern) verb = "P" + verb;
    names.insert(names.begin(), std::move(verb));
    // hiredis keeps this callback per channel and calls it for every message.
    connection_->send(names, &SubscriberState::on_reply, this);
  }

  // A fresh connection knows nothing of our subscriptions: ask for all again.
  void resubscribe() {
    if (!channels_.empty()) send(Kind::kChannel, true, {channels_.begin(), channels_.end()});
    if (!patterns_.empty()) send(Kind::kPattern, true, {patterns_.begin(), patterns_.end()});
    if (!channels_.empty() || !patterns_.empty()) {
      log::info("cache.subscribed", {{"client", connection_->options().name},
                                     {"channels", channels_.size()},
                                     {"patterns", patterns_.size()}});
    }
  }

  // Called by hiredis for (un)subscribe confirmations and messages; NULL when
  // the connection goes away (handled by on_disconnected). Never lets an
  // exception cross back into C.
  static void on_reply(redisAsyncContext* /*context*/, void* reply, void* privdata) {
    if (reply == nullptr) return;
    auto* self = static_cast<SubscriberState*>(privdata);
    try {
      self->handle(from_hiredis(*static_cast<redisReply*>(reply)));
    } catch (const std::exception& e) {
      log::error("cache.pubsub_handler_failed",
                 {{"client", self->connection_->options().name}, {"error", e.what()}});
    }
  }

  void handle(const Reply& reply) {
    const auto& parts = reply.as_array();
    if (parts.size() < 3) return;
    const std::string& type = parts[0].as_string();
    if (type == "message") {
      deliver(Message{parts[1].as_string(), {}, parts[2].as_string()});
    } else if (type == "pmessage" && parts.size() >= 4) {
      deliver(Message{parts[2].as_string(), parts[1].as_string(), parts[3].as_string()});
    } else if (type == "subscribe" || type == "psubscribe") {
      const Kind kind = type == "subscribe" ? Kind::kChannel : Kind::kPattern;
      // A confirmation for something unsubscribed meanwhile stays inactive.
      if (wanted(kind).contains(parts[1].as_string())) active(kind).insert(parts[1].as_string());
      notify();
    } else if (type == "unsubscribe" || type == "punsubscribe") {
      active(type == "unsubscribe" ? Kind::kChannel : Kind::kPattern).erase(parts[1].as_string());
      notify();
    }
  }

  void deliver(Message message) {
    messages_.inc();
    if (handler_) {
      handler_(message);
      return;
    }
    queue_.push_back(std::move(message));
    if (queue_.size() > max_queued_) {
      queue_.pop_front();
      ++dropped_;
      dropped_total_.inc();
    }
    notify();
  }

  std::size_t max_queued_;
  asio::steady_timer changed_;
  metrics::Counter& messages_;
  metrics::Counter& dropped_total_;
  std::set<std::string> channels_;
  std::set<std::string> patterns_;
  std::set<std::string> active_channels_;
  std::set<std::string> active_patterns_;
  std::deque<Message> queue_;
  std::size_t dropped_ = 0;
  Subscriber::Handler handler_;
  // Last member: destroyed first, so its NULL-reply callbacks find the rest intact.
  std::shared_ptr<Connection> connection_;
};

}  // namespace detail

namespace asio = boost::asio;
using detail::Kind;

Subscriber::Subscriber(asio::any_io_executor executor, ConnectionOptions options,
                       std::size_t max_queued)
    : state_(std::make_shared<detail::SubscriberState>(std::move(executor), std::move(options),
                                                       max_queued)) {}

Subscriber::~Subscriber() {
  state_->close();
}

void Subscriber::start() {
  state_->connection().start();
}

asio::awaitable<void> Subscriber::connect() {
  return state_->connection().wait_connected();
}

void Subscriber::close() {
  state_->close();
}

bool Subscriber::connected() const noexcept {
  return state_->connection().connected();
}

asio::awaitable<void> Subscriber::subscribe(std::string channel) {
  return state_->subscribe(std::move(channel), Kind::kChannel);
}

asio::awaitable<void> Subscriber::psubscribe(std::string pattern) {
  return state_->subscribe(std::move(pattern), Kind::kPattern);
}

void Subscriber::unsubscribe(const std::string& channel) {
  state_->unsubscribe(channel, Kind::kChannel);
}

void Subscriber::punsubscribe(const std::string& pattern) {
  state_->unsubscribe(pattern, Kind::kPattern);
}

bool Subscriber::active(const std::string& channel_or_pattern) const {
  return state_->is_active(channel_or_pattern);
}

void Subscriber::on_message(Handler handler) {
  state_->on_message(std::move(handler));
}

asio::awaitable<Message> Subscriber::next(std::chrono::milliseconds timeout) {
  return state_->next(timeout);
}

std::size_t Subscriber::queued() const noexcept {
  return state_->queued();
}

std::size_t Subscriber::dropped() const noexcept {
  return state_->dropped();
}

}  // namespace myspace::cache
