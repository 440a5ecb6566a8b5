#include "graphql/type/schema.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "graphql/testing/star_wars_schema.h"

namespace myspace::graphql {
namespace {

std::vector<std::string> schema_errors(std::string_view sdl) {
  try {
    Schema::from_sdl(sdl);
  } catch (const SchemaError& e) {
    std::vector<std::string> messages;
    for (const auto& error : e.errors()) messages.push_back(error.message);
    return messages;
  }
  return {};
}

TEST(Schema, BuildsTheStarWarsSchema) {
  auto schema = Schema::from_sdl(testing::kStarWarsSdl);
  ASSERT_NE(schema->query_type(), nullptr);
  EXPECT_EQ(schema->query_type()->name, "Query");
  EXPECT_EQ(schema->mutation_type()->name, "Mutation");
  EXPECT_EQ(schema->subscription_type(), nullptr);
  EXPECT_EQ(schema->description(), "The Star Wars API");

  const Type* human = schema->type("Human");
  ASSERT_NE(human, nullptr);
  EXPECT_EQ(human->kind, TypeKind::kObject);
  EXPECT_EQ(human->interfaces.size(), 2u);
  EXPECT_EQ(type_string(human->field("friends")->type), "[Character]");
  EXPECT_EQ(human->field("mass")->deprecation_reason, "No longer supported");
  EXPECT_EQ(human->field("mass")->argument("unit")->default_value->string, "KG");

  const Type* character = schema->type("Character");
  EXPECT_EQ(character->kind, TypeKind::kInterface);
  EXPECT_EQ(character->interfaces.at(0)->name, "Node");
  EXPECT_TRUE(schema->is_possible_type(character, human));
  EXPECT_TRUE(schema->is_possible_type(schema->type("Node"), human));
  EXPECT_FALSE(schema->is_possible_type(character, schema->type("Starship")));
  EXPECT_EQ(schema->type("SearchResult")->possible_types.size(), 3u);

  const Type* episode = schema->type("Episode");
  EXPECT_EQ(episode->values.size(), 4u);
  EXPECT_EQ(episode->enum_value("OLD")->deprecation_reason, "Use NEWHOPE");
  EXPECT_EQ(episode->enum_value("NEWHOPE")->description, "Released in 1977.");
  EXPECT_EQ(schema->type("DateTime")->specified_by_url, "https://tools.ietf.org/html/rfc3339");
  EXPECT_EQ(type_string(schema->type("ReviewInput")->input_field("tags")->type), "[String!]");
  EXPECT_NE(schema->directive("skip"), nullptr);
  EXPECT_TRUE(schema->directive("deprecated")->allowed_at("ENUM_VALUE"));
  EXPECT_NE(schema->type("__Schema"), nullptr);
}

TEST(Schema, MetaFieldsAndIntrospectionSwitch) {
  auto schema = Schema::from_sdl(testing::kStarWarsSdl);
  const Type* query = schema->query_type();
  EXPECT_NE(schema->field_definition(query, "__schema"), nullptr);
  EXPECT_NE(schema->field_definition(query, "__type"), nullptr);
  EXPECT_NE(schema->field_definition(schema->type("Human"), "__typename"), nullptr);
  EXPECT_EQ(schema->field_definition(schema->type("Human"), "__schema"), nullptr);
  schema->set_introspection(false);
  EXPECT_EQ(schema->field_definition(query, "__schema"), nullptr);
  EXPECT_EQ(schema->field_definition(query, "__type"), nullptr);
  EXPECT_NE(schema->field_definition(query, "__typename"), nullptr);
}

TEST(Schema, AppliesExtensions) {
  auto schema = Schema::from_sdl(R"(
type Query { a: Int }
extend type Query { b: String }
interface I { x: Int }
type T implements I { x: Int }
extend type T @foo
union U = T
extend union U = T2
type T2 { y: Int }
enum E { A }
extend enum E { B }
input In { a: Int }
extend input In { b: Int }
directive @foo on OBJECT
)");
  EXPECT_NE(schema->query_type()->field("b"), nullptr);
  EXPECT_EQ(schema->type("U")->possible_types.size(), 2u);
  EXPECT_NE(schema->type("E")->enum_value("B"), nullptr);
  EXPECT_NE(schema->type("In")->input_field("b"), nullptr);
  EXPECT_EQ(schema->directive("foo")->locations.at(0), "OBJECT");
}

TEST(Schema, UsesSchemaDefinitionRootNames) {
  auto schema =
      Schema::from_sdl("schema { query: Root } type Root { a: Int } type Query { b: Int }");
  EXPECT_EQ(schema->query_type()->name, "Root");
}

TEST(Schema, ReportsBuildErrors) {
  EXPECT_EQ(schema_errors("type Query { a: Foo }"),
            std::vector<std::string>{"Unknown type \"Foo\"."});
  EXPECT_EQ(schema_errors("type Query { a: Int } type Query { b: Int }"),
            std::vector<std::string>{"There can be only one type named \"Query\"."});
  EXPECT_EQ(schema_errors("type Query { a: Int } extend type Nope { b: Int }"),
            std::vector<std::string>{"Cannot extend type \"Nope\" because it is not defined."});
  EXPECT_EQ(schema_errors("type Query { a: Int } scalar S extend type S @d directive @d on SCALAR"),
            std::vector<std::string>{"Cannot extend non-object type \"S\"."});
  EXPECT_EQ(schema_errors("scalar Int type Query { a: Int }"),
            std::vector<std::string>{"Type \"Int\" already exists in the schema. It cannot also be "
                                     "defined in this type definition."});
  EXPECT_EQ(schema_errors("type Query { a: Int } directive @skip on FIELD"),
            std::vector<std::string>{
                "Directive \"@skip\" already exists in the schema. It cannot be redefined."});
  EXPECT_EQ(schema_errors("type Query { a: Int } query { a }"),
            std::vector<std::string>{
                "GraphQL schema documents must not contain operations or fragments."});
  EXPECT_EQ(schema_errors("type Query { a: }").at(0), "Syntax Error: Expected Name, found \"}\".");
}

TEST(Schema, ValidatesTypeSystemRules) {
  EXPECT_EQ(schema_errors("type Foo { a: Int }"),
            std::vector<std::string>{"Query root type must be provided."});
  EXPECT_EQ(schema_errors("schema { query: Q } union Q = Foo type Foo { a: Int }"),
            std::vector<std::string>{"Query root type must be Object type, it cannot be Q."});
  EXPECT_EQ(
      schema_errors("type Query { __a: Int }"),
      std::vector<std::string>{
          "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection."});
  EXPECT_EQ(schema_errors("type Query { a: In } input In { b: Int }"),
            std::vector<std::string>{"The type of Query.a must be Output Type but got: In."});
  EXPECT_EQ(schema_errors("type Query { a(x: Query): Int }"),
            std::vector<std::string>{"The type of Query.a(x:) must be Input Type but got: Query."});
  EXPECT_EQ(schema_errors("type Query { a(x: Int! @deprecated): Int }"),
            std::vector<std::string>{"Required argument Query.a(x:) cannot be deprecated."});
  EXPECT_EQ(schema_errors("type Query implements Query { a: Int }"),
            std::vector<std::string>{
                "Type Query must only implement Interface types, it cannot implement Query."});
  EXPECT_EQ(
      schema_errors("type Query implements I { b: Int } interface I { a: Int }"),
      std::vector<std::string>{"Interface field I.a expected but Query does not provide it."});
  EXPECT_EQ(
      schema_errors("type Query implements I { a: String } interface I { a: Int }"),
      std::vector<std::string>{"Interface field I.a expects type Int but Query.a is type String."});
  EXPECT_EQ(schema_errors("type Query implements I { a: Int! } interface I { a: Int }"),
            std::vector<std::string>{});
  EXPECT_EQ(
      schema_errors("type Query implements I { a(x: Int): Int } interface I { a(x: String): Int }"),
      std::vector<std::string>{
          "Interface field argument I.a(x:) expects type String but Query.a(x:) is type Int."});
  EXPECT_EQ(schema_errors("type Query implements I { a: Int } interface I { a(x: Int): Int }"),
            std::vector<std::string>{
                "Interface field argument I.a(x:) expected but Query.a does not provide it."});
  EXPECT_EQ(schema_errors("type Query implements I { a(y: Int!): Int } interface I { a: Int }"),
            std::vector<std::string>{"Object field Query.a includes required argument y that is "
                                     "missing from the Interface field I.a."});
  EXPECT_EQ(
      schema_errors("type Query implements J { a: Int } interface J implements I { a: Int } "
                    "interface I { a: Int }"),
      std::vector<std::string>{"Type Query must implement I because it is implemented by J."});
  EXPECT_EQ(
      schema_errors("type Query { a: U } union U = Query | I interface I { a: Int }"),
      std::vector<std::string>{"Union type U can only include Object types, it cannot include I."});
  EXPECT_EQ(schema_errors("type Query { a: U } union U = Query | Query"),
            std::vector<std::string>{"Union type U can only include type Query once."});
  EXPECT_EQ(schema_errors("type Query { a(i: In): Int } input In { self: In! }"),
            std::vector<std::string>{"Cannot reference Input Object \"In\" within itself through a "
                                     "series of non-null fields: \"self\"."});
  EXPECT_EQ(schema_errors("type Query { a(i: In): Int } input In { self: In }"),
            std::vector<std::string>{});
  EXPECT_EQ(schema_errors("type Query { a: Int a: String }"),
            std::vector<std::string>{"Field \"Query.a\" can only be defined once."});
}

TEST(Schema, ValidatesDirectiveUsagesInSdl) {
  EXPECT_EQ(schema_errors("type Query { a: Int @deprecate }"),
            std::vector<std::string>{"Unknown directive \"@deprecate\"."});
  EXPECT_EQ(schema_errors("type Query @deprecated { a: Int }"),
            std::vector<std::string>{"Directive \"@deprecated\" may not be used on OBJECT."});
  EXPECT_EQ(schema_errors("type Query { a: Int @deprecated @deprecated }"),
            std::vector<std::string>{
                "The directive \"@deprecated\" can only be used once at this location."});
  EXPECT_EQ(schema_errors("type Query { a: Int @deprecated(why: \"x\") }"),
            std::vector<std::string>{"Unknown argument \"why\" on directive \"@deprecated\"."});
  EXPECT_EQ(schema_errors("type Query { a: S } scalar S @specifiedBy"),
            std::vector<std::string>{"Directive \"@specifiedBy\" argument \"url\" of type "
                                     "\"String!\" is required, but it was not provided."});
  EXPECT_EQ(schema_errors("type Query { a(x: Int @tag @tag): Int } directive @tag repeatable on "
                          "ARGUMENT_DEFINITION"),
            std::vector<std::string>{});
}

// Spec, September 2025 edition: a oneOf input object's fields are all
// optional and without defaults, since a value names exactly one of them.
TEST(Schema, OneOfInputObjects) {
  auto schema = Schema::from_sdl(
      "type Query { f(by: By, in: In): Int } input By @oneOf { a: Int b: "
      "String } input In { a: Int }");
  EXPECT_TRUE(schema->type("By")->one_of);
  EXPECT_FALSE(schema->type("In")->one_of);
  EXPECT_EQ(schema_errors("type Query { f(by: By): Int } input By @oneOf { a: Int! b: String = "
                          "\"x\" }"),
            (std::vector<std::string>{"OneOf input field By.a must be nullable.",
                                      "OneOf input field By.b cannot have a default value."}));
  EXPECT_EQ(schema_errors("type Query @oneOf { a: Int }"),
            std::vector<std::string>{"Directive \"@oneOf\" may not be used on OBJECT."});
}

// graphql-js 16.15: a directive definition may carry @deprecated, or gain it
// by an extension.
TEST(Schema, DeprecatedDirectives) {
  auto schema = Schema::from_sdl(R"(
    type Query { a: Int }
    directive @old @deprecated(reason: "Use @new.") on FIELD
    directive @older on FIELD
    extend directive @older @deprecated
    directive @new on FIELD)");
  EXPECT_EQ(schema->directive("old")->deprecation_reason, "Use @new.");
  EXPECT_EQ(schema->directive("older")->deprecation_reason, "No longer supported");
  EXPECT_FALSE(schema->directive("new")->deprecation_reason.has_value());
  EXPECT_FALSE(schema->directive("skip")->deprecation_reason.has_value());
  EXPECT_EQ(
      schema_errors("type Query { a: Int } extend directive @nope @deprecated"),
      std::vector<std::string>{"Cannot extend directive \"@nope\" because it is not defined."});
  EXPECT_EQ(schema_errors("type Query { a: Int } extend directive @skip @deprecated"),
            std::vector<std::string>{"Cannot extend built-in directive \"@skip\"."});
  EXPECT_EQ(schema_errors("type Query { a: Int } directive @d @specifiedBy(url: \"u\") on FIELD"),
            std::vector<std::string>{
                "Directive \"@specifiedBy\" may not be used on DIRECTIVE_DEFINITION."});
}

// The gateway's schema (schema/schema.graphql, owned by the gateway) must
// always build with this engine.
TEST(Schema, BuildsTheRepositorysGatewaySchema) {
  const char* root = std::getenv("MYSPACE_SOURCE_DIR");
  ASSERT_NE(root, nullptr) << "tests run with MYSPACE_SOURCE_DIR set (cmake/Testing.cmake)";
  std::ifstream file(std::string(root) + "/schema/schema.graphql");
  ASSERT_TRUE(file.good());
  std::stringstream sdl;
  sdl << file.rdbuf();
  std::shared_ptr<Schema> schema;
  try {
    schema = Schema::from_sdl(sdl.str());
  } catch (const SchemaError& e) {
    FAIL() << e.what();
  }
  EXPECT_NE(schema->query_type(), nullptr);
}

TEST(Schema, BindingUnknownFieldsFailsAtStartup) {
  auto schema = Schema::from_sdl(testing::kStarWarsSdl);
  EXPECT_NO_THROW(schema->resolve_sync("Query", "hero", [](ResolveInfo&) { return Value(); }));
  EXPECT_NE(schema->query_type()->field("hero")->sync_resolver, nullptr);
  EXPECT_THROW(schema->resolve_sync("Query", "villain", [](ResolveInfo&) { return Value(); }),
               SchemaError);
  EXPECT_THROW(schema->resolve_sync("Nope", "hero", [](ResolveInfo&) { return Value(); }),
               SchemaError);
  EXPECT_THROW(schema->resolve_sync("Character", "name", [](ResolveInfo&) { return Value(); }),
               SchemaError);
  EXPECT_THROW(
      schema->resolve_type("Human", [](const Resolved&, const std::any&) { return std::string(); }),
      SchemaError);
  EXPECT_NO_THROW(schema->scalar("Money", ScalarFunctions{}));
  EXPECT_THROW(schema->scalar("Int", ScalarFunctions{}), SchemaError);
  EXPECT_THROW(schema->scalar("Episode", ScalarFunctions{}), SchemaError);
}

TEST(Schema, TypeRelations) {
  auto schema = Schema::from_sdl(testing::kStarWarsSdl);
  TypeArena arena;
  const Type* human = schema->type("Human");
  const Type* character = schema->type("Character");
  EXPECT_TRUE(schema->is_type_sub_type_of(arena.non_null(human), character));
  EXPECT_FALSE(schema->is_type_sub_type_of(character, arena.non_null(human)));
  EXPECT_TRUE(
      schema->is_type_sub_type_of(arena.list_of(arena.non_null(human)), arena.list_of(character)));
  EXPECT_TRUE(schema->do_types_overlap(schema->type("SearchResult"), character));
  EXPECT_FALSE(schema->do_types_overlap(schema->type("Starship"), character));
  EXPECT_TRUE(is_equal_type(arena.list_of(human), arena.list_of(human)));
}

}  // namespace
}  // namespace myspace::graphql
