// Money and DateTime refuse anything but their exact string forms, in both
// directions — in particular money never enters or leaves as a float.

#include "api/scalars/scalars.h"

#include <gtest/gtest.h>

namespace myspace::api {
namespace {

TEST(Money, AcceptsDecimalStrings) {
  for (const char* text : {"0", "1500", "1500.5", "1500.00", "-3.25", "99999999.99"}) {
    EXPECT_TRUE(is_valid_money(text)) << text;
  }
}

TEST(Money, RefusesEverythingElse) {
  for (const char* text : {"", "-", ".5", "1.", "1.234", "123456789", "1e3", "+1", " 1", "1 ",
                           "1,00", "NaN", "0x10", "1.0.0"}) {
    EXPECT_FALSE(is_valid_money(text)) << text;
  }
}

TEST(Money, ScalarPassesStringsAndRefusesNumbers) {
  const auto money = money_scalar();
  EXPECT_EQ(money.serialize(graphql::Value("2500.00")), graphql::Value("2500.00"));
  EXPECT_EQ(money.parse_value(graphql::Value("12.50")), graphql::Value("12.50"));
  EXPECT_THROW(money.serialize(graphql::Value(2500.0)), std::invalid_argument);
  EXPECT_THROW(money.parse_value(graphql::Value(12.5)), std::invalid_argument);
  EXPECT_THROW(money.parse_value(graphql::Value(12)), std::invalid_argument);
  EXPECT_THROW(money.parse_value(graphql::Value("12.505")), std::invalid_argument);
  try {
    money.parse_value(graphql::Value(1.5));
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "Money cannot represent 1.5E0: expected a decimal string with at most 8 integer "
                 "and 2 fraction digits, e.g. \"1500.00\"");
  }
}

TEST(DateTime, AcceptsRfc3339WithAnOffset) {
  for (const char* text : {"2026-11-24T07:00:00Z", "2026-11-24T07:00:00.123Z",
                           "2024-02-29T23:59:60+01:00", "2026-01-01t00:00:00.123456789-05:30"}) {
    EXPECT_TRUE(is_valid_date_time(text)) << text;
  }
}

TEST(DateTime, RefusesEverythingElse) {
  for (const char* text :
       {"", "2026-11-24", "2026-11-24T07:00:00", "2026-11-24 07:00:00Z", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T07:00:00.Z",
        "2026-11-24T07:00:00+0100", "2026-11-24T07:00:00Zjunk", "1700000000"}) {
    EXPECT_FALSE(is_valid_date_time(text)) << text;
  }
}

TEST(DateTime, ScalarRefusesNonStrings) {
  const auto date_time = date_time_scalar();
  EXPECT_EQ(date_time.serialize(graphql::Value("2026-11-24T07:00:00.000Z")),
            graphql::Value("2026-11-24T07:00:00.000Z"));
  EXPECT_THROW(date_time.parse_value(graphql::Value(1700000000)), std::invalid_argument);
}

}  // namespace
}  // namespace myspace::api
