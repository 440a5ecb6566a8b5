#pragma once
// What Redis answers, as plain C++ values: a `Reply` is one RESP2 value (nil,
// integer, bulk string, array, status or error). Converting from hiredis'
// `redisReply` happens in one place (hiredis_reply.h) so no public header of
// this component exposes hiredis.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/error.h"

namespace myspace::cache {

struct Nil {
  bool operator==(const Nil&) const = default;
};
// A simple-string reply such as "OK" or "PONG".
struct Status {
  std::string text;
  bool operator==(const Status&) const = default;
};
// An error reply such as "NOSCRIPT No matching script". Returned as a value by
// `Client::command`; the typed commands throw `RedisError` instead.
struct ErrorReply {
  std::string message;
  bool operator==(const ErrorReply&) const = default;
};

struct Reply {
  using Array = std::vector<Reply>;
  using Value = std::variant<Nil, std::int64_t, std::string, Array, Status, ErrorReply>;

  Value value;

  bool is_nil() const noexcept { return std::holds_alternative<Nil>(value); }
  bool is_error() const noexcept { return std::holds_alternative<ErrorReply>(value); }

  // Typed accessors; each throws Error(kInternal) when the reply has another
  // type (an error reply is rethrown as RedisError), so a protocol surprise
  // never becomes a silently wrong value.
  std::int64_t as_integer() const;
  const std::string& as_string() const;  // bulk string or status text
  const Array& as_array() const;

  // For logs and test failure messages, e.g. `["a", 1, nil]`.
  std::string debug_string() const;

  bool operator==(const Reply&) const = default;
};

// An error reply from the server, raised by the typed commands. The code is
// kInternal (our own scripts and commands should never provoke one); `prefix`
// is the first word of the message ("ERR", "WRONGTYPE", "NOSCRIPT", …) for
// callers that need to tell kinds apart. The client-facing message stays
// generic; the server's text is in `detail()` (logs only).
class RedisError : public Error {
 public:
  explicit RedisError(std::string server_message);

  const std::string& server_message() const noexcept { return server_message_; }
  std::string_view prefix() const noexcept;

 private:
  std::string server_message_;
};

// Throws RedisError when `reply` is an error reply; returns it otherwise.
const Reply& throw_if_error(const Reply& reply);

}  // namespace myspace::cache
