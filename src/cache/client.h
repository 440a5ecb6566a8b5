#pragma once
// A Redis client for coroutines: typed commands (`co_await client.get(key)`),
// Lua scripts, PUBLISH, and a generic `command` for everything else.
//
// Threading: services run one io_context per thread and share nothing, so a
// Client belongs to the executor it was built with and is NOT thread-safe —
// create one per thread and call it only from coroutines on that executor.
// Destroy it on that thread, before its io_context.
//
// Failures, all as myspace::Error:
//   kUnavailable  not connected (fails fast; nothing is queued while down), the
//                 connection dropped while the command was in flight, or
//                 ConnectionOptions::max_in_flight commands are already waiting;
//   kTimeout      no reply within the deadline (ConnectionOptions::command_timeout);
//                 the command stays on the connection and its late reply is dropped;
//   kInternal     a Redis error reply (thrown as RedisError) or an unexpected reply type.
// On a dropped connection the client reconnects in the background with
// exponential backoff and jitter; later commands succeed once Redis is back.
//
// Arguments are always sent as binary-safe argv, never formatted into a
// command string, so keys and values may hold any bytes.
//
//   cache::Client redis(io.get_executor(), {.url = "redis://:secret@127.0.0.1:6379/2"});
//   co_await redis.connect();
//   co_await redis.set("k", "v", std::chrono::seconds(30));
//   std::optional<std::string> v = co_await redis.get("k");

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/options.h"
#include "cache/reply.h"
#include "cache/script.h"

namespace myspace::cache {

namespace detail {
class Connection;
}

// Anything a command argument can be built from: std::string, string_view, literals.
template <typename T>
concept StringLike = std::convertible_to<const T&, std::string_view>;

class Client {
 public:
  Client(boost::asio::any_io_executor executor, ConnectionOptions options);
  // Shorthand for ConnectionOptions{.url = url}.
  Client(boost::asio::any_io_executor executor, std::string url);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Starts connecting in the background (idempotent); returns at once.
  void start();
  // start(), then waits until connected; kUnavailable after connect_timeout
  // (the background attempts go on).
  boost::asio::awaitable<void> connect();
  // Disconnects for good: commands in flight fail with kUnavailable, no reconnect.
  void close();
  bool connected() const noexcept;

  // PING; for readiness checks.
  boost::asio::awaitable<void> ping();

  boost::asio::awaitable<std::optional<std::string>> get(std::string key);
  // SET, with PX (or EX for whole seconds) when `ttl` is given.
  boost::asio::awaitable<void> set(std::string key, std::string value,
                                   std::optional<std::chrono::milliseconds> ttl = std::nullopt);
  // SET … NX; true when the key was set (it did not exist).
  boost::asio::awaitable<bool> set_nx(std::string key, std::string value,
                                      std::optional<std::chrono::milliseconds> ttl = std::nullopt);
  // DEL; the number of keys that existed and were removed.
  boost::asio::awaitable<std::int64_t> del_keys(std::vector<std::string> keys);
  template <StringLike... Keys>
  boost::asio::awaitable<std::int64_t> del(const Keys&... keys) {
    return del_keys({std::string(std::string_view(keys))...});
  }
  // INCRBY; the new value.
  boost::asio::awaitable<std::int64_t> incr(std::string key, std::int64_t by = 1);
  // PEXPIRE; false when the key does not exist.
  boost::asio::awaitable<bool> expire(std::string key, std::chrono::milliseconds ttl);
  // PTTL; nullopt when the key does not exist or has no expiry.
  boost::asio::awaitable<std::optional<std::chrono::milliseconds>> ttl(std::string key);

  // EVALSHA, falling back to EVAL on NOSCRIPT. Returns the script's reply;
  // a script error is thrown as RedisError.
  boost::asio::awaitable<Reply> eval(Script script, std::vector<std::string> keys = {},
                                     std::vector<std::string> args = {});
  // SCRIPT LOAD, to warm a server up front; returns the SHA-1.
  boost::asio::awaitable<std::string> load(Script script);

  // PUBLISH; the number of subscribers that received the message.
  boost::asio::awaitable<std::int64_t> publish(std::string channel, std::string message);

  // Any command, e.g. command("HSET", key, field, value). Error replies come
  // back as an ErrorReply value rather than an exception; connection failures
  // and deadlines still throw. `timeout` overrides the default deadline.
  boost::asio::awaitable<Reply> command(
      std::vector<std::string> argv,
      std::optional<std::chrono::milliseconds> timeout = std::nullopt);
  // The same with the arguments listed. Prefer it inside coroutines: GCC 12
  // rejects a braced vector inside `co_await` ("array used as initializer").
  template <StringLike... Args>
  boost::asio::awaitable<Reply> command(const Args&... args) {
    return command(std::vector<std::string>{std::string(std::string_view(args))...});
  }

 private:
  std::shared_ptr<detail::Connection> connection_;
};

}  // namespace myspace::cache
