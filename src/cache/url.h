#pragma once
// Parsing of `redis://[[user]:password@]host[:port][/db]` connection URLs.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myspace::cache {

struct RedisUrl {
  std::string host;
  std::uint16_t port = 6379;
  std::optional<std::string> username = std::nullopt;  // Redis 6 ACL user; AUTH <user> <password>
  std::optional<std::string> password = std::nullopt;  // AUTH <password> when set
  int db = 0;                                          // SELECT <db> when not 0

  bool operator==(const RedisUrl&) const = default;
};

// Throws Error(kBadRequest) for another scheme (rediss:// is not supported),
// a missing host, a bad port or a non-numeric database. Userinfo is
// percent-decoded, so passwords may contain reserved characters.
RedisUrl parse_url(std::string_view url);

// The URL with the password replaced by "***", for logs.
std::string redacted(const RedisUrl& url);

}  // namespace myspace::cache
