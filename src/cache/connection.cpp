#include "cache/connection.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cctype>

#include "cache/asio_adapter.h"
#include "cache/hiredis_reply.h"
#include "common/error.h"
#include "common/log.h"

namespace myspace::cache::detail {
namespace {

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;
using Clock = std::chrono::steady_clock;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

// Distinct `command` label values per connection; the rest share "OTHER", so
// an unusual caller cannot grow the metrics without bound.
constexpr std::size_t kMaxCommandLabels = 64;

Error unavailable(std::string detail) {
  return Error(ErrorCode::kUnavailable, "cache unavailable", std::move(detail));
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// One command waiting for its reply. The timer is the wake-up: it expires at
// the deadline, and the reply callback cancels it early. hiredis owns one
// strong reference until it has called back, so a timed-out command's late
// reply lands in a still valid object.
struct PendingCommand {
  PendingCommand(const asio::any_io_executor& executor, std::shared_ptr<std::size_t> counter)
      : timer(executor), in_flight(std::move(counter)) {}
  asio::steady_timer timer;
  std::shared_ptr<std::size_t> in_flight;
  std::optional<Reply> reply;
  bool done = false;
  std::optional<Error> failure;  // why there is no reply, when done without one
};
using PendingHandle = std::shared_ptr<PendingCommand>;

void on_command_reply(redisAsyncContext* /*context*/, void* reply, void* privdata) {
  const std::unique_ptr<PendingHandle> handle(static_cast<PendingHandle*>(privdata));
  PendingCommand& pending = **handle;
  pending.done = true;
  --*pending.in_flight;
  if (reply == nullptr) {
    pending.failure = unavailable("connection lost before the reply");
  } else {
    try {
      pending.reply = from_hiredis(*static_cast<redisReply*>(reply));
    } catch (const Error& e) {
      pending.failure = e;
    } catch (const std::exception& e) {
      // Nothing may propagate back into hiredis' C frames.
      pending.failure = Error(ErrorCode::kInternal, "unexpected cache reply", e.what());
    }
  }
  pending.timer.cancel();
}

// Handshake replies carry the connection, the attempt they belong to and
// whether theirs is the last reply of the handshake.
struct HandshakeStep {
  Connection* connection;
  std::uint64_t generation;
  bool last;
};

}  // namespace

Connection::Connection(asio::any_io_executor executor, ConnectionOptions options, std::string role)
    : executor_(std::move(executor)),
      options_(std::move(options)),
      url_(parse_url(options_.url)),
      role_(std::move(role)),
      backoff_(options_.reconnect),
      retry_timer_(executor_),
      connect_deadline_(executor_),
      state_changed_(executor_, Clock::time_point::max()),
      metrics_(make_metrics(options_.name, role_)) {}

Connection::~Connection() {
  close();
}

Connection::Metrics Connection::make_metrics(const std::string& name, const std::string& role) {
  auto& registry = metrics::Registry::global();
  const std::string client = "client=\"" + name + "\"";
  const std::string with_role = client + ",role=\"" + role + "\"";
  const auto errors = [&](std::string_view kind) -> metrics::Counter& {
    return registry.counter("redis_errors_total", "Redis command failures by kind",
                            client + ",kind=\"" + std::string(kind) + "\"");
  };
  return Metrics{
      registry.gauge("redis_connected", "Redis connections currently established", with_role),
      registry.counter("redis_reconnects_total", "Redis connections re-established after a loss",
                       with_role),
      errors("timeout"),
      errors("unavailable"),
      errors("reply"),
  };
}

void Connection::start() {
  if (state_ == State::kIdle) attempt();
}

void Connection::close() {
  if (state_ == State::kClosed) return;
  if (state_ == State::kConnected) metrics_.connected.add(-1);
  state_ = State::kClosed;
  retry_timer_.cancel();
  connect_deadline_.cancel();
  // Fails the commands in flight (their callbacks see a NULL reply); from
  // inside a hiredis callback the free is deferred until it returns.
  if (context_ != nullptr) redisAsyncFree(context_);
  notify_state_change();
}

void Connection::attempt() {
  state_ = State::kConnecting;
  const std::uint64_t generation = ++generation_;
  // hiredis resolves the host synchronously; use an IP address or a name the
  // local resolver answers at once (localhost, /etc/hosts).
  redisAsyncContext* context = redisAsyncConnect(url_.host.c_str(), url_.port);
  if (context == nullptr) return connect_failed("out of memory");
  if (context->err != 0) {
    std::string reason = context->errstr;
    redisAsyncFree(context);
    return connect_failed(reason);
  }
  const bool attached = attach(context, executor_, [this, generation](const std::string& error) {
    context_gone(generation, error);
  });
  if (!attached) {
    redisAsyncFree(context);
    return connect_failed("cannot watch the socket");
  }
  context_ = context;
  send_handshake();

  connect_deadline_.expires_after(options_.connect_timeout);
  connect_deadline_.async_wait(
      [weak = weak_from_this(), generation](const boost::system::error_code& ec) {
        const auto self = weak.lock();
        if (ec || !self || self->generation_ != generation) return;
        if (self->state_ != State::kConnecting || self->context_ == nullptr) return;
        self->context_gone_reason_ = "connect and handshake timed out";
        redisAsyncFree(self->context_);
      });
}

void Connection::send_handshake() {
  std::vector<std::vector<std::string>> steps;
  if (url_.password) {
    steps.push_back(url_.username ? std::vector<std::string>{"AUTH", *url_.username, *url_.password}
                                  : std::vector<std::string>{"AUTH", *url_.password});
  }
  if (url_.db != 0) steps.push_back({"SELECT", std::to_string(url_.db)});
  // PING last: its reply proves the connection works end to end.
  steps.push_back({"PING"});
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto* step = new HandshakeStep{this, generation_, i + 1 == steps.size()};
    if (!send_raw(steps[i], &Connection::on_handshake_reply, step)) {
      delete step;
      return;
    }
  }
}

void Connection::on_handshake_reply(redisAsyncContext* /*context*/, void* reply, void* privdata) {
  const std::unique_ptr<HandshakeStep> step(static_cast<HandshakeStep*>(privdata));
  try {
    step->connection->handshake_reply(step->generation, static_cast<const redisReply*>(reply),
                                      step->last);
  } catch (const std::exception& e) {
    // Nothing may propagate back into hiredis' C frames.
    log::error("cache.handshake_failed", {{"error", e.what()}});
  }
}

void Connection::handshake_reply(std::uint64_t generation, const redisReply* reply, bool last) {
  // NULL: the context is going away; context_gone() decides what happens next.
  if (reply == nullptr || generation != generation_ || state_ != State::kConnecting) return;
  if (reply->type == REDIS_REPLY_ERROR) {
    context_gone_reason_ = "handshake refused: " + std::string(reply->str, reply->len);
    redisAsyncFree(context_);  // deferred by hiredis until this callback returns
    return;
  }
  if (!last) return;

  connect_deadline_.cancel();
  state_ = State::kConnected;
  metrics_.connected.add(1);
  const int attempts = backoff_.attempt() + 1;
  backoff_.reset();
  if (ever_connected_) metrics_.reconnects.inc();
  log::info(ever_connected_ ? "cache.reconnected" : "cache.connected", {{"client", options_.name},
                                                                        {"role", role_},
                                                                        {"url", redacted(url_)},
                                                                        {"attempts", attempts}});
  ever_connected_ = true;
  if (on_connected_) on_connected_();
  notify_state_change();
}

void Connection::context_gone(std::uint64_t generation, const std::string& error) {
  if (generation != generation_) return;
  context_ = nullptr;
  connect_deadline_.cancel();
  std::string reason = !context_gone_reason_.empty() ? std::move(context_gone_reason_) : error;
  context_gone_reason_.clear();
  if (state_ == State::kClosed) return;

  if (state_ == State::kConnected) {
    metrics_.connected.add(-1);
    state_ = State::kBackingOff;
    log::warn("cache.disconnected", {{"client", options_.name},
                                     {"role", role_},
                                     {"url", redacted(url_)},
                                     {"error", reason.empty() ? "closed" : reason}});
    if (on_disconnected_) on_disconnected_();
    schedule_retry();
    notify_state_change();
    return;
  }
  connect_failed(reason.empty() ? "connection closed during handshake" : reason);
}

void Connection::connect_failed(const std::string& reason) {
  if (state_ == State::kClosed) return;
  log::warn("cache.connect_failed", {{"client", options_.name},
                                     {"role", role_},
                                     {"url", redacted(url_)},
                                     {"attempt", backoff_.attempt() + 1},
                                     {"error", reason}});
  schedule_retry();
}

void Connection::schedule_retry() {
  state_ = State::kBackingOff;
  retry_timer_.expires_after(backoff_.next());
  retry_timer_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
    const auto self = weak.lock();
    if (!ec && self && self->state_ == State::kBackingOff) self->attempt();
  });
}

void Connection::notify_state_change() {
  state_changed_.cancel();
}

asio::awaitable<void> Connection::wait_connected() {
  const auto self = shared_from_this();
  start();
  asio::steady_timer deadline(executor_, options_.connect_timeout);
  while (!connected()) {
    if (closed()) throw unavailable("client closed");
    if (deadline.expiry() <= Clock::now()) {
      throw unavailable("not connected to " + redacted(url_) + " within connect_timeout");
    }
    co_await (state_changed_.async_wait(kNoThrow) || deadline.async_wait(kNoThrow));
  }
}

bool Connection::send(const std::vector<std::string>& argv, redisCallbackFn* fn, void* privdata) {
  if (state_ != State::kConnected) return false;
  return send_raw(argv, fn, privdata);
}

bool Connection::send_raw(const std::vector<std::string>& argv, redisCallbackFn* fn,
                          void* privdata) {
  if (context_ == nullptr || argv.empty()) return false;
  std::vector<const char*> data;
  std::vector<std::size_t> sizes;
  data.reserve(argv.size());
  sizes.reserve(argv.size());
  for (const auto& arg : argv) {
    data.push_back(arg.data());
    sizes.push_back(arg.size());
  }
  return redisAsyncCommandArgv(context_, fn, privdata, static_cast<int>(argv.size()), data.data(),
                               sizes.data()) == REDIS_OK;
}

metrics::Histogram& Connection::latency(const std::string& command) {
  std::string name = upper(command);
  if (auto it = latency_.find(name); it != latency_.end()) return *it->second;
  if (latency_.size() >= kMaxCommandLabels) name = "OTHER";
  auto& histogram = metrics::Registry::global().histogram(
      "redis_command_duration_seconds", "Redis command round-trip time",
      "client=\"" + options_.name + "\",command=\"" + name + "\"");
  latency_.emplace(std::move(name), &histogram);
  return histogram;
}

asio::awaitable<Reply> Connection::execute(std::vector<std::string> argv,
                                           std::chrono::milliseconds timeout) {
  if (argv.empty()) throw Error(ErrorCode::kBadRequest, "empty cache command");
  // Keeps this connection alive while the command is in flight.
  const auto self = shared_from_this();
  metrics::Histogram& histogram = latency(argv.front());
  const auto started = Clock::now();

  if (*in_flight_ >= options_.max_in_flight) {
    metrics_.unavailable.inc();
    throw unavailable(std::to_string(*in_flight_) + " commands already awaiting a reply");
  }
  auto pending = std::make_shared<PendingCommand>(executor_, in_flight_);
  pending->timer.expires_after(timeout);
  auto* handle = new PendingHandle(pending);
  if (!send(argv, &on_command_reply, handle)) {
    delete handle;
    metrics_.unavailable.inc();
    throw unavailable("not connected to " + redacted(url_));
  }
  ++*in_flight_;
  co_await pending->timer.async_wait(kNoThrow);
  histogram.observe(std::chrono::duration<double>(Clock::now() - started).count());

  if (!pending->done) {
    metrics_.timeouts.inc();
    throw Error(
        ErrorCode::kTimeout, "cache timeout",
        upper(argv.front()) + " got no reply within " + std::to_string(timeout.count()) + " ms");
  }
  if (!pending->reply) {
    if (pending->failure->code() == ErrorCode::kUnavailable) metrics_.unavailable.inc();
    throw *pending->failure;
  }
  if (pending->reply->is_error()) metrics_.error_replies.inc();
  co_return std::move(*pending->reply);
}

}  // namespace myspace::cache::detail
