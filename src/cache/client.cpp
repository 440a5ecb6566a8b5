#include "cache/client.h"

#include "cache/connection.h"

namespace myspace::cache {
namespace {

namespace asio = boost::asio;

// SET's expiry option: EX when the TTL is whole seconds (what an operator
// reading MONITOR expects), PX otherwise.
void append_ttl(std::vector<std::string>& argv, std::chrono::milliseconds ttl) {
  if (ttl <= std::chrono::milliseconds::zero()) {
    throw Error(ErrorCode::kBadRequest, "cache TTL must be positive",
                "ttl " + std::to_string(ttl.count()) + " ms");
  }
  if (ttl.count() % 1000 == 0) {
    argv.insert(argv.end(), {"EX", std::to_string(ttl.count() / 1000)});
  } else {
    argv.insert(argv.end(), {"PX", std::to_string(ttl.count())});
  }
}

std::vector<std::string> script_argv(std::string verb, std::string script,
                                     std::vector<std::string>& keys,
                                     std::vector<std::string>& args) {
  std::vector<std::string> argv;
  argv.reserve(3 + keys.size() + args.size());
  argv.push_back(std::move(verb));
  argv.push_back(std::move(script));
  argv.push_back(std::to_string(keys.size()));
  argv.insert(argv.end(), keys.begin(), keys.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// Builds an argv outside the co_await expression: GCC 12 miscompiles braced
// initializer lists inside coroutine awaits ("array used as initializer").
template <typename... Args>
std::vector<std::string> argv_of(Args&&... args) {
  std::vector<std::string> argv;
  argv.reserve(sizeof...(args));
  (argv.emplace_back(std::forward<Args>(args)), ...);
  return argv;
}

bool is_noscript(const Reply& reply) {
  const auto* error = std::get_if<ErrorReply>(&reply.value);
  return error != nullptr && error->message.starts_with("NOSCRIPT");
}

}  // namespace

Client::Client(asio::any_io_executor executor, ConnectionOptions options)
    : connection_(std::make_shared<detail::Connection>(std::move(executor), std::move(options),
                                                       "command")) {}

Client::Client(asio::any_io_executor executor, std::string url)
    : Client(std::move(executor), ConnectionOptions{.url = std::move(url)}) {}

Client::~Client() {
  connection_->close();
}

void Client::start() {
  connection_->start();
}

asio::awaitable<void> Client::connect() {
  return connection_->wait_connected();
}

void Client::close() {
  connection_->close();
}

bool Client::connected() const noexcept {
  return connection_->connected();
}

asio::awaitable<Reply> Client::command(std::vector<std::string> argv,
                                       std::optional<std::chrono::milliseconds> timeout) {
  return connection_->execute(std::move(argv),
                              timeout.value_or(connection_->options().command_timeout));
}

asio::awaitable<void> Client::ping() {
  const Reply reply = throw_if_error(co_await command(argv_of("PING")));
  if (reply.as_string() != "PONG") {
    throw Error(ErrorCode::kInternal, "unexpected cache reply", "PING: " + reply.debug_string());
  }
}

asio::awaitable<std::optional<std::string>> Client::get(std::string key) {
  Reply reply = throw_if_error(co_await command(argv_of("GET", std::move(key))));
  if (reply.is_nil()) co_return std::nullopt;
  co_return std::move(std::get<std::string>(reply.value));
}

asio::awaitable<void> Client::set(std::string key, std::string value,
                                  std::optional<std::chrono::milliseconds> ttl) {
  std::vector<std::string> argv = argv_of("SET", std::move(key), std::move(value));
  if (ttl) append_ttl(argv, *ttl);
  throw_if_error(co_await command(std::move(argv)));
}

asio::awaitable<bool> Client::set_nx(std::string key, std::string value,
                                     std::optional<std::chrono::milliseconds> ttl) {
  std::vector<std::string> argv = argv_of("SET", std::move(key), std::move(value));
  if (ttl) append_ttl(argv, *ttl);
  argv.emplace_back("NX");
  // SET … NX answers OK when it set the key and nil when the key existed.
  const Reply reply = throw_if_error(co_await command(std::move(argv)));
  co_return !reply.is_nil();
}

asio::awaitable<std::int64_t> Client::del_keys(std::vector<std::string> keys) {
  if (keys.empty()) co_return 0;
  keys.insert(keys.begin(), "DEL");
  co_return (co_await command(std::move(keys))).as_integer();
}

asio::awaitable<std::int64_t> Client::incr(std::string key, std::int64_t by) {
  co_return (co_await command(argv_of("INCRBY", std::move(key), std::to_string(by)))).as_integer();
}

asio::awaitable<bool> Client::expire(std::string key, std::chrono::milliseconds ttl) {
  const Reply reply =
      co_await command(argv_of("PEXPIRE", std::move(key), std::to_string(ttl.count())));
  co_return reply.as_integer() == 1;
}

asio::awaitable<std::optional<std::chrono::milliseconds>> Client::ttl(std::string key) {
  // PTTL: -2 no such key, -1 no expiry.
  const std::int64_t ms = (co_await command(argv_of("PTTL", std::move(key)))).as_integer();
  if (ms < 0) co_return std::nullopt;
  co_return std::chrono::milliseconds(ms);
}

asio::awaitable<Reply> Client::eval(Script script, std::vector<std::string> keys,
                                    std::vector<std::string> args) {
  Reply reply = co_await command(script_argv("EVALSHA", script.sha1(), keys, args));
  // NOSCRIPT: the server restarted or its script cache was flushed. EVAL runs
  // the script and caches it, so the next EVALSHA succeeds again.
  if (is_noscript(reply)) {
    reply = co_await command(script_argv("EVAL", script.source(), keys, args));
  }
  throw_if_error(reply);
  co_return reply;
}

asio::awaitable<std::string> Client::load(Script script) {
  co_return (co_await command(argv_of("SCRIPT", "LOAD", script.source()))).as_string();
}

asio::awaitable<std::int64_t> Client::publish(std::string channel, std::string message) {
  co_return (co_await command(argv_of("PUBLISH", std::move(channel), std::move(message))))
      .as_integer();
}

}  // namespace myspace::cache
