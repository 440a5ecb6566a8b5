#include "graphql_http/persisted_queries.h"

namespace myspace::graphql_http {

std::optional<std::string> PersistedQueries::find(const std::string& hash) {
  const auto it = map_.find(hash);
  if (it == map_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->query;
}

void PersistedQueries::insert(const std::string& hash, std::string query) {
  if (max_entries_ == 0 || query.size() + hash.size() > max_bytes_) return;
  if (const auto it = map_.find(hash); it != map_.end()) {
    entries_.splice(entries_.begin(), entries_, it->second);
    return;
  }
  const std::size_t cost = hash.size() + query.size();
  evict_while_over(cost);
  entries_.push_front(Entry{hash, std::move(query)});
  map_.emplace(hash, entries_.begin());
  bytes_ += cost;
}

void PersistedQueries::evict_while_over(std::size_t extra_bytes) {
  while (!entries_.empty() &&
         (map_.size() + 1 > max_entries_ || bytes_ + extra_bytes > max_bytes_)) {
    const auto& last = entries_.back();
    bytes_ -= last.hash.size() + last.query.size();
    map_.erase(last.hash);
    entries_.pop_back();
  }
}

}  // namespace myspace::graphql_http
