#pragma once
// A Lua script run with EVALSHA. The SHA-1 is computed once, when the script is
// built; `Client::eval` sends EVALSHA and, on NOSCRIPT (a restarted or flushed
// server), falls back to EVAL, which also loads the script for next time.

#include <memory>
#include <string>
#include <string_view>

namespace myspace::cache {

class Script {
 public:
  explicit Script(std::string source);

  const std::string& source() const noexcept { return data_->source; }
  // Lower-case hex SHA-1 of the source, as Redis names scripts.
  const std::string& sha1() const noexcept { return data_->sha1; }

 private:
  // Shared so that copying a Script into a coroutine frame is cheap.
  struct Data {
    std::string source;
    std::string sha1;
  };
  std::shared_ptr<const Data> data_;
};

// Lower-case hex SHA-1 of `text`.
std::string sha1_hex(std::string_view text);

}  // namespace myspace::cache
