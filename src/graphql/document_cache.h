#pragma once
// A bounded LRU of parsed and validated documents, keyed by the document
// text (looked up by its hash, confirmed by comparing the text). Clients send
// the same few queries over and over; parsing and validating each once saves
// most of the per-request work before execution. Thread-safe; entries are
// immutable and shared, so an evicted document stays alive for the requests
// still using it. Results are only valid for one schema and one rule set:
// use one cache per (schema, rules).

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/error/graphql_error.h"
#include "graphql/language/ast.h"

namespace myspace::graphql {

struct PreparedDocument {
  std::shared_ptr<const ast::Document> document;  // null when parsing failed
  std::vector<GraphQLError> errors;               // syntax or validation errors
};

class DocumentCache {
 public:
  explicit DocumentCache(std::size_t capacity) : capacity_(capacity) {}

  std::shared_ptr<const PreparedDocument> find(std::string_view text);
  void insert(std::string_view text, std::shared_ptr<const PreparedDocument> prepared);

  std::size_t size() const;
  std::size_t hits() const;
  std::size_t misses() const;

 private:
  struct Entry {
    std::string text;
    std::shared_ptr<const PreparedDocument> prepared;
  };
  using Order = std::list<Entry>;

  mutable std::mutex mutex_;
  std::size_t capacity_;
  Order order_;  // most recently used first
  std::unordered_multimap<std::size_t, Order::iterator> index_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace myspace::graphql
