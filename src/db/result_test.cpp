#include "db/result.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include "db/errors.h"

namespace myspace::db {
namespace {

TEST(DbTextArray, ParsesPostgresOutput) {
  using V = std::vector<std::optional<std::string>>;
  EXPECT_EQ(parse_text_array("{}"), V{});
  EXPECT_EQ(parse_text_array("{a,b}"), (V{"a", "b"}));
  EXPECT_EQ(parse_text_array(R"({"a b","c,d",NULL,"NULL",null})"),
            (V{"a b", "c,d", std::nullopt, "NULL", std::nullopt}));
  EXPECT_EQ(parse_text_array(R"({"q\"t","b\\s",""})"), (V{"q\"t", "b\\s", ""}));
  EXPECT_EQ(parse_text_array(R"({un\,quoted})"), (V{"un,quoted"}));
  EXPECT_EQ(parse_text_array("[0:1]={x,y}"), (V{"x", "y"}));
  EXPECT_EQ(parse_text_array("{ünï,ç}"), (V{"ünï", "ç"}));
}

TEST(DbTextArray, RejectsMalformed) {
  EXPECT_THROW(parse_text_array(""), UsageError);
  EXPECT_THROW(parse_text_array("a,b"), UsageError);
  EXPECT_THROW(parse_text_array("{\"open}"), UsageError);
  EXPECT_THROW(parse_text_array("{{a},{b}}"), UsageError);
  EXPECT_THROW(parse_text_array("{a,}"), UsageError);
  EXPECT_THROW(parse_text_array("{a}x"), UsageError);
}

// A PGresult built in memory (libpq supports this), so decoding is tested
// without a server.
Result make_result(const std::vector<std::pair<std::string, Oid>>& columns,
                   const std::vector<std::vector<const char*>>& rows) {
  PGresult* r = PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK);
  std::vector<PGresAttDesc> attrs;
  for (const auto& [name, type] : columns) {
    attrs.push_back({const_cast<char*>(name.c_str()), 0, 0, 0, type, -1, -1});
  }
  PQsetResultAttrs(r, static_cast<int>(attrs.size()), attrs.data());
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    for (int j = 0; j < static_cast<int>(rows[i].size()); ++j) {
      const char* v = rows[i][j];
      PQsetvalue(r, i, j, const_cast<char*>(v), v ? static_cast<int>(std::strlen(v)) : -1);
    }
  }
  return Result(r);
}

TEST(DbResult, DecodesTypedColumns) {
  const Result result =
      make_result({{"id", 20},
                   {"n", 23},
                   {"ok", 16},
                   {"ratio", 701},
                   {"price", 1700},
                   {"tags", 1009},
                   {"note", 25}},
                  {{"9007199254740993", "-5", "t", "0.25", "12.50", R"({a,"b c"})", nullptr}});
  const Row row = result.one();
  EXPECT_EQ(row.get<std::int64_t>("id"), 9007199254740993);
  EXPECT_EQ(row.get<int>("n"), -5);
  EXPECT_TRUE(row.get<bool>("ok"));
  EXPECT_DOUBLE_EQ(row.get<double>("ratio"), 0.25);
  EXPECT_EQ(row.get<std::string>("price"), "12.50");
  EXPECT_EQ(row.get<std::vector<std::string>>("tags"), (std::vector<std::string>{"a", "b c"}));
  EXPECT_EQ(row.get<std::optional<std::string>>("note"), std::nullopt);
  EXPECT_EQ(row.get<std::optional<std::int64_t>>("id"), 9007199254740993);
  EXPECT_TRUE(row.is_null("note"));
}

TEST(DbResult, MistakesAreUsageErrorsNamingTheColumn) {
  const Result result = make_result({{"id", 20}, {"price", 1700}, {"note", 25}, {"big", 20}},
                                    {{"1", "1.5", nullptr, "3000000000"}});
  const Row row = result.one();
  try {
    (void)row.get<int>("missing");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_NE(e.server_message().find("missing"), std::string::npos);
    EXPECT_NE(e.server_message().find("id, price"), std::string::npos);
  }
  EXPECT_THROW((void)row.get<double>("price"), UsageError);  // NUMERIC is never a float
  EXPECT_THROW((void)row.get<bool>("id"), UsageError);
  EXPECT_THROW((void)row.get<std::string>("note"), UsageError);  // NULL needs optional
  EXPECT_THROW((void)row.get<std::int32_t>("big"), UsageError);  // out of range
  EXPECT_THROW((void)row.get<std::vector<std::string>>("id"), UsageError);
  EXPECT_EQ(row.get<std::int64_t>("big"), 3000000000);
}

TEST(DbResult, RowCountsAndOne) {
  const Result empty = make_result({{"id", 20}}, {});
  EXPECT_TRUE(empty.empty());
  EXPECT_FALSE(empty.maybe_one().has_value());
  EXPECT_THROW((void)empty.one(), UsageError);
  const Result two = make_result({{"id", 20}}, {{"1"}, {"2"}});
  EXPECT_EQ(two.size(), 2u);
  EXPECT_THROW((void)two.maybe_one(), UsageError);
  std::int64_t sum = 0;
  for (const Row row : two) sum += row.get<std::int64_t>(0);
  EXPECT_EQ(sum, 3);
  EXPECT_EQ(two[1].get<std::int64_t>("id"), 2);
  EXPECT_THROW((void)two[2], UsageError);
}

}  // namespace
}  // namespace myspace::db
