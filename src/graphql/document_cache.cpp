#include "graphql/document_cache.h"

#include <functional>

namespace myspace::graphql {

std::shared_ptr<const PreparedDocument> DocumentCache::find(std::string_view text) {
  const std::size_t hash = std::hash<std::string_view>{}(text);
  std::lock_guard lock(mutex_);
  auto [begin, end] = index_.equal_range(hash);
  for (auto it = begin; it != end; ++it) {
    if (it->second->text != text) continue;
    order_.splice(order_.begin(), order_, it->second);
    ++hits_;
    return it->second->prepared;
  }
  ++misses_;
  return nullptr;
}

void DocumentCache::insert(std::string_view text,
                           std::shared_ptr<const PreparedDocument> prepared) {
  if (capacity_ == 0) return;
  const std::size_t hash = std::hash<std::string_view>{}(text);
  std::lock_guard lock(mutex_);
  auto [begin, end] = index_.equal_range(hash);
  for (auto it = begin; it != end; ++it) {
    if (it->second->text == text) return;  // another request prepared it first
  }
  order_.push_front(Entry{std::string(text), std::move(prepared)});
  index_.emplace(hash, order_.begin());
  if (order_.size() <= capacity_) return;
  auto victim = std::prev(order_.end());
  auto [vbegin, vend] = index_.equal_range(std::hash<std::string_view>{}(victim->text));
  for (auto it = vbegin; it != vend; ++it) {
    if (it->second == victim) {
      index_.erase(it);
      break;
    }
  }
  order_.pop_back();
}

std::size_t DocumentCache::size() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

std::size_t DocumentCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::size_t DocumentCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace myspace::graphql
