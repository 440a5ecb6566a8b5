#pragma once
// A family of entries the API caches in Redis (jobs:list, user:{id}): reads
// and writes that never fail a request — a Redis failure or an entry that no
// longer decodes is logged and counted, and the caller asks PostgreSQL — and
// one set of counters per family:
//   cache_requests_total{family="jobs:list",outcome="hit"|"miss"|"error"}

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "api/request_context.h"
#include "common/error.h"

namespace myspace::metrics {
class Counter;
}

namespace myspace::api {

class CacheFamily {
 public:
  // `family` is a fixed name (a label value), never a key holding an id.
  explicit CacheFamily(std::string_view family);

  // The entry under `key` as decode(text) makes it (a std::optional<T>), or
  // nullopt on a miss, a Redis failure or an entry decode() refuses.
  template <typename Decode>
  auto read(RequestContext& context, const std::string& key, Decode decode)
      -> boost::asio::awaitable<decltype(decode(std::string_view()))> {
    auto text = co_await fetch(context, key);
    if (!text) co_return std::nullopt;
    auto value = decode(std::string_view(*text));
    if (value) {
      hit();
    } else {
      unreadable(context, key);
    }
    co_return value;
  }

  // Stores `text` under `key` for `ttl`; `only_if_absent` for fills after a
  // miss, so that a reader holding an older row never overwrites a newer entry.
  boost::asio::awaitable<void> write(RequestContext& context, const std::string& key,
                                     std::string text, std::chrono::milliseconds ttl,
                                     bool only_if_absent = false);

 private:
  boost::asio::awaitable<std::optional<std::string>> fetch(RequestContext& context,
                                                           const std::string& key);
  void hit();
  void unreadable(const RequestContext& context, const std::string& key);
  void failed(const RequestContext& context, const std::string& key, const Error& error);

  std::string family_;
  metrics::Counter& hits_;
  metrics::Counter& misses_;
  metrics::Counter& errors_;
};

}  // namespace myspace::api
