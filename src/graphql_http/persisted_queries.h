#pragma once
// The store behind Apollo's automatic persisted queries: SHA-256 hash ->
// GraphQL document text, bounded by entry count and by total bytes, least
// recently used evicted first. One per worker thread (not thread-safe, no
// locks): a client whose hash is unknown on this worker simply re-registers
// it, which APQ clients do on PERSISTED_QUERY_NOT_FOUND anyway.

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace myspace::graphql_http {

class PersistedQueries {
 public:
  PersistedQueries(std::size_t max_entries, std::size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // The document registered under `hash`, and marks it recently used.
  std::optional<std::string> find(const std::string& hash);
  // Registers (or refreshes) `hash`. The caller has checked that the hash is
  // the document's SHA-256. A document larger than max_bytes is not kept.
  void insert(const std::string& hash, std::string query);

  std::size_t size() const noexcept { return map_.size(); }
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  struct Entry {
    std::string hash;
    std::string query;
  };
  void evict_while_over(std::size_t extra_bytes);

  std::size_t max_entries_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> map_;
};

}  // namespace myspace::graphql_http
