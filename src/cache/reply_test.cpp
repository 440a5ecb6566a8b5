#include "cache/reply.h"

#include <gtest/gtest.h>
#include <hiredis/hiredis.h>

#include <memory>

#include "cache/hiredis_reply.h"

namespace myspace::cache {
namespace {

// Parses RESP bytes with hiredis' own reader, so the conversion is tested on
// exactly the structures hiredis hands to our callbacks.
Reply parse(std::string_view resp) {
  const std::unique_ptr<redisReader, decltype(&redisReaderFree)> reader(redisReaderCreate(),
                                                                        &redisReaderFree);
  EXPECT_EQ(redisReaderFeed(reader.get(), resp.data(), resp.size()), REDIS_OK);
  void* raw = nullptr;
  EXPECT_EQ(redisReaderGetReply(reader.get(), &raw), REDIS_OK);
  EXPECT_NE(raw, nullptr);
  const std::unique_ptr<redisReply, decltype(&freeReplyObject)> reply(static_cast<redisReply*>(raw),
                                                                      &freeReplyObject);
  return detail::from_hiredis(*reply);
}

TEST(CacheReplyTest, ScalarsConvert) {
  EXPECT_EQ(parse("$-1\r\n"), Reply{Nil{}});
  EXPECT_EQ(parse(":-42\r\n"), Reply{std::int64_t{-42}});
  EXPECT_EQ(parse("+OK\r\n"), Reply{Status{"OK"}});
  EXPECT_EQ(parse("-WRONGTYPE Operation against a key\r\n"),
            Reply{ErrorReply{"WRONGTYPE Operation against a key"}});
}

TEST(CacheReplyTest, BulkStringsKeepEveryByte) {
  const std::string binary("a\0b\r\nc", 6);
  const Reply reply = parse("$6\r\n" + binary + "\r\n");
  EXPECT_EQ(reply.as_string(), binary);
  EXPECT_EQ(reply.as_string().size(), 6U);
}

TEST(CacheReplyTest, NestedArraysConvert) {
  const Reply reply = parse("*3\r\n$1\r\na\r\n*2\r\n:1\r\n$-1\r\n+QUEUED\r\n");
  ASSERT_EQ(reply.as_array().size(), 3U);
  EXPECT_EQ(reply.as_array()[0].as_string(), "a");
  EXPECT_EQ(reply.as_array()[1].as_array()[0].as_integer(), 1);
  EXPECT_TRUE(reply.as_array()[1].as_array()[1].is_nil());
  EXPECT_EQ(reply.as_array()[2].as_string(), "QUEUED");
  EXPECT_EQ(reply.debug_string(), R"(["a", [1, nil], +QUEUED])");
}

TEST(CacheReplyTest, WrongTypeIsInternalError) {
  try {
    parse(":1\r\n").as_string();
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
  }
  EXPECT_THROW(parse("$1\r\nx\r\n").as_integer(), Error);
  EXPECT_THROW(parse("$-1\r\n").as_array(), Error);
}

TEST(CacheReplyTest, ErrorRepliesThrowRedisErrorWithPrefix) {
  const Reply reply = parse("-NOSCRIPT No matching script. Please use EVAL.\r\n");
  EXPECT_TRUE(reply.is_error());
  try {
    reply.as_integer();
    FAIL() << "no exception";
  } catch (const RedisError& e) {
    EXPECT_EQ(e.prefix(), "NOSCRIPT");
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
    // The client-facing message stays generic; the server's words are detail.
    EXPECT_STREQ(e.what(), "cache error");
    EXPECT_EQ(e.detail(), "NOSCRIPT No matching script. Please use EVAL.");
  }
  EXPECT_NO_THROW(throw_if_error(parse("+OK\r\n")));
  EXPECT_THROW(throw_if_error(reply), RedisError);
}

}  // namespace
}  // namespace myspace::cache
