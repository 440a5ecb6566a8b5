#include "graphql/language/printer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "graphql/language/parser.h"

namespace myspace::graphql {
namespace {

std::string reprint(std::string source) {
  return print(parse(std::move(source)));
}

TEST(Printer, PrintsExecutableDocumentsInGraphqlJsFormat) {
  EXPECT_EQ(reprint("query { a }"), "{\n  a\n}");
  EXPECT_EQ(reprint("query Q($a: [Int!]! = [1,2] @d, $b: In = {x: 1}) @op { alias: f(x: $a) "
                    "@skip(if: true) { ...F ... on T { g } ... @include(if: $b) { h } } }\n"
                    "fragment F on T @d { i }"),
            "query Q($a: [Int!]! = [1, 2] @d, $b: In = {x: 1}) @op {\n"
            "  alias: f(x: $a) @skip(if: true) {\n"
            "    ...F\n"
            "    ... on T {\n"
            "      g\n"
            "    }\n"
            "    ... @include(if: $b) {\n"
            "      h\n"
            "    }\n"
            "  }\n"
            "}\n\n"
            "fragment F on T @d {\n"
            "  i\n"
            "}");
  EXPECT_EQ(reprint("mutation { like(id: 1) }"), "mutation {\n  like(id: 1)\n}");
  EXPECT_EQ(reprint("subscription S { a }"), "subscription S {\n  a\n}");
}

// Output of graphql-js 16.15's print() for the same documents.
TEST(Printer, PrintsDescriptionsOfExecutableDefinitionsAndDirectivesOfDirectives) {
  EXPECT_EQ(
      reprint(R"("Op" query Q("V" $a: Int) { f } """Frag""" fragment F on T { g })"
              R"( "Anon" query { h })"),
      "\"Op\"\nquery Q(\n\"V\"\n$a: Int\n) {\n  f\n}\n\n\"\"\"Frag\"\"\"\nfragment F on T {\n  "
      "g\n}\n\n\"Anon\"\nquery {\n  h\n}");
  ParseOptions options;
  options.directives_on_directive_definitions = true;
  EXPECT_EQ(print(parse("directive @old(a: Int) @deprecated(reason: \"x\") repeatable on FIELD "
                        "extend directive @x @deprecated",
                        options)),
            "directive @old(a: Int) @deprecated(reason: \"x\") repeatable on FIELD\n\n"
            "extend directive @x @deprecated");
}

TEST(Printer, WrapsLongArgumentListsOverEightyColumns) {
  EXPECT_EQ(reprint("{ someFieldName(argumentNumberOne: \"aaaaaaaaaaaaaaaa\", argumentNumberTwo: "
                    "\"bbbbbbbbbbbbbbbbbb\") }"),
            "{\n"
            "  someFieldName(\n"
            "    argumentNumberOne: \"aaaaaaaaaaaaaaaa\"\n"
            "    argumentNumberTwo: \"bbbbbbbbbbbbbbbbbb\"\n"
            "  )\n"
            "}");
}

TEST(Printer, PrintsStringsWithEscapes) {
  EXPECT_EQ(print_string("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(print_string("\xC2\x85"), "\"\\u0085\"");
  EXPECT_EQ(print_string("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
}

TEST(Printer, PrintsBlockStringsLikeGraphqlJs) {
  EXPECT_EQ(print_block_string("short"), "\"\"\"short\"\"\"");
  EXPECT_EQ(print_block_string("two\nlines"), "\"\"\"\ntwo\nlines\n\"\"\"");
  EXPECT_EQ(print_block_string(" leading space"), "\"\"\" leading space\"\"\"");
  EXPECT_EQ(print_block_string("ends with \""), "\"\"\"\nends with \"\n\"\"\"");
  EXPECT_EQ(print_block_string("has \"\"\" inside"), "\"\"\"has \\\"\"\" inside\"\"\"");
  EXPECT_EQ(print_block_string("first\n  indented"), "\"\"\"\nfirst\n  indented\n\"\"\"");
}

TEST(Printer, PrintsSchemaDefinitionLanguage) {
  const std::string sdl =
      "\"\"\"The schema\"\"\"\n"
      "schema @d {\n  query: Query\n  mutation: Mutation\n}\n\n"
      "\"A date\"\nscalar DateTime @specifiedBy(url: \"https://example.com\")\n\n"
      "type Human implements Character & Node @key(fields: \"id\") {\n"
      "  \"\"\"\n  The id\n  on two lines\n  \"\"\"\n  id: ID!\n"
      "  friends(first: Int = 10, after: String): [Character!]! @deprecated(reason: \"no\")\n"
      "  described(\n    \"an arg\"\n    arg: Int\n  ): Int\n"
      "}\n\n"
      "interface Node implements Entity {\n  id: ID!\n}\n\n"
      "union SearchResult = Human | Droid\n\n"
      "enum Episode {\n  NEWHOPE\n  EMPIRE @deprecated\n}\n\n"
      "input ReviewInput {\n  stars: Int! = 5\n  commentary: String\n}\n\n"
      "directive @key(fields: String!) repeatable on OBJECT | INTERFACE\n\n"
      "extend schema @other\n\n"
      "extend type Human {\n  age: Int\n}\n\n"
      "extend union SearchResult = Starship\n\n"
      "extend scalar DateTime @x";
  EXPECT_EQ(reprint(sdl), sdl);
}

std::string read_testdata(const std::string& name) {
  const char* root = std::getenv("MYSPACE_SOURCE_DIR");
  if (root == nullptr) return {};
  std::ifstream file(std::string(root) + "/src/graphql/language/testdata/" + name);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// kitchen_sink.printed.graphql is graphql-js 16's print() of kitchen_sink.graphql.
TEST(Printer, MatchesGraphqlJsOnTheKitchenSink) {
  const std::string source = read_testdata("kitchen_sink.graphql");
  const std::string expected = read_testdata("kitchen_sink.printed.graphql");
  ASSERT_FALSE(source.empty());
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(reprint(source), expected);
  EXPECT_EQ(reprint(expected), expected);
}

TEST(Printer, PrintIsAFixedPointOfParse) {
  const std::string source = R"(
query Q($v: Int = 3) { a(b: [1, 2.5, "s", """block
string""", true, null, ENUM, {x: $v}]) { ... on T { c } } }
)";
  std::string once = reprint(source);
  EXPECT_EQ(reprint(once), once);
}

}  // namespace
}  // namespace myspace::graphql
