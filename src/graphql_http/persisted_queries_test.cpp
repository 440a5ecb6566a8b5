// The APQ store's bounds: least recently used entries go first, by count and
// by bytes, and an oversized document is never kept.

#include "graphql_http/persisted_queries.h"

#include <gtest/gtest.h>

namespace myspace::graphql_http {
namespace {

TEST(PersistedQueriesStore, FindsWhatWasInserted) {
  PersistedQueries store(10, 1024);
  EXPECT_FALSE(store.find("h1"));
  store.insert("h1", "{ a }");
  EXPECT_EQ(store.find("h1"), "{ a }");
  EXPECT_EQ(store.size(), 1u);
  EXPECT_EQ(store.bytes(), 2u + 5u);
}

TEST(PersistedQueriesStore, EvictsTheLeastRecentlyUsedByCount) {
  PersistedQueries store(2, 1024);
  store.insert("h1", "{ a }");
  store.insert("h2", "{ b }");
  ASSERT_TRUE(store.find("h1"));  // h2 is now the least recently used
  store.insert("h3", "{ c }");
  EXPECT_TRUE(store.find("h1"));
  EXPECT_FALSE(store.find("h2"));
  EXPECT_TRUE(store.find("h3"));
  EXPECT_EQ(store.size(), 2u);
}

TEST(PersistedQueriesStore, EvictsByBytes) {
  PersistedQueries store(100, 20);
  store.insert("h1", "0123456789");  // 12 bytes
  store.insert("h2", "0123456789");  // 24 > 20: h1 goes
  EXPECT_FALSE(store.find("h1"));
  EXPECT_TRUE(store.find("h2"));
  EXPECT_LE(store.bytes(), 20u);
}

TEST(PersistedQueriesStore, RefusesADocumentLargerThanTheBound) {
  PersistedQueries store(100, 20);
  store.insert("h1", "{ a }");
  store.insert("h2", std::string(100, 'x'));
  EXPECT_FALSE(store.find("h2"));
  EXPECT_TRUE(store.find("h1"));
}

TEST(PersistedQueriesStore, ReinsertingKeepsOneEntry) {
  PersistedQueries store(10, 1024);
  store.insert("h1", "{ a }");
  store.insert("h1", "{ a }");
  EXPECT_EQ(store.size(), 1u);
  EXPECT_EQ(store.bytes(), 7u);
}

}  // namespace
}  // namespace myspace::graphql_http
