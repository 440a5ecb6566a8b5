#include "db/sql.h"

#include <gtest/gtest.h>

#include <type_traits>

#include "db/errors.h"
#include "db/result.h"

namespace myspace::db {
namespace {

static_assert(std::is_convertible_v<const char (&)[9], Sql>);
// Run-time strings must not become SQL text by accident.
static_assert(!std::is_convertible_v<std::string, Sql>);
static_assert(!std::is_convertible_v<std::string_view, Sql>);
static_assert(!std::is_convertible_v<const char*, Sql>);

TEST(DbParam, RendersTypedText) {
  EXPECT_EQ(Param(42).type(), Param::kInt4);
  EXPECT_EQ(*Param(42).text(), "42");
  EXPECT_EQ(Param(std::int64_t{-9007199254740993}).type(), Param::kInt8);
  EXPECT_EQ(*Param(std::int64_t{-9007199254740993}).text(), "-9007199254740993");
  EXPECT_EQ(Param(std::uint32_t{4000000000}).type(), Param::kInt8);
  EXPECT_EQ(*Param(true).text(), "t");
  EXPECT_EQ(*Param(false).text(), "f");
  EXPECT_EQ(Param(false).type(), Param::kBool);
  EXPECT_EQ(*Param(0.1).text(), "0.1");
  EXPECT_EQ(Param("x").type(), Param::kUnknown);
  EXPECT_EQ(*Param(std::string("it's")).text(), "it's");
}

TEST(DbParam, NullsAndOptionals) {
  EXPECT_TRUE(Param(nullptr).is_null());
  EXPECT_TRUE(Param(std::nullopt).is_null());
  EXPECT_TRUE(Param(std::optional<int>()).is_null());
  const Param some(std::optional<std::int64_t>(7));
  EXPECT_FALSE(some.is_null());
  EXPECT_EQ(some.type(), Param::kInt8);
  EXPECT_EQ(*some.text(), "7");
}

TEST(DbParam, TextArrayQuotesEverything) {
  EXPECT_EQ(format_text_array({}), "{}");
  EXPECT_EQ(format_text_array({"a", "b c", "", "NULL", "x,y", "{z}", "q\"t", "back\\slash"}),
            R"({"a","b c","","NULL","x,y","{z}","q\"t","back\\slash"})");
  EXPECT_EQ(Param(std::vector<std::string>{"a"}).type(), Param::kTextArray);
}

TEST(DbParam, TextArrayRoundTripsThroughParser) {
  const std::vector<std::string> values = {"plain", "with space", "",  "NULL",   "q\"uote",
                                           "b\\s",  "{brace}",    ",", "ünïcødé"};
  const auto parsed = parse_text_array(format_text_array(values));
  ASSERT_EQ(parsed.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_TRUE(parsed[i].has_value());
    EXPECT_EQ(*parsed[i], values[i]);
  }
}

// libpq reads text parameters up to the first NUL: such a parameter is
// refused, naming its position but never its value.
TEST(DbParam, TextHoldingNulIsRefusedBeforeItIsSent) {
  using namespace std::string_literals;
  const std::string smuggled = "northwind\0-anything"s;
  EXPECT_NO_THROW(
      check_text_params({1, "northwind", nullptr, true, 0.5, std::vector<std::string>{"a", "b"}}));
  for (const Params& params : {Params{smuggled}, Params{42, std::string_view(smuggled)},
                               Params{std::optional<std::string>(smuggled)},
                               Params{std::vector<std::string>{"a", smuggled}}, Params{"\0"s}}) {
    try {
      check_text_params(params);
      ADD_FAILURE() << "a NUL passed in parameter " << params.size();
    } catch (const InvalidTextParameter& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
      EXPECT_EQ(e.sqlstate(), "22021");
      EXPECT_STREQ(e.what(), "text must not contain NUL characters");
      EXPECT_NE(e.detail().find("parameter $" + std::to_string(params.size())), std::string::npos)
          << e.detail();
      EXPECT_EQ(e.detail().find("northwind"), std::string::npos) << e.detail();
    }
  }
  // A DataError to anyone catching what the server itself would raise.
  EXPECT_THROW(check_text_params({smuggled}), DataError);
}

}  // namespace
}  // namespace myspace::db
