#include "graphql/execution/execute.h"

#include <gtest/gtest.h>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "graphql/execution/data_loader.h"
#include "graphql/language/parser.h"
#include "graphql/testing/star_wars.h"

namespace myspace::graphql {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using testing::run;

class ExecuteTest : public ::testing::Test {
 protected:
  std::shared_ptr<Schema> schema_ = testing::star_wars_schema();
  json::object run(const std::string& query, json::object variables = {},
                   std::string operation = {}) {
    return testing::run(*schema_, query, std::move(variables), std::move(operation));
  }
};

TEST_F(ExecuteTest, ResolvesNestedFieldsInSelectionOrder) {
  auto result = run("{ hero { name id appearsIn } }");
  EXPECT_EQ(
      json::serialize(result),
      R"({"data":{"hero":{"name":"R2-D2","id":"2001","appearsIn":["NEWHOPE","EMPIRE","JEDI"]}}})");
}

TEST_F(ExecuteTest, ArgumentsAliasesFragmentsAndTypename) {
  auto result = run(R"(
    query {
      empireHero: hero(episode: EMPIRE) { ...Names ... on Human { homePlanet } }
      jediHero: hero(episode: JEDI) { __typename ...Names ... on Human { homePlanet } ... on Droid { primaryFunction } }
    }
    fragment Names on Character { name name })");
  EXPECT_EQ(json::serialize(result),
            R"({"data":{"empireHero":{"name":"Luke Skywalker","homePlanet":"Tatooine"},)"
            R"("jediHero":{"__typename":"Droid","name":"R2-D2","primaryFunction":"Astromech"}}})");
}

TEST_F(ExecuteTest, MergesFieldSelectionsOfTheSameResponseKey) {
  auto result = run("{ hero { friends { name } } hero { friends { id } } }");
  const auto& first = result.at("data").at("hero").at("friends").at(0).as_object();
  EXPECT_EQ(json::serialize(first), R"({"name":"Luke Skywalker","id":"1000"})");
}

TEST_F(ExecuteTest, SkipAndIncludeWithVariables) {
  const std::string query = R"(query ($withName: Boolean!, $skipId: Boolean = true) {
    hero { name @include(if: $withName) id @skip(if: $skipId) ... @skip(if: false) { appearsIn } } })";
  EXPECT_EQ(json::serialize(run(query, {{"withName", false}})),
            R"({"data":{"hero":{"appearsIn":["NEWHOPE","EMPIRE","JEDI"]}}})");
  EXPECT_EQ(
      json::serialize(run(query, {{"withName", true}, {"skipId", false}})),
      R"({"data":{"hero":{"name":"R2-D2","id":"2001","appearsIn":["NEWHOPE","EMPIRE","JEDI"]}}})");
}

TEST_F(ExecuteTest, BatchesFriendLoadsPerTick) {
  auto context = std::make_shared<testing::StarWarsContext>();
  auto result =
      testing::run(*schema_, "{ hero { friends { name friends { name } } } }", {}, {}, context);
  const auto& friends = result.at("data").at("hero").at("friends").as_array();
  ASSERT_EQ(friends.size(), 3u);
  EXPECT_EQ(friends[0].at("name"), "Luke Skywalker");
  EXPECT_EQ(friends[2].at("friends").at(0).at("name"), "Luke Skywalker");
  // One batch for R2-D2's friends, one for all of their friends — not one per friend.
  EXPECT_EQ(context->characters.batch_count(), 2u);
}

TEST_F(ExecuteTest, SiblingFieldsResolveConcurrently) {
  auto start = std::chrono::steady_clock::now();
  auto result =
      run(R"({ a: slow(ms: 150, tag: "a") b: slow(ms: 150, tag: "b") c: slow(ms: 10, tag: "c") })");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(json::serialize(result), R"({"data":{"a":"a","b":"b","c":"c"}})");
  EXPECT_LT(elapsed, std::chrono::milliseconds(290));
}

// Cancelling a request (e.g. the client went away) must not leave running
// resolvers with dangling references: execution finishes what it started.
TEST_F(ExecuteTest, CancellationWaitsForRunningFields) {
  asio::io_context io;
  auto doc =
      parse(R"({ a: slow(ms: 50, tag: "a") b: slow(ms: 60, tag: "b") hero { friends { name } } })");
  ExecuteOptions options;
  options.context = std::make_shared<testing::StarWarsContext>();
  asio::cancellation_signal cancel;
  bool done = false;
  asio::co_spawn(io, execute(*schema_, doc, std::move(options)),
                 asio::bind_cancellation_slot(
                     cancel.slot(), [&](std::exception_ptr, json::object) { done = true; }));
  asio::steady_timer timer(io, std::chrono::milliseconds(10));
  timer.async_wait(
      [&](boost::system::error_code) { cancel.emit(asio::cancellation_type::terminal); });
  io.run();
  EXPECT_TRUE(done);
}

TEST_F(ExecuteTest, MutationFieldsRunSerially) {
  auto context = std::make_shared<testing::StarWarsContext>();
  auto result = testing::run(
      *schema_,
      R"(mutation { a: appendLog(entry: "1") b: appendLog(entry: "2") c: appendLog(entry: "3") })",
      {}, {}, context);
  EXPECT_EQ(context->log, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(json::serialize(result.at("data").at("b")), R"(["1","2"])");
}

TEST_F(ExecuteTest, MutationWithInputObjectAndDefaults) {
  auto context = std::make_shared<testing::StarWarsContext>();
  auto result = testing::run(
      *schema_,
      R"(mutation ($r: ReviewInput!) { createReview(episode: JEDI, review: $r) { episode stars commentary } })",
      {{"r", {{"stars", 5}, {"commentary", "Great!"}}}}, {}, context);
  EXPECT_EQ(json::serialize(result),
            R"({"data":{"createReview":{"episode":"JEDI","stars":5,"commentary":"Great!"}}})");
  ASSERT_EQ(context->reviews.size(), 1u);
  EXPECT_EQ(json::serialize(context->reviews[0].at("tags")), "[]");
  EXPECT_EQ(context->reviews[0].at("rating"), 0.5);
}

TEST_F(ExecuteTest, CoercesLiteralArguments) {
  auto result =
      run(R"({ echo(value: "x", int: 3, float: 2, list: 4, review: {stars: 5, tags: "a"}) })");
  auto args = json::parse(result.at("data").at("echo").as_string());
  EXPECT_EQ(args.at("int"), 3);
  EXPECT_EQ(args.at("float"), 2.0);
  EXPECT_EQ(json::serialize(args.at("list")), "[4]");
  EXPECT_EQ(json::serialize(args.at("review").at("tags")), R"(["a"])");
  EXPECT_EQ(args.at("review").at("tags").at(0), "a");
  EXPECT_EQ(args.at("review").at("rating"), 0.5);
  EXPECT_FALSE(args.at("review").as_object().contains("commentary"));
}

TEST_F(ExecuteTest, FieldErrorsCarryMessageLocationPathAndCode) {
  auto result = run("{\n  hero { name }\n  failing\n}");
  EXPECT_EQ(
      json::serialize(result),
      R"({"errors":[{"message":"The droid you are looking for is not here.","locations":[{"line":3,"column":3}],)"
      R"("path":["failing"],"extensions":{"code":"NOT_FOUND"}}],"data":{"hero":{"name":"R2-D2"},"failing":null}})");
}

TEST_F(ExecuteTest, ErrorsInListItemsHaveIndexedPaths) {
  auto result = run("{ hero { friends { name secretBackstory } } }");
  const auto& errors = result.at("errors").as_array();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(json::serialize(errors[1].at("path")), R"(["hero","friends",1,"secretBackstory"])");
  EXPECT_EQ(errors[1].at("message"), "secretBackstory is secret.");
  EXPECT_EQ(errors[1].at("extensions").at("code"), "INTERNAL_SERVER_ERROR");
  EXPECT_EQ(result.at("data").at("hero").at("friends").at(1).at("name"), "Han Solo");
  EXPECT_TRUE(result.at("data").at("hero").at("friends").at(1).at("secretBackstory").is_null());
}

TEST_F(ExecuteTest, NullInNonNullFieldPropagatesToTheNearestNullableParent) {
  auto result = run("{ hero { name } failingNonNull }");
  EXPECT_EQ(
      json::serialize(result),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Query.failingNonNull.",)"
      R"("locations":[{"line":1,"column":17}],"path":["failingNonNull"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null})");
}

TEST(Execute, NullPropagatesThroughNonNullListItems) {
  auto schema = Schema::from_sdl("type Query { items: [Item!] other: Int } type Item { v: Int! }");
  schema->resolve_sync("Query", "items",
                       [](ResolveInfo&) { return json::parse(R"([{"v": 1}, {"v": null}])"); });
  schema->resolve_sync("Query", "other", [](ResolveInfo&) { return Value(7); });
  auto result = run(*schema, "{ items { v } other }");
  EXPECT_EQ(
      json::serialize(result),
      R"({"errors":[{"message":"Cannot return null for non-nullable field Item.v.",)"
      R"("locations":[{"line":1,"column":11}],"path":["items",1,"v"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],)"
      R"("data":{"items":null,"other":7}})");
}

// The same failures from asynchronous resolvers that throw after suspending
// (Probe's fields, failingAsyncNonNull): the error is reported with its path
// and the null propagates to the nearest nullable parent, as graphql-js does
// (tests/graphql-diff: execution.async_non_null_*).
TEST_F(ExecuteTest, AsyncErrorInANonNullRootFieldNullsTheData) {
  EXPECT_EQ(
      json::serialize(run("{ hero { name } failingAsyncNonNull }")),
      R"({"errors":[{"message":"The hyperdrive motivator is damaged.","locations":[{"line":1,"column":17}],)"
      R"("path":["failingAsyncNonNull"],"extensions":{"code":"NOT_FOUND"}}],"data":null})");
}

TEST_F(ExecuteTest, AsyncErrorInANonNullLeafNullsItsNullableParent) {
  EXPECT_EQ(
      json::serialize(run("{ lostProbe { id status } now }")),
      R"({"errors":[{"message":"Lost contact with probe 2.","locations":[{"line":1,"column":18}],)"
      R"("path":["lostProbe","status"],"extensions":{"code":"PROBE_LOST"}}],)"
      R"("data":{"lostProbe":null,"now":"2026-11-24T07:00:00Z"}})");
}

TEST_F(ExecuteTest, AsyncErrorInANonNullObjectFieldNullsItsNullableParent) {
  EXPECT_EQ(
      json::serialize(run("{ lostProbe { id relay { id } } now }")),
      R"({"errors":[{"message":"Lost contact with probe 2.","locations":[{"line":1,"column":18}],)"
      R"("path":["lostProbe","relay"],"extensions":{"code":"PROBE_LOST"}}],)"
      R"("data":{"lostProbe":null,"now":"2026-11-24T07:00:00Z"}})");
}

TEST_F(ExecuteTest, AsyncErrorInANonNullListItemNullsTheList) {
  // probes: [Probe!] — the second item cannot be null, so the list is.
  EXPECT_EQ(
      json::serialize(run("{ probes { id status } now }")),
      R"({"errors":[{"message":"Lost contact with probe 2.","locations":[{"line":1,"column":15}],)"
      R"("path":["probes",1,"status"],"extensions":{"code":"PROBE_LOST"}}],)"
      R"("data":{"probes":null,"now":"2026-11-24T07:00:00Z"}})");
}

TEST(Execute, FormatErrorHookMapsUnexpectedExceptions) {
  auto schema = Schema::from_sdl("type Query { a: Int }");
  schema->resolve_sync(
      "Query", "a", [](ResolveInfo&) -> Value { throw std::runtime_error("db password wrong"); });
  asio::io_context io;
  auto doc = parse("{ a }");
  ExecuteOptions options;
  options.format_error = [](const std::exception&, GraphQLError& e) {
    e.message = "Internal error";
    e.extensions["code"] = "INTERNAL";
  };
  json::object result;
  asio::co_spawn(io, execute(*schema, doc, std::move(options)),
                 [&](std::exception_ptr, json::object r) { result = r; });
  io.run();
  EXPECT_EQ(result.at("errors").at(0).at("message"), "Internal error");
  EXPECT_EQ(result.at("errors").at(0).at("extensions").at("code"), "INTERNAL");
}

TEST_F(ExecuteTest, ResolvesAbstractTypesByTypename) {
  auto result =
      run("{ search(text: \"l\") { __typename ... on Character { name } ... on Starship { length } "
          "} }");
  const auto& items = result.at("data").at("search").as_array();
  ASSERT_EQ(items.size(), 4u);  // Luke, Leia, Wilhuff... and the Falcon
  EXPECT_EQ(items.back().at("__typename"), "Starship");
  EXPECT_EQ(items.back().at("length"), 34.37);
}

TEST(Execute, ResolvesAbstractTypesWithATypeResolverOrReportsWhyNot) {
  auto schema = Schema::from_sdl(
      "type Query { pet: Pet pets: [Pet] } interface Pet { name: String } type Dog implements Pet "
      "{ name: String } type Cat implements Pet { name: String } type Rock { name: String }");
  schema->resolve_sync("Query", "pet",
                       [](ResolveInfo&) { return json::parse(R"({"name": "Rex"})"); });
  EXPECT_EQ(run(*schema, "{ pet { name } }").at("errors").at(0).at("message"),
            "Abstract type \"Pet\" must resolve to an Object type at runtime for field "
            "\"Query.pet\". Either the "
            "\"Pet\" type should provide a \"resolveType\" function or each possible type should "
            "provide an "
            "\"isTypeOf\" function.");
  schema->resolve_type("Pet", [](const Resolved&, const std::any&) { return std::string("Rock"); });
  EXPECT_EQ(run(*schema, "{ pet { name } }").at("errors").at(0).at("message"),
            "Runtime Object type \"Rock\" is not a possible type for \"Pet\".");
  schema->resolve_type("Pet", [](const Resolved& pet, const std::any&) {
    return std::string(pet.json().at("name") == "Rex" ? "Dog" : "Cat");
  });
  EXPECT_EQ(json::serialize(run(*schema, "{ pet { __typename name } }")),
            R"({"data":{"pet":{"__typename":"Dog","name":"Rex"}}})");
}

TEST_F(ExecuteTest, CustomScalarsSerialize) {
  EXPECT_EQ(json::serialize(run("{ now price }")),
            R"({"data":{"now":"2026-11-24T07:00:00Z","price":"12.50"}})");
}

TEST(Execute, MoneyIsNeverAFloat) {
  auto schema = Schema::from_sdl("scalar Money type Query { m: Money }");
  schema->scalar("Money",
                 ScalarFunctions{[](const Value& v) -> Value {
                                   if (!v.is_string())
                                     throw std::invalid_argument("Money must be a decimal string");
                                   return v;
                                 },
                                 nullptr, nullptr});
  schema->resolve_sync("Query", "m", [](ResolveInfo&) { return Value(12.5); });
  auto result = run(*schema, "{ m }");
  EXPECT_EQ(result.at("errors").at(0).at("message"), "Money must be a decimal string");
  EXPECT_TRUE(result.at("data").at("m").is_null());
}

// graphql-js suggests enum values for a non-string value too, by its printed form.
TEST_F(ExecuteTest, EnumVariableOfWrongKindGetsSuggestions) {
  json::object variables{{"ep", json::array{"JEDI"}}};
  EXPECT_EQ(run("query ($ep: Episode!) { hero(episode: $ep) { name } }", variables)
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$ep\" got invalid value [\"JEDI\"]; Enum \"Episode\" cannot represent "
            "non-string value: [\"JEDI\"]. Did you mean the enum value \"JEDI\"?");
}

// With introspection off, coercion errors name nothing that was not written,
// through non-null wrappers and lists as well.
TEST(Execute, VariableErrorsSuggestNothingWhenIntrospectionIsOff) {
  auto schema = testing::star_wars_schema();
  schema->set_introspection(false);
  auto result = run(*schema,
                    "query ($r: ReviewInput!, $e: [Episode!]!) { echo(review: $r) hero(episode: "
                    "$e) { name } }",
                    {{"r", {{"stars", 1}, {"comentary", "x"}}}, {"e", json::array{"JEDII"}}});
  const auto& errors = result.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u) << json::serialize(result);
  EXPECT_EQ(errors[0].at("message"),
            "Variable \"$r\" got invalid value { stars: 1, comentary: \"x\" }; Field "
            "\"comentary\" is not defined by type \"ReviewInput\".");
  EXPECT_EQ(errors[1].at("message"),
            "Variable \"$e\" got invalid value \"JEDII\" at \"e[0]\"; Value \"JEDII\" does not "
            "exist in \"Episode\" enum.");
}

// A oneOf argument arrives as an object of its one field; any other shape is
// refused, from a literal or a variable.
TEST_F(ExecuteTest, OneOfArgumentsHoldExactlyOneField) {
  EXPECT_EQ(run("{ pick(by: {name: \"Han\"}) }").at("data").at("pick"), R"({"name":"Han"})");
  EXPECT_EQ(run("query ($id: ID) { pick(by: {id: $id}) }", {{"id", nullptr}})
                .at("errors")
                .at(0)
                .at("message"),
            "Argument \"by\" has invalid value {id: $id}.");
  EXPECT_EQ(run("query ($by: CharacterBy!) { pick(by: $by) }", {{"by", {{"id", nullptr}}}})
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$by\" got invalid value null at \"by.id\"; Field \"id\" must be "
            "non-null.");
  EXPECT_EQ(run("query ($by: CharacterBy!) { pick(by: $by) }", {{"by", json::object{}}})
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$by\" got invalid value {}; Exactly one key must be specified for OneOf "
            "type \"CharacterBy\".");
}

TEST_F(ExecuteTest, ReportsVariableCoercionErrorsWithoutData) {
  auto result = run("query ($ep: Episode!) { hero(episode: $ep) { name } }");
  EXPECT_EQ(
      json::serialize(result),
      R"({"errors":[{"message":"Variable \"$ep\" of required type \"Episode!\" was not provided.",)"
      R"("locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]})");
  EXPECT_EQ(run("query ($ep: Episode) { hero(episode: $ep) { name } }", {{"ep", "FOO"}})
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$ep\" got invalid value \"FOO\"; Value \"FOO\" does not exist in "
            "\"Episode\" enum.");
  EXPECT_EQ(run("query ($r: ReviewInput!) { echo(review: $r) }", {{"r", {{"stars", "x"}}}})
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$r\" got invalid value \"x\" at \"r.stars\"; Int cannot represent "
            "non-integer value: \"x\"");
  EXPECT_EQ(run("query ($r: ReviewInput!) { echo(review: $r) }",
                {{"r", {{"commentary", "c"}, {"bogus", 1}}}})
                .at("errors")
                .as_array()
                .size(),
            2u);
  EXPECT_EQ(run("query ($i: Int) { echo(int: $i) }", {{"i", 3000000000}})
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$i\" got invalid value 3000000000; Int cannot represent non 32-bit signed "
            "integer value: 3000000000");
  EXPECT_EQ(
      run("query ($i: Int!) { echo(int: $i) }", {{"i", nullptr}}).at("errors").at(0).at("message"),
      "Variable \"$i\" of non-null type \"Int!\" must not be null.");
  EXPECT_EQ(run("query ($e: Episode) { hero(episode: $e) { name } }", {{"e", "JEDDI"}})
                .at("errors")
                .at(0)
                .at("message"),
            "Variable \"$e\" got invalid value \"JEDDI\"; Value \"JEDDI\" does not exist in "
            "\"Episode\" enum. Did you "
            "mean the enum value \"JEDI\"?");
  // Numbers in messages read as graphql-js prints them.
  EXPECT_EQ(run("query ($l: [Int]) { echo(list: $l) }", {{"l", json::array{3.5, 1e-7}}})
                .at("errors")
                .at(1)
                .at("message"),
            "Variable \"$l\" got invalid value 1e-7 at \"l[1]\"; Int cannot represent non-integer "
            "value: 1e-7");
  EXPECT_EQ(
      run("query ($r: ReviewInput!) { echo(review: $r) }", {{"r", {{"stars", 1}, {"tagz", 1}}}})
          .at("errors")
          .at(0)
          .at("message"),
      "Variable \"$r\" got invalid value { stars: 1, tagz: 1 }; Field \"tagz\" is not defined by "
      "type "
      "\"ReviewInput\". Did you mean \"tags\"?");
  EXPECT_EQ(run("query ($l: [Int]) { echo(list: $l) }", {{"l", 5}}).at("data").at("echo"),
            R"({"list":[5]})");
}

TEST_F(ExecuteTest, ArgumentErrorsNameTheArgument) {
  auto result = run("query ($id: ID) { human(id: $id) { name } }");
  EXPECT_EQ(result.at("errors").at(0).at("message"),
            "Argument \"id\" of required type \"ID!\" was provided the variable \"$id\" which was "
            "not provided a runtime value.");
  EXPECT_TRUE(result.at("data").at("human").is_null());
  EXPECT_EQ(run("{ human(id: null) { name } }").at("errors").at(0).at("message"),
            "Argument \"id\" of non-null type \"ID!\" must not be null.");
}

TEST_F(ExecuteTest, SelectsTheOperation) {
  const std::string doc = "query A { hero { name } } query B { hero(episode: EMPIRE) { name } }";
  EXPECT_EQ(run(doc).at("errors").at(0).at("message"),
            "Must provide operation name if query contains multiple operations.");
  EXPECT_EQ(run(doc).at("errors").at(0).at("extensions").at("code"),
            "OPERATION_RESOLUTION_FAILURE");
  EXPECT_EQ(run(doc, {}, "C").at("errors").at(0).at("message"), "Unknown operation named \"C\".");
  EXPECT_EQ(run(doc, {}, "B").at("data").at("hero").at("name"), "Luke Skywalker");
  EXPECT_EQ(run("fragment F on Query { a }").at("errors").at(0).at("message"),
            "Must provide an operation.");
}

TEST(Execute, RejectsOperationsTheSchemaDoesNotSupport) {
  auto schema = Schema::from_sdl("type Query { a: Int }");
  EXPECT_EQ(run(*schema, "mutation { a }").at("errors").at(0).at("message"),
            "Schema is not configured to execute mutation operation.");
  // The error points at the operation, and data is null, as graphql-js's.
  EXPECT_EQ(
      json::serialize(run(*schema, "{ a }\nsubscription S { a }", {}, "S")),
      R"({"errors":[{"message":"Schema is not configured to execute subscription operation.",)"
      R"("locations":[{"line":2,"column":1}],)"
      R"("extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}],"data":null})");
}

TEST(Execute, DefaultResolverReadsTheRootValueAndListsOfLeaves) {
  auto schema =
      Schema::from_sdl("type Query { a: Int b: [String] c: Obj } type Obj { d: [[Int!]] }");
  schema->resolve_sync("Query", "c",
                       [](ResolveInfo&) { return json::parse(R"({"d": [[1, 2], null, [3]]})"); });
  EXPECT_EQ(json::serialize(run(*schema, "{ c { d } a }")),
            R"({"data":{"c":{"d":[[1,2],null,[3]]},"a":null}})");
}

// Executes `query` on a fresh io_context; `handlers` is how many handlers
// the io_context ran (every spawned coroutine, post and timer adds some).
json::object run_counting_handlers(const Schema& schema, const std::string& query,
                                   std::size_t& handlers, std::any context = {}) {
  asio::io_context io;
  auto document = parse(query);
  ExecuteOptions options;
  options.context = std::move(context);
  json::object result;
  asio::co_spawn(io, execute(schema, document, std::move(options)),
                 [&](std::exception_ptr e, json::object r) {
                   if (e) std::rethrow_exception(e);
                   result = std::move(r);
                 });
  handlers = io.run();
  return result;
}

// Items with a list of leaves and a nested object, all resolved synchronously.
std::shared_ptr<Schema> synchronous_items_schema() {
  auto schema = Schema::from_sdl(
      "type Query { items(n: Int!): [Item!]! } "
      "type Item { id: Int! tags: [String!]! child: Item fails: Int! }");
  schema->resolve_sync("Query", "items", [](ResolveInfo& info) {
    json::array items;
    for (std::int64_t i = 0; i < info.args.at("n").as_int64(); ++i) {
      items.push_back(json::object{{"id", i},
                                   {"tags", json::array{"a", "b"}},
                                   {"child", json::object{{"id", -i}, {"tags", json::array{}}}}});
    }
    return Value(std::move(items));
  });
  schema->resolve_sync("Item", "fails", [](ResolveInfo& info) -> Value {
    if (info.parent.json().at("id") == -1) throw std::runtime_error("item 1's child fails");
    return 0;
  });
  return schema;
}

TEST(Execute, SynchronousListsCompleteWithoutSpawning) {
  auto schema = synchronous_items_schema();
  std::size_t few = 0;
  std::size_t many = 0;
  auto small = run_counting_handlers(*schema, "{ items(n: 3) { id tags child { id } } }", few);
  auto large = run_counting_handlers(*schema, "{ items(n: 40) { id tags child { id } } }", many);
  EXPECT_EQ(large.at("data").at("items").as_array().size(), 40u);
  EXPECT_EQ(json::serialize(small.at("data").at("items").at(2)),
            R"({"id":2,"tags":["a","b"],"child":{"id":-2}})");
  // Only the request's own coroutine machinery: nothing per item or field.
  EXPECT_EQ(few, many);
}

TEST(Execute, ErrorsInsideInlineSubtreesKeepTheirPaths) {
  auto schema = synchronous_items_schema();
  auto result = run(*schema, "{ items(n: 3) { id child { fails } } }");
  ASSERT_EQ(result.at("errors").as_array().size(), 1u);
  EXPECT_EQ(json::serialize(result.at("errors").at(0).at("path")),
            R"(["items",1,"child","fails"])");
  EXPECT_EQ(result.at("errors").at(0).at("message"), "item 1's child fails");
  // The non-null `fails` nulls its nullable parent `child`, and no more.
  EXPECT_EQ(json::serialize(result.at("data")),
            R"({"items":[{"id":0,"child":{"fails":0}},{"id":1,"child":null},)"
            R"({"id":2,"child":{"fails":0}}]})");
}

std::string path_string(const ResponsePath& path) {
  std::string out;
  for (const PathSegment& segment : path.to_path()) {
    if (!out.empty()) out += '.';
    out += std::holds_alternative<std::string>(segment)
               ? std::get<std::string>(segment)
               : std::to_string(std::get<std::size_t>(segment));
  }
  return out;
}

// Typed parents: resolvers hand C++ records down and their fields read the
// members in place — no JSON in between, no hidden keys.
struct Owner {
  std::string name;
};
struct Item {
  std::string title;
  std::optional<std::string> note;
  std::vector<std::string> tags;
  std::int64_t count = 0;
  Owner owner;
};

std::shared_ptr<Schema> typed_schema() {
  auto schema = Schema::from_sdl(
      "type Query { items: [Item!]! first: Item later: [Item!]! wrong: Item }"
      "type Item { title: String! note: String tags: [String!]! count: Int! owner: Owner! }"
      "type Owner { name: String! }");
  auto items = std::make_shared<const std::vector<Item>>(
      std::vector<Item>{{"a", std::nullopt, {"x", "y"}, 1, {"ann"}}, {"b", "n", {}, 2, {"bob"}}});
  schema->resolve_sync("Query", "items",
                       [items](ResolveInfo&) { return Resolved::objects(items); });
  schema->resolve_sync("Query", "first",
                       [items](ResolveInfo&) { return Resolved::part_of(items, items->front()); });
  // Through a coroutine, so that completion below takes the awaiting path.
  schema->resolve("Query", "later", [items](ResolveInfo&) -> asio::awaitable<Resolved> {
    co_return Resolved::objects(items);
  });
  schema->resolve_sync("Query", "wrong", [](ResolveInfo&) {
    return Resolved::object(std::make_shared<const Owner>());
  });
  schema->resolve_member("Item", "title", &Item::title);
  schema->resolve_member("Item", "note", &Item::note);
  schema->resolve_member("Item", "tags", &Item::tags);
  schema->resolve_member("Item", "count", &Item::count);
  schema->resolve_sync("Item", "owner", [](ResolveInfo& info) {
    return Resolved::part_of(info.parent.shared<Item>(), info.parent.as<Item>().owner);
  });
  schema->resolve("Owner", "name", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    co_return Resolved::text(std::string_view(info.parent.as<Owner>().name));
  });
  return schema;
}

TEST(Execute, TypedParentsReachTheirFieldsThroughMemberResolvers) {
  auto schema = typed_schema();
  EXPECT_EQ(json::serialize(run(*schema, "{ items { title note tags count } first { title } }")),
            R"({"data":{"items":[{"title":"a","note":null,"tags":["x","y"],"count":1},)"
            R"({"title":"b","note":"n","tags":[],"count":2}],"first":{"title":"a"}}})");
  // Below an awaiting field too, and a part of a record as its own typed parent.
  EXPECT_EQ(json::serialize(run(*schema, "{ later { owner { name } } }")),
            R"({"data":{"later":[{"owner":{"name":"ann"}},{"owner":{"name":"bob"}}]}})");
}

TEST(Execute, ATypedParentOfTheWrongTypeIsAFieldErrorNotACrash) {
  auto schema = typed_schema();
  const auto result = run(*schema, "{ wrong { title } }");
  EXPECT_TRUE(result.at("data").at("wrong").is_null()) << json::serialize(result);
  EXPECT_EQ(result.at("errors").at(0).at("path"), json::parse(R"(["wrong","title"])"));
}

TEST(Execute, ResolversSeeTheirPathOnRequest) {
  auto schema = Schema::from_sdl(
      "type Query { items: [Item!]! later: [Item!]! } type Item { where: String! }");
  schema->resolve_sync("Query", "items", [](ResolveInfo&) { return json::parse(R"([{}, {}])"); });
  schema->resolve("Query", "later",
                  [](ResolveInfo&) -> asio::awaitable<Resolved> { co_return json::parse("[{}]"); });
  schema->resolve_sync("Item", "where",
                       [](ResolveInfo& info) { return Value(path_string(info.path)); });
  auto result = run(*schema, "{ first: items { where } later { where } }");
  EXPECT_EQ(json::serialize(result),
            R"({"data":{"first":[{"where":"first.0.where"},{"where":"first.1.where"}],)"
            R"("later":[{"where":"later.0.where"}]}})");
}

TEST(Execute, DataLoaderBatchesAcrossItemsOfASynchronousList) {
  using Loader = DataLoader<std::int64_t, std::int64_t>;
  auto schema =
      Schema::from_sdl("type Query { items: [Item!]! } type Item { id: Int! double: Int! }");
  schema->resolve_sync("Query", "items",
                       [](ResolveInfo&) { return json::parse(R"([{"id":1},{"id":2},{"id":3}])"); });
  schema->resolve("Item", "double", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    auto& loader = *info.context_as<std::shared_ptr<Loader>>();
    const std::int64_t id = info.parent.json().at("id").as_int64();
    co_return co_await loader.load(id);
  });
  auto loader = std::make_shared<Loader>(
      [](std::vector<std::int64_t> keys) -> asio::awaitable<std::vector<std::int64_t>> {
        for (auto& key : keys) key *= 2;
        co_return keys;
      });
  std::size_t handlers = 0;
  auto result = run_counting_handlers(*schema, "{ items { id double } }", handlers, loader);
  EXPECT_EQ(json::serialize(result),
            R"({"data":{"items":[{"id":1,"double":2},{"id":2,"double":4},{"id":3,"double":6}]}})");
  EXPECT_EQ(loader->batch_count(), 1u);
}

TEST(Execute, BorrowedValuesAreReadInPlace) {
  static const Value kConfig = json::parse(R"({"name": "prod", "limits": [1, 2]})");
  auto schema =
      Schema::from_sdl("type Query { config: Config } type Config { name: String limits: [Int] }");
  schema->resolve_borrowed("Query", "config", [](ResolveInfo&) -> const Value& { return kConfig; });
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(json::serialize(run(*schema, "{ config { name limits } }")),
              R"({"data":{"config":{"name":"prod","limits":[1,2]}}})");
  }
  EXPECT_EQ(json::serialize(kConfig), R"({"name":"prod","limits":[1,2]})");
}

// The response's values live in one arena per request; a value copied out of
// the response shares it and keeps it alive (checked by ASan).
TEST(Execute, ValuesTakenFromTheResponseOutliveIt) {
  auto schema = synchronous_items_schema();
  std::optional<Value> kept;
  {
    auto result = run(*schema, "{ items(n: 2) { id tags } }");
    kept.emplace(result.at("data").at("items"));
  }
  EXPECT_EQ(json::serialize(*kept), R"([{"id":0,"tags":["a","b"]},{"id":1,"tags":["a","b"]}])");
}

// Executes a parsed document (plans are kept in it between executions).
json::object execute_document(const Schema& schema, const ast::Document& document,
                              json::object variables = {}) {
  asio::io_context io;
  ExecuteOptions options;
  options.variables = std::move(variables);
  options.context = std::make_shared<testing::StarWarsContext>();
  json::object result;
  asio::co_spawn(io, execute(schema, document, std::move(options)),
                 [&](std::exception_ptr e, json::object r) {
                   if (e) std::rethrow_exception(e);
                   result = std::move(r);
                 });
  io.run();
  return result;
}

TEST(ExecutionPlans, FollowTheSchemaWhenItsBindingsChange) {
  auto schema = Schema::from_sdl("type Query { a: Int }");
  const auto document = parse("{ a }");
  schema->resolve_sync("Query", "a", [](ResolveInfo&) { return Value(1); });
  EXPECT_EQ(json::serialize(execute_document(*schema, document)), R"({"data":{"a":1}})");
  // Now asynchronous: a plan kept from before would run it inline.
  schema->resolve("Query", "a", [](ResolveInfo&) -> asio::awaitable<Resolved> { co_return 2; });
  EXPECT_EQ(json::serialize(execute_document(*schema, document)), R"({"data":{"a":2}})");
  auto other = Schema::from_sdl("type Query { a: Int }");
  other->resolve_sync("Query", "a", [](ResolveInfo&) { return Value(3); });
  EXPECT_EQ(json::serialize(execute_document(*other, document)), R"({"data":{"a":3}})");
  EXPECT_EQ(json::serialize(execute_document(*schema, document)), R"({"data":{"a":2}})");
}

TEST(ExecutionPlans, OperationsWithVariablesArePlannedPerRequest) {
  auto schema = testing::star_wars_schema();
  const auto document = parse(R"(query ($withName: Boolean!, $episode: Episode) {
    hero(episode: $episode) { id name @include(if: $withName) } })");
  EXPECT_EQ(json::serialize(execute_document(*schema, document, {{"withName", true}})),
            R"({"data":{"hero":{"id":"2001","name":"R2-D2"}}})");
  EXPECT_EQ(json::serialize(
                execute_document(*schema, document, {{"withName", false}, {"episode", "EMPIRE"}})),
            R"({"data":{"hero":{"id":"1000"}}})");
}

TEST(ExecutionPlans, AMovedDocumentStartsWithoutThem) {
  auto schema = testing::star_wars_schema();
  auto original = std::make_unique<ast::Document>(parse("{ hero { name friends { name } } }"));
  const auto expected = json::serialize(execute_document(*schema, *original));
  ast::Document moved = std::move(*original);
  original.reset();  // with the plans it kept
  EXPECT_EQ(json::serialize(execute_document(*schema, moved)), expected);
  EXPECT_EQ(json::serialize(execute_document(*schema, moved)), expected);
}

// Requests of one thread share a document's plans while they interleave
// (the friends resolve through a DataLoader and suspend).
TEST(ExecutionPlans, InterleavedRequestsShareThem) {
  auto schema = testing::star_wars_schema();
  const auto document = parse("{ hero { name friends { name appearsIn friends { name } } } }");
  const auto expected = json::serialize(execute_document(*schema, document));
  asio::io_context io;
  std::vector<std::string> results;
  for (int i = 0; i < 3; ++i) {
    ExecuteOptions options;
    options.context = std::make_shared<testing::StarWarsContext>();
    asio::co_spawn(io, execute(*schema, document, std::move(options)),
                   [&](std::exception_ptr e, json::object r) {
                     if (e) std::rethrow_exception(e);
                     results.push_back(json::serialize(r));
                   });
  }
  io.run();
  EXPECT_EQ(results, std::vector<std::string>(3, expected));
}

TEST(DataLoader, BatchesConcurrentLoadsAndCachesKeys) {
  asio::io_context io;
  std::vector<std::vector<int>> calls;
  DataLoader<int, int> loader([&](std::vector<int> keys) -> asio::awaitable<std::vector<int>> {
    calls.push_back(keys);
    std::vector<int> out;
    for (int k : keys) out.push_back(k * 10);
    co_return out;
  });
  std::vector<int> results(4);
  for (int i = 0; i < 4; ++i) {
    asio::co_spawn(
        io, [&, i]() -> asio::awaitable<void> { results[i] = co_await loader.load(i % 3); },
        [](std::exception_ptr e) {
          if (e) std::rethrow_exception(e);
        });
  }
  io.run();
  EXPECT_EQ(results, (std::vector<int>{0, 10, 20, 0}));
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0], (std::vector<int>{0, 1, 2}));
}

TEST(DataLoader, LoadManyJoinsOneBatch) {
  asio::io_context io;
  std::size_t calls = 0;
  DataLoader<std::string, std::string> loader(
      [&](std::vector<std::string> keys) -> asio::awaitable<std::vector<std::string>> {
        ++calls;
        co_return keys;
      });
  std::vector<std::string> results;
  std::vector<std::string> keys{"a", "b", "a"};
  asio::co_spawn(
      io, [&]() -> asio::awaitable<void> { results = co_await loader.load_many(keys); },
      [](std::exception_ptr e) {
        if (e) std::rethrow_exception(e);
      });
  io.run();
  EXPECT_EQ(results, (std::vector<std::string>{"a", "b", "a"}));
  EXPECT_EQ(calls, 1u);
}

TEST(DataLoader, PropagatesBatchFailures) {
  asio::io_context io;
  DataLoader<int, int> loader(
      [](std::vector<int>) -> asio::awaitable<std::vector<int>> { co_return std::vector<int>{}; });
  std::string error;
  asio::co_spawn(
      io, [&]() -> asio::awaitable<void> { co_await loader.load(1); },
      [&](std::exception_ptr e) {
        try {
          if (e) std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          error = ex.what();
        }
      });
  io.run();
  EXPECT_EQ(error, "DataLoader batch function returned 0 results for 1 keys");
}

}  // namespace
}  // namespace myspace::graphql
