#include "common/log.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace myspace::log {
namespace {

boost::json::object as_object(const std::string& tail) {
  return boost::json::parse("{" + tail + "}").as_object();
}

TEST(Log, FormatsEventAndFieldsAsJson) {
  auto line = as_object(format_fields("http.request", {{"status", 200}, {"path", "/a\"b"}}));
  EXPECT_EQ(line.at("event").as_string(), "http.request");
  EXPECT_EQ(line.at("status").as_int64(), 200);
  EXPECT_EQ(line.at("path").as_string(), "/a\"b");
}

// The pattern writes "ts", "level" and "service" before the fields: a field of
// the same name would make a second key in the same object.
TEST(Log, NeverRepeatsTheKeysThePatternWrites) {
  const std::string tail =
      format_fields("service.started", {{"service", "gateway"}, {"level", "x"}, {"port", 1}});
  EXPECT_EQ(tail.find("\"service\""), std::string::npos) << tail;
  EXPECT_EQ(tail.find("\"level\""), std::string::npos) << tail;
  EXPECT_EQ(as_object(tail).at("port").as_int64(), 1);
}

TEST(Log, RedactsFieldsThatLookSecret) {
  auto line = as_object(format_fields("auth.login", {{"password", "hunter2"},
                                                     {"refreshToken", "abc"},
                                                     {"Authorization", "Bearer x"},
                                                     {"email", "a@b.c"}}));
  EXPECT_EQ(line.at("password").as_string(), "[redacted]");
  EXPECT_EQ(line.at("refreshToken").as_string(), "[redacted]");
  EXPECT_EQ(line.at("Authorization").as_string(), "[redacted]");
  EXPECT_EQ(line.at("email").as_string(), "a@b.c");
}

TEST(Log, ParsesLevels) {
  EXPECT_EQ(parse_level("debug"), Level::kDebug);
  EXPECT_EQ(parse_level("error"), Level::kError);
  EXPECT_EQ(parse_level("nonsense"), Level::kInfo);
}

}  // namespace
}  // namespace myspace::log
