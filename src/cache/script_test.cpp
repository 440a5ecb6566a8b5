#include "cache/script.h"

#include <gtest/gtest.h>

namespace myspace::cache {
namespace {

TEST(CacheScriptHashTest, Sha1MatchesRedisNaming) {
  // Known vectors: SHA-1("") and SHA-1("abc").
  EXPECT_EQ(sha1_hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(CacheScriptHashTest, CachesTheHashOfItsSource) {
  const Script script("return 1");
  EXPECT_EQ(script.source(), "return 1");
  EXPECT_EQ(script.sha1(), sha1_hex("return 1"));
  const Script copy = script;
  EXPECT_EQ(&copy.sha1(), &script.sha1());  // copies share the cached hash
}

}  // namespace
}  // namespace myspace::cache
