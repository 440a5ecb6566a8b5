#include "graphql/language/parser.h"

#include <gtest/gtest.h>

namespace myspace::graphql {
namespace {

std::string parse_error(std::string source, const ParseOptions& options = {}) {
  try {
    parse(std::move(source), options);
  } catch (const GraphQLException& e) {
    const auto& loc = e.error().locations.at(0);
    return e.error().message + " @" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
  return "no error";
}

TEST(Parser, ParsesOperationWithVariablesDirectivesAndFragments) {
  auto doc = parse(R"(
query Hero($episode: Episode = JEDI, $withFriends: Boolean!) @live {
  hero(episode: $episode) {
    heroName: name
    ... on Droid { primaryFunction }
    ...Friends @include(if: $withFriends)
  }
}
fragment Friends on Character { friends { name } }
)");
  ASSERT_EQ(doc.definitions.size(), 2u);
  const auto& op = std::get<ast::OperationDefinition>(doc.definitions[0]);
  EXPECT_EQ(op.operation, ast::OperationType::kQuery);
  EXPECT_EQ(op.name, "Hero");
  EXPECT_EQ(op.loc, (SourceLocation{2, 1}));
  ASSERT_EQ(op.variables.size(), 2u);
  EXPECT_EQ(op.variables[0].name, "episode");
  EXPECT_EQ(op.variables[0].default_value->kind, ast::ValueKind::kEnum);
  EXPECT_EQ(op.variables[1].type.kind, ast::TypeRef::Kind::kNonNull);
  EXPECT_EQ(ast::named_type(op.variables[1].type), "Boolean");
  EXPECT_EQ(op.directives.at(0).name, "live");
  const auto& hero = op.selection_set.selections.at(0);
  EXPECT_EQ(hero.name, "hero");
  EXPECT_EQ(hero.arguments.at(0).value.kind, ast::ValueKind::kVariable);
  EXPECT_EQ(hero.arguments.at(0).value.raw, "episode");
  const auto& sels = hero.selection_set.selections;
  ASSERT_EQ(sels.size(), 3u);
  EXPECT_EQ(sels[0].alias, "heroName");
  EXPECT_EQ(sels[0].response_key(), "heroName");
  EXPECT_EQ(sels[0].loc, (SourceLocation{4, 5}));
  EXPECT_EQ(sels[1].kind, ast::SelectionKind::kInlineFragment);
  EXPECT_EQ(sels[1].type_condition, "Droid");
  EXPECT_EQ(sels[2].kind, ast::SelectionKind::kFragmentSpread);
  EXPECT_EQ(sels[2].directives.at(0).arguments.at(0).name, "if");
  const auto& frag = std::get<ast::FragmentDefinition>(doc.definitions[1]);
  EXPECT_EQ(frag.name, "Friends");
  EXPECT_EQ(frag.type_condition, "Character");
}

TEST(Parser, ParsesShorthandQueryAndAllValueKinds) {
  auto doc = parse(
      R"({ f(a: 1, b: -2.5, c: "s", d: """blk""", e: true, g: null, h: RED, i: [1, [2]], j: {k: {l: 1}}) })");
  const auto& op = std::get<ast::OperationDefinition>(doc.definitions[0]);
  EXPECT_TRUE(op.shorthand);
  const auto& args = op.selection_set.selections[0].arguments;
  ASSERT_EQ(args.size(), 9u);
  EXPECT_EQ(args[0].value.kind, ast::ValueKind::kInt);
  EXPECT_EQ(args[1].value.kind, ast::ValueKind::kFloat);
  EXPECT_EQ(args[1].value.raw, "-2.5");
  EXPECT_EQ(args[2].value.string, "s");
  EXPECT_TRUE(args[3].value.block);
  EXPECT_TRUE(args[4].value.boolean);
  EXPECT_EQ(args[5].value.kind, ast::ValueKind::kNull);
  EXPECT_EQ(args[6].value.kind, ast::ValueKind::kEnum);
  EXPECT_EQ(args[7].value.list.at(1).list.at(0).raw, "2");
  EXPECT_EQ(args[8].value.fields.at(0).value.fields.at(0).name, "l");
}

TEST(Parser, KeywordsAreValidNames) {
  auto doc = parse("query query { on fragment query(on: on) type: subscription }");
  const auto& op = std::get<ast::OperationDefinition>(doc.definitions[0]);
  EXPECT_EQ(op.name, "query");
  EXPECT_EQ(op.selection_set.selections.size(), 4u);
  EXPECT_EQ(op.selection_set.selections[2].arguments[0].value.raw, "on");
}

TEST(Parser, ParsesTypeSystemDefinitionsAndExtensions) {
  auto doc = parse(R"(
"""The schema"""
schema @dir { query: Query mutation: Mutation }
"A scalar" scalar DateTime @specifiedBy(url: "https://example.com")
type Human implements & Character & Node @key(fields: "id") {
  "the id" id: ID!
  friends(first: Int = 10 @deprecated, "after" after: String): [Character!]! @deprecated(reason: "no")
}
interface Node implements Entity { id: ID! }
union SearchResult = | Human | Droid
enum Episode { NEWHOPE "desc" EMPIRE @deprecated JEDI }
input ReviewInput { stars: Int! = 5 commentary: String }
directive @key(fields: String!) repeatable on OBJECT | INTERFACE
extend schema @other
extend type Human { age: Int }
extend union SearchResult = Starship
extend enum Episode { PHANTOM }
extend input ReviewInput { extra: Boolean }
extend scalar DateTime @x
extend interface Node @y
)");
  ASSERT_EQ(doc.definitions.size(), 15u);
  const auto& schema = std::get<ast::TypeSystemDefinition>(doc.definitions[0]);
  EXPECT_EQ(schema.kind, ast::TypeSystemKind::kSchema);
  EXPECT_EQ(schema.description->string, "The schema");
  EXPECT_EQ(schema.operation_types.at(1).operation, ast::OperationType::kMutation);
  EXPECT_EQ(schema.operation_types.at(1).type, "Mutation");
  const auto& human = std::get<ast::TypeSystemDefinition>(doc.definitions[2]);
  EXPECT_EQ(human.kind, ast::TypeSystemKind::kObject);
  EXPECT_EQ(human.interfaces.size(), 2u);
  EXPECT_EQ(human.fields.at(0).description->string, "the id");
  EXPECT_EQ(human.fields.at(1).arguments.at(0).default_value->raw, "10");
  EXPECT_EQ(human.fields.at(1).arguments.at(1).description->string, "after");
  EXPECT_EQ(std::get<ast::TypeSystemDefinition>(doc.definitions[3]).interfaces.at(0).name,
            "Entity");
  EXPECT_EQ(std::get<ast::TypeSystemDefinition>(doc.definitions[4]).members.size(), 2u);
  const auto& episode = std::get<ast::TypeSystemDefinition>(doc.definitions[5]);
  EXPECT_EQ(episode.values.at(1).description->string, "desc");
  EXPECT_EQ(episode.values.at(1).directives.at(0).name, "deprecated");
  const auto& directive = std::get<ast::TypeSystemDefinition>(doc.definitions[7]);
  EXPECT_TRUE(directive.repeatable);
  EXPECT_EQ(directive.locations.size(), 2u);
  const auto& extension = std::get<ast::TypeSystemDefinition>(doc.definitions[9]);
  EXPECT_TRUE(extension.extension);
  EXPECT_EQ(extension.fields.at(0).name, "age");
}

TEST(Parser, ReportsSyntaxErrorsLikeGraphqlJs) {
  EXPECT_EQ(parse_error("{"), "Syntax Error: Expected Name, found <EOF>. @1:2");
  EXPECT_EQ(parse_error("{ a { } }"), "Syntax Error: Expected Name, found \"}\". @1:7");
  EXPECT_EQ(parse_error(""), "Syntax Error: Unexpected <EOF>. @1:1");
  EXPECT_EQ(parse_error("notAnOperation Foo { field }"),
            "Syntax Error: Unexpected Name \"notAnOperation\". @1:1");
  EXPECT_EQ(parse_error("...;"), "Syntax Error: Unexpected \"...\". @1:1");
  EXPECT_EQ(parse_error("{ ...MissingOn }\nfragment MissingOn Type"),
            "Syntax Error: Expected \"on\", found Name \"Type\". @2:20");
  EXPECT_EQ(parse_error("{ field: {} }"), "Syntax Error: Expected Name, found \"{\". @1:10");
  EXPECT_EQ(parse_error("fragment on on on { on }"), "Syntax Error: Unexpected Name \"on\". @1:10");
  EXPECT_EQ(parse_error("{ ...on }"), "Syntax Error: Expected Name, found \"}\". @1:9");
  EXPECT_EQ(parse_error("query Foo($a: Int = $b) { f }"),
            "Syntax Error: Unexpected variable \"$b\" in constant value. @1:21");
  EXPECT_EQ(parse_error("\"desc\" { f }"),
            "Syntax Error: Unexpected description, descriptions are not supported on shorthand "
            "queries. @1:1");
  EXPECT_EQ(parse_error("enum E { true }"),
            "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value. @1:10");
  EXPECT_EQ(parse_error("directive @d on FIELD | NOWHERE"),
            "Syntax Error: Unexpected Name \"NOWHERE\". @1:25");
  EXPECT_EQ(parse_error("extend type Foo"), "Syntax Error: Unexpected <EOF>. @1:16");
  EXPECT_EQ(parse_error("type Foo {}"), "Syntax Error: Expected Name, found \"}\". @1:11");
}

TEST(Parser, SyntaxErrorsCarryTheParseFailedCode) {
  try {
    parse("{");
    FAIL() << "expected a syntax error";
  } catch (const GraphQLException& e) {
    EXPECT_EQ(e.error().extensions.at("code"), "GRAPHQL_PARSE_FAILED");
  }
}

TEST(Parser, StopsAfterMaxTokens) {
  ParseOptions options;
  options.max_tokens = 4;
  EXPECT_NO_THROW(parse("{ a b }", options));
  EXPECT_EQ(parse_error("{ a b c }", options),
            "Syntax Error: Document contains more than 4 tokens. Parsing aborted. @1:9");
}

// graphql-js's maxSourceLength: counted in UTF-16 code units, refused before
// anything is read, located at the first unit past the limit.
TEST(Parser, RefusesSourcesLongerThanMaxSourceLength) {
  ParseOptions options;
  options.max_source_length = 10;
  EXPECT_NO_THROW(parse("{ abcdef }", options));
  EXPECT_EQ(parse_error("{ abcdefg }", options),
            "Syntax Error: Source contains more than 10 UTF-16 code units. Parsing aborted. @1:11");
  // é is one unit (two bytes), 😀 two (four bytes).
  EXPECT_NO_THROW(parse("{a(s:\"é\")}", options));
  EXPECT_EQ(parse_error("{a(s:\"😀\")}", options),
            "Syntax Error: Source contains more than 10 UTF-16 code units. Parsing aborted. @1:11");
  options.max_source_length = 7;
  EXPECT_EQ(parse_error("{a(s:\"😀\")}", options),
            "Syntax Error: Source contains more than 7 UTF-16 code units. Parsing aborted. @1:8");
  // A syntax error further on is never reached.
  EXPECT_EQ(parse_error("{\n" + std::string(100, 'a') + " }}}", options),
            "Syntax Error: Source contains more than 7 UTF-16 code units. Parsing aborted. @2:6");
}

// Spec, September 2025 edition (graphql-js 16.15): operations, fragments and
// variable definitions may have descriptions; a shorthand query may not.
TEST(Parser, DescriptionsOnExecutableDefinitions) {
  auto doc = parse(R"("Op" query Q("V" $a: Int) { f } """Frag""" fragment F on T { g })");
  const auto& op = std::get<ast::OperationDefinition>(doc.definitions[0]);
  ASSERT_TRUE(op.description.has_value());
  EXPECT_EQ(op.description->string, "Op");
  EXPECT_EQ(op.loc.column, 1u);  // an operation starts where its description does
  ASSERT_TRUE(op.variables.at(0).description.has_value());
  EXPECT_EQ(op.variables.at(0).description->string, "V");
  const auto& fragment = std::get<ast::FragmentDefinition>(doc.definitions[1]);
  ASSERT_TRUE(fragment.description.has_value());
  EXPECT_EQ(fragment.description->string, "Frag");
  EXPECT_FALSE(std::get<ast::OperationDefinition>(parse("query { f }").definitions[0]).description);
  EXPECT_EQ(parse_error(R"("Op" { f })"),
            "Syntax Error: Unexpected description, descriptions are not supported on shorthand "
            "queries. @1:1");
  EXPECT_EQ(parse_error(R"("Op" extend type T { f: Int })"),
            "Syntax Error: Unexpected description, only GraphQL definitions support "
            "descriptions. @1:1");
}

// Deprecating a directive (graphql-js 16.15's experimentalDirectivesOnDirectiveDefinitions):
// only when asked for, as schemas do.
TEST(Parser, DirectivesOnDirectiveDefinitionsWhenAskedFor) {
  EXPECT_EQ(parse_error("directive @old @deprecated on FIELD"),
            "Syntax Error: Expected \"on\", found \"@\". @1:16");
  EXPECT_EQ(parse_error("extend directive @old @deprecated"),
            "Syntax Error: Unexpected Name \"directive\". @1:8");
  ParseOptions options;
  options.directives_on_directive_definitions = true;
  auto doc = parse("directive @old @deprecated repeatable on FIELD extend directive @x @deprecated",
                   options);
  const auto& definition = std::get<ast::TypeSystemDefinition>(doc.definitions[0]);
  ASSERT_EQ(definition.directives.size(), 1u);
  EXPECT_EQ(definition.directives[0].name, "deprecated");
  EXPECT_TRUE(definition.repeatable);
  const auto& extension = std::get<ast::TypeSystemDefinition>(doc.definitions[1]);
  EXPECT_TRUE(extension.extension);
  EXPECT_EQ(extension.name, "x");
  EXPECT_EQ(extension.directives.at(0).name, "deprecated");
  EXPECT_EQ(parse_error("extend directive @x", options), "Syntax Error: Unexpected <EOF>. @1:20");
}

TEST(Parser, BoundsNestingDepth) {
  std::string deep(1000, '[');
  EXPECT_EQ(parse_error("{ f(a: " + deep + ") }").substr(0, 61),
            "Syntax Error: Document exceeds the maximum nesting depth of 2");
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += "{ a ";
  nested += "{ b }";
  for (int i = 0; i < 100; ++i) nested += " }";
  EXPECT_NO_THROW(parse(nested));
}

TEST(Parser, NamesViewTheDocumentsOwnSource) {
  ast::Document doc = parse("{ someField }");
  ast::Document moved = std::move(doc);
  const auto& op = std::get<ast::OperationDefinition>(moved.definitions[0]);
  EXPECT_EQ(op.selection_set.selections[0].name, "someField");
  EXPECT_GE(op.selection_set.selections[0].name.data(), moved.source->data());
  EXPECT_LT(op.selection_set.selections[0].name.data(),
            moved.source->data() + moved.source->size());
}

TEST(Parser, ParsesLoneValues) {
  std::string text = R"({a: [1, "x"], b: $v})";
  auto value = parse_value(text);
  EXPECT_EQ(value.kind, ast::ValueKind::kObject);
  EXPECT_EQ(value.fields[0].value.list[1].string, "x");
  EXPECT_EQ(value.fields[1].value.kind, ast::ValueKind::kVariable);
}

}  // namespace
}  // namespace myspace::graphql
