#include "graphql/type/introspection.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "graphql/testing/star_wars.h"

namespace myspace::graphql {
namespace {

namespace json = boost::json;

// graphql-js getIntrospectionQuery({ descriptions, specifiedByUrl,
// directiveIsRepeatable, schemaDescription, inputValueDeprecation }).
constexpr const char* kIntrospectionQuery = R"(
query IntrospectionQuery {
  __schema {
    description
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives {
      name
      description
      isRepeatable
      locations
      args(includeDeprecated: true) { ...InputValue }
    }
  }
}
fragment FullType on __Type {
  kind
  name
  description
  specifiedByURL
  fields(includeDeprecated: true) {
    name
    description
    args(includeDeprecated: true) { ...InputValue }
    type { ...TypeRef }
    isDeprecated
    deprecationReason
  }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue {
  name
  description
  type { ...TypeRef }
  defaultValue
  isDeprecated
  deprecationReason
}
fragment TypeRef on __Type {
  kind
  name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}
)";

const json::object* find_named(const json::array& items, std::string_view name) {
  for (const auto& item : items) {
    if (item.at("name").as_string() == name) return &item.as_object();
  }
  return nullptr;
}

class IntrospectionTest : public ::testing::Test {
 protected:
  std::shared_ptr<Schema> schema_ = testing::star_wars_schema();
};

TEST_F(IntrospectionTest, StandardIntrospectionQueryDescribesTheWholeSchema) {
  auto result = testing::run(*schema_, kIntrospectionQuery);
  ASSERT_FALSE(result.contains("errors")) << json::serialize(result);
  const auto& schema = result.at("data").at("__schema");
  EXPECT_EQ(schema.at("description"), "The Star Wars API");
  EXPECT_EQ(schema.at("queryType").at("name"), "Query");
  EXPECT_EQ(schema.at("mutationType").at("name"), "Mutation");
  EXPECT_TRUE(schema.at("subscriptionType").is_null());

  const auto& types = schema.at("types").as_array();
  std::set<std::string> names;
  for (const auto& t : types) names.emplace(t.at("name").as_string());
  for (const char* expected : {"Query",
                               "Mutation",
                               "Character",
                               "Human",
                               "Droid",
                               "Episode",
                               "SearchResult",
                               "ReviewInput",
                               "DateTime",
                               "Money",
                               "Int",
                               "Float",
                               "String",
                               "Boolean",
                               "ID",
                               "__Schema",
                               "__Type",
                               "__TypeKind",
                               "__Field",
                               "__InputValue",
                               "__EnumValue",
                               "__Directive",
                               "__DirectiveLocation"}) {
    EXPECT_TRUE(names.count(expected)) << expected;
  }

  const auto* human = find_named(types, "Human");
  ASSERT_NE(human, nullptr);
  EXPECT_EQ(human->at("kind"), "OBJECT");
  EXPECT_EQ(
      json::serialize(human->at("interfaces")),
      R"([{"kind":"INTERFACE","name":"Character","ofType":null},{"kind":"INTERFACE","name":"Node","ofType":null}])");
  const auto* friends = find_named(human->at("fields").as_array(), "friends");
  EXPECT_EQ(
      json::serialize(friends->at("type")),
      R"({"kind":"LIST","name":null,"ofType":{"kind":"INTERFACE","name":"Character","ofType":null}})");
  const auto* mass = find_named(human->at("fields").as_array(), "mass");
  EXPECT_EQ(mass->at("isDeprecated"), true);
  EXPECT_EQ(mass->at("deprecationReason"), "No longer supported");
  EXPECT_EQ(mass->at("args").at(0).at("defaultValue"), "\"KG\"");
  EXPECT_TRUE(human->at("inputFields").is_null());
  EXPECT_TRUE(human->at("enumValues").is_null());

  const auto* id = find_named(human->at("fields").as_array(), "id");
  EXPECT_EQ(
      json::serialize(id->at("type")),
      R"({"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"ID","ofType":null}})");

  const auto* character = find_named(types, "Character");
  EXPECT_EQ(character->at("kind"), "INTERFACE");
  EXPECT_EQ(character->at("description"), "A character in the Star Wars Trilogy");
  EXPECT_EQ(character->at("possibleTypes").as_array().size(), 2u);

  const auto* episode = find_named(types, "Episode");
  EXPECT_EQ(episode->at("enumValues").as_array().size(), 4u);
  EXPECT_EQ(find_named(episode->at("enumValues").as_array(), "OLD")->at("deprecationReason"),
            "Use NEWHOPE");

  const auto* review = find_named(types, "ReviewInput");
  EXPECT_EQ(review->at("kind"), "INPUT_OBJECT");
  EXPECT_EQ(find_named(review->at("inputFields").as_array(), "tags")->at("defaultValue"), "[]");
  EXPECT_EQ(find_named(review->at("inputFields").as_array(), "rating")->at("defaultValue"), "0.5");

  EXPECT_EQ(find_named(types, "DateTime")->at("specifiedByURL"),
            "https://tools.ietf.org/html/rfc3339");
  EXPECT_EQ(find_named(types, "SearchResult")->at("possibleTypes").as_array().size(), 3u);

  const auto& directives = schema.at("directives").as_array();
  const auto* deprecated = find_named(directives, "deprecated");
  ASSERT_NE(deprecated, nullptr);
  EXPECT_EQ(deprecated->at("isRepeatable"), false);
  EXPECT_EQ(deprecated->at("args").at(0).at("defaultValue"), "\"No longer supported\"");
  EXPECT_EQ(json::serialize(find_named(directives, "skip")->at("locations")),
            R"(["FIELD","FRAGMENT_SPREAD","INLINE_FRAGMENT"])");
  EXPECT_NE(find_named(directives, "specifiedBy"), nullptr);
}

TEST_F(IntrospectionTest, DeprecatedMembersAreHiddenUnlessAskedFor) {
  auto result = testing::run(*schema_, R"({
    human: __type(name: "Human") { fields { name } all: fields(includeDeprecated: true) { name } }
    episode: __type(name: "Episode") { enumValues { name } }
  })");
  auto has = [](const json::value& list, std::string_view name) {
    return find_named(list.as_array(), name) != nullptr;
  };
  const auto& human = result.at("data").at("human");
  EXPECT_FALSE(has(human.at("fields"), "mass"));
  EXPECT_TRUE(has(human.at("all"), "mass"));
  EXPECT_FALSE(has(result.at("data").at("episode").at("enumValues"), "OLD"));
}

TEST_F(IntrospectionTest, DeprecatedArgumentsAndRepeatableDirectives) {
  auto schema = Schema::from_sdl(R"(
    type Query { f(old: Int @deprecated(reason: "gone"), new: Int): Int }
    directive @tag(name: String) repeatable on FIELD_DEFINITION)");
  auto result = testing::run(*schema, R"({
    __type(name: "Query") { fields { args { name } all: args(includeDeprecated: true) { name deprecationReason } } }
    __schema { directives { name isRepeatable } }
  })");
  const auto& field = result.at("data").at("__type").at("fields").at(0);
  EXPECT_EQ(json::serialize(field.at("args")), R"([{"name":"new"}])");
  EXPECT_EQ(field.at("all").at(0).at("deprecationReason"), "gone");
  const auto* tag = find_named(result.at("data").at("__schema").at("directives").as_array(), "tag");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->at("isRepeatable"), true);
}

// __schema.types in graphql-js's type map order: each SDL type followed by
// the built-ins it references first, then the introspection types; built-in
// scalars nothing references are left out. Custom directives come before the
// specified ones. __Type's description is graphql-js's full text.
TEST(Introspection, TypesAndDirectivesInGraphqlJsOrder) {
  auto schema = Schema::from_sdl(R"(
    directive @tag(name: String) on FIELD_DEFINITION
    type Query { node: Node, count: Int }
    interface Node { id: ID! }
    type Thing implements Node { id: ID!, label: String })");
  auto result = testing::run(*schema, R"({
    __schema { types { name } directives { name } }
    __type(name: "__Type") { description }
  })");
  std::vector<std::string> names;
  for (const auto& t : result.at("data").at("__schema").at("types").as_array())
    names.emplace_back(t.at("name").as_string());
  EXPECT_EQ(names,
            (std::vector<std::string>{"Query", "Int", "Node", "ID", "Thing", "String", "Boolean",
                                      "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue",
                                      "__EnumValue", "__Directive", "__DirectiveLocation"}));
  std::vector<std::string> directives;
  for (const auto& d : result.at("data").at("__schema").at("directives").as_array())
    directives.emplace_back(d.at("name").as_string());
  EXPECT_EQ(directives, (std::vector<std::string>{"tag", "include", "skip", "deprecated",
                                                  "specifiedBy", "oneOf"}));
  EXPECT_NE(std::string(result.at("data").at("__type").at("description").as_string())
                .find("\n\nDepending on the kind of a type"),
            std::string::npos);
}

// graphql-js 16.15: __Type.isOneOf (null for all but input objects), and
// deprecated directives, listed only with directives(includeDeprecated: true).
TEST(Introspection, OneOfInputObjectsAndDeprecatedDirectives) {
  auto schema = Schema::from_sdl(R"(
    type Query { f(by: By, in: In): Int }
    input By @oneOf { a: Int b: String }
    input In { a: Int }
    directive @old @deprecated(reason: "gone") on FIELD)");
  auto result = testing::run(*schema, R"({
    by: __type(name: "By") { isOneOf } in: __type(name: "In") { isOneOf }
    query: __type(name: "Query") { isOneOf }
    __schema {
      shown: directives { name isDeprecated }
      all: directives(includeDeprecated: true) { name isDeprecated deprecationReason }
    }
  })");
  const auto& data = result.at("data");
  EXPECT_EQ(data.at("by").at("isOneOf"), true);
  EXPECT_EQ(data.at("in").at("isOneOf"), false);
  EXPECT_TRUE(data.at("query").at("isOneOf").is_null());
  const auto& shown = data.at("__schema").at("shown").as_array();
  EXPECT_EQ(find_named(shown, "old"), nullptr);
  ASSERT_NE(find_named(shown, "oneOf"), nullptr);
  EXPECT_EQ(find_named(shown, "oneOf")->at("isDeprecated"), false);
  const auto* old = find_named(data.at("__schema").at("all").as_array(), "old");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->at("isDeprecated"), true);
  EXPECT_EQ(old->at("deprecationReason"), "gone");
}

TEST_F(IntrospectionTest, TypeLookupAndTypename) {
  auto result = testing::run(
      *schema_,
      R"({ __type(name: "Nope") { name } droid: __type(name: "Droid") { name kind } __typename })");
  EXPECT_EQ(
      json::serialize(result),
      R"({"data":{"__type":null,"droid":{"name":"Droid","kind":"OBJECT"},"__typename":"Query"}})");
}

TEST_F(IntrospectionTest, WrapperReferencesAreNotTypeNames) {
  auto result = testing::run(*schema_, R"({ __type(name: "[Character]") { name } })");
  EXPECT_EQ(json::serialize(result), R"({"data":{"__type":null}})");
}

TEST_F(IntrospectionTest, WrappedTypesUnwrapThroughOfType) {
  auto result = testing::run(*schema_, R"({ __type(name: "Query") { fields { name type {
    kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } })");
  std::map<std::string, std::string> types;
  for (const auto& field : result.at("data").at("__type").at("fields").as_array()) {
    types[std::string(field.at("name").as_string())] = json::serialize(field.at("type"));
  }
  EXPECT_EQ(types.at("search"),
            R"({"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","name":null,"ofType":)"
            R"({"kind":"NON_NULL","name":null,"ofType":{"kind":"UNION","name":"SearchResult"}}}})");
  EXPECT_EQ(types.at("hero"), R"({"kind":"INTERFACE","name":"Character","ofType":null})");
}

// Introspection is read from a cache built once per schema: every request,
// and every schema, gets its own schema's answer.
TEST_F(IntrospectionTest, EveryRequestGetsTheSameAnswer) {
  const auto first = json::serialize(testing::run(*schema_, kIntrospectionQuery));
  EXPECT_EQ(json::serialize(testing::run(*schema_, kIntrospectionQuery)), first);
  auto other = Schema::from_sdl("type Query { only: Int }");
  auto result = testing::run(*other, R"({ __schema { queryType { name fields { name } } } })");
  EXPECT_EQ(json::serialize(result),
            R"({"data":{"__schema":{"queryType":{"name":"Query","fields":[{"name":"only"}]}}}})");
}

TEST_F(IntrospectionTest, CanBeSwitchedOff) {
  schema_->set_introspection(false);
  auto result = testing::run(*schema_, "{ __schema { queryType { name } } __typename }");
  EXPECT_EQ(json::serialize(result), R"({"data":{"__typename":"Query"}})");
}

}  // namespace
}  // namespace myspace::graphql
