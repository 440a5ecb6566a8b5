#include "graphql/graphql.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/serialize.hpp>

#include "graphql/testing/star_wars.h"

namespace myspace::graphql {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

json::object run(const Schema& schema, Request request, RequestOptions options) {
  asio::io_context io;
  json::object result;
  if (!options.context.has_value()) options.context = std::make_shared<testing::StarWarsContext>();
  asio::co_spawn(io, graphql(schema, std::move(request), std::move(options)),
                 [&](std::exception_ptr e, json::object r) {
                   if (e) std::rethrow_exception(e);
                   result = std::move(r);
                 });
  io.run();
  return result;
}

class GraphqlTest : public ::testing::Test {
 protected:
  std::shared_ptr<Schema> schema_ = testing::star_wars_schema();
};

TEST_F(GraphqlTest, RunsTheWholePipeline) {
  auto result =
      run(*schema_,
          {"query Q($ep: Episode) { hero(episode: $ep) { name } }", "Q", {{"ep", "EMPIRE"}}}, {});
  EXPECT_EQ(json::serialize(result), R"({"data":{"hero":{"name":"Luke Skywalker"}}})");
}

TEST_F(GraphqlTest, StopsAtSyntaxErrors) {
  auto result = run(*schema_, {"{ hero { }", "", {}}, {});
  EXPECT_EQ(
      json::serialize(result),
      R"({"errors":[{"message":"Syntax Error: Expected Name, found \"}\".","locations":[{"line":1,"column":10}],)"
      R"("extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]})");
}

TEST_F(GraphqlTest, StopsAtValidationErrorsWithoutData) {
  auto result = run(*schema_, {"{ hero { zzz } }", "", {}}, {});
  EXPECT_FALSE(result.contains("data"));
  EXPECT_EQ(result.at("errors").at(0).at("message"),
            "Cannot query field \"zzz\" on type \"Character\".");
}

TEST_F(GraphqlTest, IntrospectionOffFailsValidation) {
  schema_->set_introspection(false);
  auto result = run(*schema_, {"{ __schema { queryType { name } } }", "", {}}, {});
  EXPECT_EQ(result.at("errors").at(0).at("message"),
            "Cannot query field \"__schema\" on type \"Query\".");
}

TEST_F(GraphqlTest, RequestRulesSeeTheVariables) {
  RequestOptions options;
  json::object variables{{"n", 500}};
  Limits limits;
  limits.cost = rules::CostLimit{};
  limits.cost->max_cost = 100;
  limits.cost->variables = &variables;
  options.request_rules = with_limits({}, limits);
  auto result =
      run(*schema_,
          {"query ($n: Int) { search(text: \"a\", first: $n) { __typename } }", "", variables},
          options);
  EXPECT_EQ(result.at("errors").at(0).at("message"),
            "The operation has a cost of 501, more than the maximum of 100.");
}

TEST_F(GraphqlTest, CachesPreparedDocuments) {
  DocumentCache cache(2);
  RequestOptions options;
  options.cache = &cache;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(
        run(*schema_, {"{ hero { name } }", "", {}}, options).at("data").at("hero").at("name"),
        "R2-D2");
  }
  EXPECT_EQ(cache.misses(), 1u);
  EXPECT_EQ(cache.hits(), 2u);
  EXPECT_EQ(run(*schema_, {"{ nope }", "", {}}, options).at("errors").as_array().size(), 1u);
  EXPECT_EQ(run(*schema_, {"{ nope }", "", {}}, options).at("errors").as_array().size(), 1u);
  EXPECT_EQ(cache.hits(), 3u);
}

TEST(DocumentCache, EvictsTheLeastRecentlyUsed) {
  DocumentCache cache(2);
  auto doc = std::make_shared<const PreparedDocument>();
  cache.insert("a", doc);
  cache.insert("b", doc);
  EXPECT_NE(cache.find("a"), nullptr);  // a is now the most recent
  cache.insert("c", doc);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("c"), nullptr);
}

}  // namespace
}  // namespace myspace::graphql
