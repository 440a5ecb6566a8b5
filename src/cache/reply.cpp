#include "cache/reply.h"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace myspace::cache {
namespace {

[[noreturn]] void throw_type_mismatch(std::string_view wanted, const Reply& reply) {
  throw Error(ErrorCode::kInternal, "unexpected cache reply",
              std::string("expected ") + std::string(wanted) + ", got " + reply.debug_string());
}

// Quotes and escapes a byte string the way JSON does, so NULs and CRLF stay readable.
std::string quoted(const std::string& text) {
  return boost::json::serialize(boost::json::string(text));
}

}  // namespace

std::int64_t Reply::as_integer() const {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  throw_if_error(*this);
  throw_type_mismatch("integer", *this);
}

const std::string& Reply::as_string() const {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* s = std::get_if<Status>(&value)) return s->text;
  throw_if_error(*this);
  throw_type_mismatch("string", *this);
}

const Reply::Array& Reply::as_array() const {
  if (const auto* a = std::get_if<Array>(&value)) return *a;
  throw_if_error(*this);
  throw_type_mismatch("array", *this);
}

std::string Reply::debug_string() const {
  struct Visitor {
    std::string operator()(const Nil&) const { return "nil"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(const std::string& s) const { return quoted(s); }
    std::string operator()(const Status& s) const { return "+" + s.text; }
    std::string operator()(const ErrorReply& e) const { return "-" + e.message; }
    std::string operator()(const Array& a) const {
      std::string out = "[";
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i > 0) out += ", ";
        out += a[i].debug_string();
      }
      return out + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

RedisError::RedisError(std::string server_message)
    : Error(ErrorCode::kInternal, "cache error", server_message),
      server_message_(std::move(server_message)) {}

std::string_view RedisError::prefix() const noexcept {
  const std::string_view message = server_message_;
  return message.substr(0, message.find(' '));
}

const Reply& throw_if_error(const Reply& reply) {
  if (const auto* e = std::get_if<ErrorReply>(&reply.value)) throw RedisError(e->message);
  return reply;
}

}  // namespace myspace::cache
