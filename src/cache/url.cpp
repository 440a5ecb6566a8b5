#include "cache/url.h"

#include <boost/url/parse.hpp>
#include <charconv>
#include <limits>

#include "common/error.h"

namespace myspace::cache {
namespace {

[[noreturn]] void bad_url(std::string why) {
  throw Error(ErrorCode::kBadRequest, "invalid Redis URL", std::move(why));
}

int parse_db(std::string_view path) {
  if (path.empty() || path == "/") return 0;
  path.remove_prefix(1);
  int db = 0;
  const auto [end, ec] = std::from_chars(path.data(), path.data() + path.size(), db);
  if (ec != std::errc() || end != path.data() + path.size() || db < 0) {
    bad_url("database must be a non-negative integer");
  }
  return db;
}

std::uint16_t parse_port(const boost::urls::url_view& url) {
  if (!url.has_port()) return 6379;
  const std::string_view text = url.port();
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc() || end != text.data() + text.size() || port == 0 ||
      port > std::numeric_limits<std::uint16_t>::max()) {
    bad_url("port must be 1..65535");
  }
  return static_cast<std::uint16_t>(port);
}

}  // namespace

RedisUrl parse_url(std::string_view text) {
  const auto parsed = boost::urls::parse_uri(text);
  if (!parsed) bad_url("not a URI");
  const boost::urls::url_view& url = *parsed;
  if (url.scheme() != "redis") bad_url("scheme must be redis://");

  RedisUrl result;
  result.host = url.host_address();
  if (result.host.empty()) bad_url("missing host");
  result.port = parse_port(url);
  if (url.has_password()) {
    result.password = url.password();
    // "redis://:pw@host" has an empty user: plain AUTH <password>.
    if (std::string user = url.user(); !user.empty()) result.username = std::move(user);
  } else if (url.has_userinfo() && !url.user().empty()) {
    bad_url("a user needs a password");
  }
  result.db = parse_db(url.path());
  return result;
}

std::string redacted(const RedisUrl& url) {
  std::string out = "redis://";
  if (url.password) out += url.username.value_or("") + ":***@";
  const bool ipv6 = url.host.find(':') != std::string::npos;
  out += ipv6 ? "[" + url.host + "]" : url.host;
  out += ":" + std::to_string(url.port);
  if (url.db != 0) out += "/" + std::to_string(url.db);
  return out;
}

}  // namespace myspace::cache
