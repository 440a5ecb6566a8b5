#include "cache/url.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace myspace::cache {
namespace {

ErrorCode code_of(std::string_view url) {
  try {
    parse_url(url);
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST(CacheUrlTest, HostAndPortWithDefaults) {
  EXPECT_EQ(parse_url("redis://127.0.0.1:6380"), (RedisUrl{.host = "127.0.0.1", .port = 6380}));
  EXPECT_EQ(parse_url("redis://cache.internal"),
            (RedisUrl{.host = "cache.internal", .port = 6379}));
}

TEST(CacheUrlTest, PasswordOnlyAndDatabase) {
  const RedisUrl url = parse_url("redis://:s3cret@localhost:7000/2");
  EXPECT_EQ(url.host, "localhost");
  EXPECT_EQ(url.port, 7000);
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_FALSE(url.username.has_value());
  EXPECT_EQ(url.db, 2);
}

TEST(CacheUrlTest, UserAndPercentEncodedPassword) {
  const RedisUrl url = parse_url("redis://app:p%40ss%3Aw0rd@10.0.0.5/0");
  EXPECT_EQ(url.username, "app");
  EXPECT_EQ(url.password, "p@ss:w0rd");
  EXPECT_EQ(url.db, 0);
}

TEST(CacheUrlTest, Ipv6Host) {
  const RedisUrl url = parse_url("redis://[::1]:6379");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(redacted(url), "redis://[::1]:6379");
}

TEST(CacheUrlTest, RejectsWhatWeCannotHonour) {
  EXPECT_EQ(code_of("rediss://localhost:6379"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("http://localhost"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("redis://:6379"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("redis://localhost:0"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("redis://localhost:70000"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("redis://localhost/x"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("redis://localhost/-1"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("redis://user@localhost"), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of("not a url"), ErrorCode::kBadRequest);
}

TEST(CacheUrlTest, RedactedHidesThePassword) {
  EXPECT_EQ(redacted(parse_url("redis://:s3cret@localhost:7000/2")),
            "redis://:***@localhost:7000/2");
  EXPECT_EQ(redacted(parse_url("redis://app:s3cret@localhost")), "redis://app:***@localhost:6379");
  EXPECT_EQ(redacted(parse_url("redis://localhost")), "redis://localhost:6379");
}

}  // namespace
}  // namespace myspace::cache
