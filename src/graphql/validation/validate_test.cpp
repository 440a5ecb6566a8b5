#include "graphql/validation/validate.h"

#include <gtest/gtest.h>

#include "graphql/error/did_you_mean.h"
#include "graphql/language/parser.h"
#include "graphql/testing/star_wars_schema.h"

namespace myspace::graphql {
namespace {

using Messages = std::vector<std::string>;

class ValidateTest : public ::testing::Test {
 protected:
  std::shared_ptr<Schema> schema_ = Schema::from_sdl(testing::kStarWarsSdl);

  std::vector<GraphQLError> run(const std::string& query, const std::vector<RuleFactory>& rules) {
    return validate(*schema_, parse(query), rules);
  }
  Messages messages(const std::string& query,
                    const std::vector<RuleFactory>& rules = specified_rules()) {
    Messages out;
    for (const auto& e : run(query, rules)) out.push_back(e.message);
    return out;
  }
  // Only the named rule, so each test sees exactly the errors of its rule.
  Messages only(const std::string& rule, const std::string& query) {
    for (const auto& factory : specified_rules()) {
      if (factory.name == rule) return messages(query, {factory});
    }
    ADD_FAILURE() << "no rule " << rule;
    return {};
  }
  std::vector<SourceLocation> locations(const std::string& rule, const std::string& query) {
    for (const auto& factory : specified_rules()) {
      if (factory.name == rule) {
        auto errors = run(query, {factory});
        return errors.empty() ? std::vector<SourceLocation>{} : errors[0].locations;
      }
    }
    return {};
  }
};

TEST_F(ValidateTest, AcceptsValidDocuments) {
  EXPECT_EQ(messages(R"(
    query Hero($ep: Episode = JEDI, $withFriends: Boolean!, $first: Int) {
      hero(episode: $ep) {
        __typename
        ...Names
        ... on Human { homePlanet mass(unit: "LB") }
        friends @include(if: $withFriends) { name }
      }
      search(text: "a", first: $first) { ... on Starship { name length } ... on Node { id } }
      echo(review: {stars: 4, tags: ["x"]}, list: [1, 2], float: 1)
    }
    fragment Names on Character { name id }
    mutation Review($r: ReviewInput!) { createReview(episode: EMPIRE, review: $r) { stars } }
  )"),
            Messages{});
}

TEST_F(ValidateTest, ValidationErrorsHaveTheValidationCode) {
  auto errors = run("{ nope }", specified_rules());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].extensions.at("code"), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_EQ(errors[0].locations.at(0), (SourceLocation{1, 3}));
}

TEST_F(ValidateTest, ExecutableDefinitions) {
  EXPECT_EQ(
      only("ExecutableDefinitions", "{ hero { name } } type Foo { a: Int } schema { query: Foo }"),
      (Messages{"The \"Foo\" definition is not executable.",
                "The schema definition is not executable."}));
}

TEST_F(ValidateTest, UniqueOperationNames) {
  EXPECT_EQ(only("UniqueOperationNames", "query A { now } query A { now }"),
            Messages{"There can be only one operation named \"A\"."});
  EXPECT_EQ(locations("UniqueOperationNames", "query A { now } query A { now }"),
            (std::vector<SourceLocation>{{1, 7}, {1, 23}}));
}

TEST_F(ValidateTest, LoneAnonymousOperation) {
  EXPECT_EQ(only("LoneAnonymousOperation", "{ now } query B { now }"),
            Messages{"This anonymous operation must be the only defined operation."});
}

TEST_F(ValidateTest, SingleFieldSubscriptions) {
  auto schema = Schema::from_sdl("type Query { a: Int } type Subscription { a: Int b: Int }");
  auto run_rule = [&](const std::string& q) {
    Messages out;
    for (const auto& e : validate(*schema, parse(q), {{"S", rules::single_field_subscriptions}}))
      out.push_back(e.message);
    return out;
  };
  EXPECT_EQ(run_rule("subscription S { a b }"),
            Messages{"Subscription \"S\" must select only one top level field."});
  EXPECT_EQ(run_rule("subscription { a __typename }"),
            (Messages{"Anonymous Subscription must select only one top level field.",
                      "Anonymous Subscription must not select an introspection top level field."}));
  EXPECT_EQ(run_rule("subscription { a }"), Messages{});
}

// As graphql-js: without a subscription type the rule has nothing to check
// (execution refuses the operation instead).
TEST_F(ValidateTest, SingleFieldSubscriptionsWithoutSubscriptionType) {
  EXPECT_EQ(only("SingleFieldSubscriptions", "subscription S { hero { name } now }"), Messages{});
}

TEST_F(ValidateTest, KnownTypeNames) {
  EXPECT_EQ(
      only("KnownTypeNames",
           "query ($a: Epizode) { hero { ... on Hooman { name } } } fragment F on Nope { a }"),
      (Messages{"Unknown type \"Epizode\". Did you mean \"Episode\"?",
                "Unknown type \"Hooman\". Did you mean \"Human\" or \"Boolean\"?",
                "Unknown type \"Nope\". Did you mean \"Node\"?"}));
}

TEST_F(ValidateTest, FragmentsOnCompositeTypes) {
  EXPECT_EQ(only("FragmentsOnCompositeTypes",
                 "{ hero { ... on Episode { name } } } fragment F on Int { a }"),
            (Messages{"Fragment cannot condition on non composite type \"Episode\".",
                      "Fragment \"F\" cannot condition on non composite type \"Int\"."}));
}

TEST_F(ValidateTest, VariablesAreInputTypes) {
  EXPECT_EQ(only("VariablesAreInputTypes",
                 "query ($a: Human, $b: [Character!]!, $c: ReviewInput) { now }"),
            (Messages{"Variable \"$a\" cannot be non-input type \"Human\".",
                      "Variable \"$b\" cannot be non-input type \"[Character!]!\"."}));
}

TEST_F(ValidateTest, ScalarLeafs) {
  EXPECT_EQ(
      only("ScalarLeafs", "{ hero now { x } }"),
      (Messages{
          "Field \"hero\" of type \"Character\" must have a selection of subfields. Did you mean "
          "\"hero { ... }\"?",
          "Field \"now\" must not have a selection since type \"DateTime\" has no subfields."}));
}

TEST_F(ValidateTest, FieldsOnCorrectType) {
  EXPECT_EQ(
      only("FieldsOnCorrectType",
           "{ hero { nme homePlanet } human(id: 1) { __typename } search(text: \"\") { name } }"),
      (Messages{"Cannot query field \"nme\" on type \"Character\". Did you mean \"name\"?",
                "Cannot query field \"homePlanet\" on type \"Character\". Did you mean to use an "
                "inline fragment on \"Human\"?",
                "Cannot query field \"name\" on type \"SearchResult\". Did you mean to use an "
                "inline fragment on \"Character\", \"Droid\", \"Human\", or \"Starship\"?"}));
}

// graphql-js's order of suggested types: most used first, then an interface
// before its sub-types (Node before Character), then by name.
TEST_F(ValidateTest, FieldsOnCorrectTypeOrdersSuggestedTypesAsGraphqlJs) {
  EXPECT_EQ(only("FieldsOnCorrectType", "{ search(text: \"a\") { id } }"),
            Messages{"Cannot query field \"id\" on type \"SearchResult\". Did you mean to use an "
                     "inline fragment on \"Node\", \"Character\", \"Droid\", \"Human\", or "
                     "\"Starship\"?"});
}

TEST(DidYouMean, NaturalCompareOrdersDigitRunsAsNumbers) {
  EXPECT_LT(natural_compare("a2", "a10"), 0);
  EXPECT_GT(natural_compare("b", "a10"), 0);
  EXPECT_EQ(natural_compare("abc", "abc"), 0);
  EXPECT_LT(natural_compare("ab", "abc"), 0);
  // Equally near suggestions in natural order (lexically "abcd10" < "abcd2").
  EXPECT_EQ(suggestion_list("abcd12", {"abcd10", "abcd2"}),
            (std::vector<std::string>{"abcd2", "abcd10"}));
}

TEST_F(ValidateTest, UniqueFragmentNames) {
  EXPECT_EQ(
      only("UniqueFragmentNames",
           "{ hero { ...F } } fragment F on Character { name } fragment F on Character { id }"),
      Messages{"There can be only one fragment named \"F\"."});
}

TEST_F(ValidateTest, KnownFragmentNames) {
  EXPECT_EQ(only("KnownFragmentNames", "{ hero { ...Missing } }"),
            Messages{"Unknown fragment \"Missing\"."});
  EXPECT_EQ(locations("KnownFragmentNames", "{ hero { ...Missing } }"),
            (std::vector<SourceLocation>{{1, 13}}));
}

TEST_F(ValidateTest, NoUnusedFragments) {
  EXPECT_EQ(only("NoUnusedFragments",
                 "{ hero { ...A } } fragment A on Character { ...B } fragment B on Character { id "
                 "} fragment C on Character { id }"),
            Messages{"Fragment \"C\" is never used."});
}

TEST_F(ValidateTest, PossibleFragmentSpreads) {
  EXPECT_EQ(only("PossibleFragmentSpreads",
                 "{ hero { ... on Starship { name } ...S } } fragment S on Starship { id }"),
            (Messages{"Fragment cannot be spread here as objects of type \"Character\" can never "
                      "be of type \"Starship\".",
                      "Fragment \"S\" cannot be spread here as objects of type \"Character\" can "
                      "never be of type \"Starship\"."}));
  EXPECT_EQ(only("PossibleFragmentSpreads",
                 "{ search(text: \"\") { ... on Character { name } ... on Droid { id } } }"),
            Messages{});
}

TEST_F(ValidateTest, NoFragmentCycles) {
  EXPECT_EQ(only("NoFragmentCycles", "fragment A on Human { ...A }"),
            Messages{"Cannot spread fragment \"A\" within itself."});
  EXPECT_EQ(
      only(
          "NoFragmentCycles",
          "fragment A on Human { ...B } fragment B on Human { ...C } fragment C on Human { ...A }"),
      Messages{"Cannot spread fragment \"A\" within itself via \"B\", \"C\"."});
}

TEST_F(ValidateTest, UniqueVariableNames) {
  EXPECT_EQ(only("UniqueVariableNames", "query ($a: Int, $a: String) { now }"),
            Messages{"There can be only one variable named \"$a\"."});
}

TEST_F(ValidateTest, NoUndefinedVariables) {
  EXPECT_EQ(only("NoUndefinedVariables",
                 "query Q { hero(episode: $ep) { ...F } } fragment F on Character { friends { name "
                 "} ... on Human { mass(unit: $u) } }"),
            (Messages{"Variable \"$ep\" is not defined by operation \"Q\".",
                      "Variable \"$u\" is not defined by operation \"Q\"."}));
  EXPECT_EQ(only("NoUndefinedVariables", "{ hero(episode: $ep) { name } }"),
            Messages{"Variable \"$ep\" is not defined."});
}

TEST_F(ValidateTest, NoUnusedVariables) {
  EXPECT_EQ(only("NoUnusedVariables",
                 "query Q($a: Int, $b: String) { ...F } fragment F on Query { echo(value: $b) }"),
            Messages{"Variable \"$a\" is never used in operation \"Q\"."});
}

TEST_F(ValidateTest, KnownDirectives) {
  EXPECT_EQ(
      only("KnownDirectives", "query @skip(if: true) { now @unknown hero @deprecated { name } }"),
      (Messages{"Directive \"@skip\" may not be used on QUERY.", "Unknown directive \"@unknown\".",
                "Directive \"@deprecated\" may not be used on FIELD."}));
}

TEST_F(ValidateTest, UniqueDirectivesPerLocation) {
  EXPECT_EQ(only("UniqueDirectivesPerLocation", "{ now @skip(if: true) @skip(if: false) }"),
            Messages{"The directive \"@skip\" can only be used once at this location."});
}

TEST_F(ValidateTest, KnownArgumentNames) {
  EXPECT_EQ(
      only("KnownArgumentNames",
           "{ hero(episod: JEDI) { name } now @skip(iff: true) @unknown(x: 1) }"),
      (Messages{"Unknown argument \"episod\" on field \"Query.hero\". Did you mean \"episode\"?",
                "Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?"}));
}

TEST_F(ValidateTest, UniqueArgumentNames) {
  EXPECT_EQ(only("UniqueArgumentNames", "{ hero(episode: JEDI, episode: EMPIRE) { name } }"),
            Messages{"There can be only one argument named \"episode\"."});
}

TEST_F(ValidateTest, ValuesOfCorrectType) {
  EXPECT_EQ(
      only("ValuesOfCorrectType", R"({
      a: hero(episode: FOO) { name }
      b: hero(episode: "JEDI") { name }
      c: echo(int: "x", float: true, value: 1, list: [1, "2"])
      d: echo(int: 3000000000)
      e: echo(review: {commentary: "c", bogus: 1})
      f: human(id: null) { name }
      g: echo(review: 5)
    })"),
      (Messages{"Value \"FOO\" does not exist in \"Episode\" enum.",
                "Enum \"Episode\" cannot represent non-enum value: \"JEDI\". Did you mean the enum "
                "value \"JEDI\"?",
                "Int cannot represent non-integer value: \"x\"",
                "Float cannot represent non numeric value: true",
                "String cannot represent a non string value: 1",
                "Int cannot represent non-integer value: \"2\"",
                "Int cannot represent non 32-bit signed integer value: 3000000000",
                "Field \"ReviewInput.stars\" of required type \"Int!\" was not provided.",
                "Field \"bogus\" is not defined by type \"ReviewInput\". Did you mean \"tags\"?",
                "Expected value of type \"ID!\", found null.",
                "Expected value of type \"ReviewInput\", found 5."}));
}

TEST_F(ValidateTest, ValuesOfCorrectTypeUsesCustomScalarParsers) {
  auto schema = Schema::from_sdl("scalar Money type Query { pay(amount: Money): Int }");
  schema->scalar("Money",
                 ScalarFunctions{nullptr,
                                 [](const Value& v) -> Value {
                                   if (!v.is_string())
                                     throw std::invalid_argument("Money must be a decimal string");
                                   return v;
                                 },
                                 nullptr});
  auto errors = validate(*schema, parse("{ pay(amount: 1.5) ok: pay(amount: \"1.50\") }"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message,
            "Expected value of type \"Money\", found 1.5; Money must be a decimal string");
}

TEST_F(ValidateTest, ProvidedRequiredArguments) {
  EXPECT_EQ(
      only("ProvidedRequiredArguments", "{ human { name } now @include }"),
      (Messages{
          "Field \"human\" argument \"id\" of type \"ID!\" is required, but it was not provided.",
          "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not "
          "provided."}));
}

// Unknown directive arguments are reported on entering the directive, missing
// required ones on leaving it (graphql-js's order).
TEST_F(ValidateTest, DirectiveArgumentErrorsInGraphqlJsOrder) {
  EXPECT_EQ(messages("{ hero { name @skip(iff: true) } }"),
            (Messages{"Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?",
                      "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but "
                      "it was not provided."}));
}

TEST_F(ValidateTest, VariablesInAllowedPosition) {
  EXPECT_EQ(
      only("VariablesInAllowedPosition",
           "query ($id: ID, $ep: Episode, $b: Boolean) { human(id: $id) { name } hero(episode: "
           "$ep) { name @include(if: $b) } }"),
      (Messages{
          "Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".",
          "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\"."}));
  EXPECT_EQ(
      only("VariablesInAllowedPosition",
           "query ($id: ID = \"1\", $s: String) { human(id: $id) { name } echo(int: $s) }"),
      Messages{"Variable \"$s\" of type \"String\" used in position expecting type \"Int\"."});
  EXPECT_EQ(only("VariablesInAllowedPosition",
                 "query ($u: String) { human(id: \"1\") { mass(unit: $u) } } "),
            Messages{});
}

TEST_F(ValidateTest, OverlappingFieldsCanBeMerged) {
  EXPECT_EQ(only("OverlappingFieldsCanBeMerged", "{ hero { name: id name } }"),
            Messages{"Fields \"name\" conflict because \"id\" and \"name\" are different fields. "
                     "Use different aliases on the fields to fetch both if this was intentional."});
  EXPECT_EQ(only("OverlappingFieldsCanBeMerged",
                 "{ hero(episode: JEDI) { name } hero(episode: EMPIRE) { name } }"),
            Messages{"Fields \"hero\" conflict because they have differing arguments. Use "
                     "different aliases on the fields to fetch both if this was intentional."});
  EXPECT_EQ(only("OverlappingFieldsCanBeMerged",
                 "{ hero { ... on Human { x: homePlanet } ... on Droid { x: primaryFunction } } }"),
            Messages{});
  EXPECT_EQ(
      only("OverlappingFieldsCanBeMerged",
           "{ search(text: \"\") { ... on Human { x: mass } ... on Starship { x: name } } }"),
      Messages{
          "Fields \"x\" conflict because they return conflicting types \"Float\" and \"String!\". "
          "Use different aliases on the fields to fetch both if this was intentional."});
  EXPECT_EQ(only("OverlappingFieldsCanBeMerged",
                 "{ hero { friends { x: name } } ...F } fragment F on Query { hero { friends { x: "
                 "id } } }"),
            Messages{"Fields \"hero\" conflict because subfields \"friends\" conflict because "
                     "subfields \"x\" conflict because \"name\" and \"id\" are different fields. "
                     "Use different aliases on the fields to fetch both if this was intentional."});
  EXPECT_EQ(locations("OverlappingFieldsCanBeMerged", "{ hero { name: id name } }"),
            (std::vector<SourceLocation>{{1, 10}, {1, 19}}));
}

// Direct fields (inline fragments included) are compared with a spread
// fragment's fields with the direct one first, as graphql-js does.
TEST_F(ValidateTest, OverlappingFieldsReportsDirectFieldsBeforeFragmentFields) {
  const std::string query =
      "{ hero { ...A ... on Character { x: id } } } fragment A on Character { x: name }";
  EXPECT_EQ(only("OverlappingFieldsCanBeMerged", query),
            Messages{"Fields \"x\" conflict because \"id\" and \"name\" are different fields. Use "
                     "different aliases on the fields to fetch both if this was intentional."});
  EXPECT_EQ(locations("OverlappingFieldsCanBeMerged", query),
            (std::vector<SourceLocation>{{1, 34}, {1, 72}}));
}

TEST_F(ValidateTest, UniqueInputFieldNames) {
  EXPECT_EQ(only("UniqueInputFieldNames", "{ echo(review: {stars: 1, stars: 2}) }"),
            Messages{"There can be only one input field named \"stars\"."});
}

TEST_F(ValidateTest, StopsAfterTooManyErrors) {
  std::string query = "{";
  for (int i = 0; i < 30; ++i) query += " f" + std::to_string(i);
  query += " }";
  auto errors = validate(*schema_, parse(query), specified_rules(), 10);
  ASSERT_EQ(errors.size(), 11u);
  EXPECT_EQ(errors.back().message,
            "Too many validation errors, error limit reached. Validation aborted.");
}

TEST_F(ValidateTest, DepthLimitCountsThroughFragments) {
  Limits limits;
  limits.depth = rules::DepthLimit{3};
  auto rules = with_limits({}, limits);
  EXPECT_EQ(messages("{ hero { friends { name } } }", rules), Messages{});
  EXPECT_EQ(
      messages(
          "query Deep { hero { ...F } } fragment F on Character { friends { friends { name } } }",
          rules),
      Messages{"Operation \"Deep\" is nested 4 levels deep, more than the maximum of 3."});
  EXPECT_EQ(messages("{ __schema { types { fields { type { ofType { name } } } } } }", rules),
            Messages{});
}

// Introspection is limited by bounds of its own (rules.h): deeper and
// costlier than data may be — its lists are not multiplied — but not
// without end, and copies made with aliases each pay in full.
TEST_F(ValidateTest, IntrospectionHasDepthAndCostBoundsOfItsOwn) {
  Limits limits;
  limits.depth = rules::DepthLimit{.max_depth = 3};
  limits.cost = rules::CostLimit{.max_cost = 10, .max_introspection_cost = 20};
  auto rules = with_limits({}, limits);
  EXPECT_EQ(
      messages("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }", rules),
      Messages{});
  std::string chain = "{ __type(name: \"Human\") { ";
  for (int i = 0; i < 13; ++i) chain += "ofType { ";
  chain += "name" + std::string(14, '}') + " }";
  EXPECT_EQ(messages(chain, rules), Messages{});  // __type, 13 ofType, name: 15 deep
  chain.insert(chain.find("ofType"), "ofType { ");
  chain += " }";
  EXPECT_EQ(messages(chain, rules),
            Messages{"Introspection in the operation is nested 16 levels deep, more than the "
                     "maximum of 15."});
  std::string copies = "query Copies {";
  for (int i = 0; i < 7; ++i) copies += " a" + std::to_string(i) + ": __schema { types { name } }";
  copies += " }";
  EXPECT_EQ(messages(copies, rules),
            Messages{"Introspection in the operation has a cost of 21, more than the maximum of "
                     "20."});
  // Data beside introspection still answers to the data bounds; __typename
  // is never counted for depth (clients add it everywhere).
  EXPECT_EQ(messages("query Q { __schema { types { name } } hero { friends { friends { name "
                     "__typename } } } }",
                     rules),
            (Messages{"Operation \"Q\" is nested 4 levels deep, more than the maximum of 3.",
                      "The operation has a cost of 212, more than the maximum of 10."}));
  limits.cost.reset();
  EXPECT_EQ(messages("{ hero { friends { friends { __typename } } } }", with_limits({}, limits)),
            Messages{});
}

// graphql-js's MaxIntrospectionDepthRule, last of its specified rules: at most
// two of the lists that walk from type to type may nest.
TEST_F(ValidateTest, MaxIntrospectionDepthStopsWalksThroughTheSchemaGraph) {
  EXPECT_EQ(specified_rules().back().name, "MaxIntrospectionDepth");
  EXPECT_EQ(only("MaxIntrospectionDepth",
                 "{ __schema { types { fields { type { fields { name } } "
                 "} } } }"),
            Messages{});
  const std::string cycle =
      "{ __type(name: \"Human\") { fields { type { fields { type { fields { name } } } } } } }";
  EXPECT_EQ(only("MaxIntrospectionDepth", cycle), Messages{"Maximum introspection depth exceeded"});
  EXPECT_EQ(locations("MaxIntrospectionDepth", cycle), (std::vector<SourceLocation>{{1, 3}}));
  // Through fragments too, a fragment passing at one depth and failing deeper.
  EXPECT_EQ(only("MaxIntrospectionDepth",
                 "{ a: __type(name: \"Human\") { ...F } b: __type(name: \"Droid\") { fields { "
                 "type { interfaces { ...F } } } } } fragment F on __Type { fields { name } }"),
            Messages{"Maximum introspection depth exceeded"});
}

// Spec, September 2025 edition: a oneOf literal names exactly one field, not
// null; a variable filling that field must be non-null.
TEST_F(ValidateTest, OneOfInputObjectValues) {
  EXPECT_EQ(only("ValuesOfCorrectType", "{ pick(by: {id: \"1\"}) }"), Messages{});
  EXPECT_EQ(only("ValuesOfCorrectType", "{ pick(by: {id: \"1\", name: \"x\"}) }"),
            Messages{"OneOf Input Object \"CharacterBy\" must specify exactly one key."});
  EXPECT_EQ(only("ValuesOfCorrectType", "{ pick(by: {}) }"),
            Messages{"OneOf Input Object \"CharacterBy\" must specify exactly one key."});
  EXPECT_EQ(only("ValuesOfCorrectType", "{ pick(by: {id: null}) }"),
            Messages{"Field \"CharacterBy.id\" must be non-null."});
  EXPECT_EQ(only("VariablesInAllowedPosition", "query ($id: ID) { echo(by: {id: $id}) }"),
            Messages{"Variable \"$id\" is of type \"ID\" but must be non-nullable to be used for "
                     "OneOf Input Object \"CharacterBy\"."});
  EXPECT_EQ(only("VariablesInAllowedPosition", "query ($id: ID!) { echo(by: {id: $id}) }"),
            Messages{});
}

// With introspection off, messages suggest no names of the schema (graphql-js's
// hideSuggestions): they would give it away one probe at a time.
TEST(Validate, SuggestsNoNamesWhenIntrospectionIsOff) {
  auto schema = Schema::from_sdl(testing::kStarWarsSdl);
  const std::string query =
      "query ($e: Episod) { heroo { name } hero(episod: JEDI) { nam homePlanet } echo(review: "
      "{star: 1, stars: 1}) human(id: 1) { appearsIn } droid(id: EMPIR) { id } }";
  auto has_suggestion = [&] {
    for (const auto& error : validate(*schema, parse(query))) {
      if (error.message.find("Did you mean") != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_suggestion());
  schema->set_introspection(false);
  EXPECT_FALSE(has_suggestion());
  EXPECT_EQ(validate(*schema, parse("{ heroo { name } }")).at(0).message,
            "Cannot query field \"heroo\" on type \"Query\".");
}

TEST_F(ValidateTest, AliasAndDirectiveLimits) {
  Limits limits;
  limits.max_aliases = 2;
  limits.max_directives = 2;
  auto rules = with_limits({}, limits);
  EXPECT_EQ(messages("{ a: now b: now }", rules), Messages{});
  EXPECT_EQ(messages("{ a: now ...F ...F } fragment F on Query { b: now }", rules),
            Messages{"The operation uses 3 aliases, more than the maximum of 2."});
  EXPECT_EQ(
      messages("{ now @skip(if: false) @include(if: true) hero @skip(if: false) { name } }", rules),
      Messages{"The operation uses 3 directives, more than the maximum of 2."});
}

TEST_F(ValidateTest, CostLimitMultipliesByPageSize) {
  Limits limits;
  limits.cost = rules::CostLimit{};
  limits.cost->max_cost = 100;
  auto rules = with_limits({}, limits);
  // search: 1 + first(10) * (1 + 1) = 21
  EXPECT_EQ(messages("{ search(text: \"a\") { ... on Human { name id } } }", rules), Messages{});
  // 1 + 60 * 2 = 121
  EXPECT_EQ(messages("{ search(text: \"a\", first: 60) { ... on Human { name id } } }", rules),
            Messages{"The operation has a cost of 121, more than the maximum of 100."});
  // friends is a list without a size argument: default_list_size (10) per level.
  EXPECT_EQ(messages("query ($n: Int = 5) { hero { friends { friends { name } } } search(text: "
                     "\"\", first: $n) { __typename } }",
                     rules),
            Messages{"The operation has a cost of 118, more than the maximum of 100."});
  boost::json::object variables{{"n", 1}};
  limits.cost->variables = &variables;
  EXPECT_EQ(messages("query ($n: Int = 50) { search(text: \"\", first: $n) { __typename } }",
                     with_limits({}, limits)),
            Messages{});
}

// Found by fuzzing: a fragment spreading itself under two same-named fields
// made the overlap comparison recurse until the stack overflowed.
TEST_F(ValidateTest, SelfSpreadUnderSameNamedFieldsTerminates) {
  const std::string query =
      "fragment J on Character { friends { ...J } friends { ...J } } { hero { ...J } }";
  EXPECT_TRUE(only("OverlappingFieldsCanBeMerged", query).empty());
  const auto all = messages(query);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.front(), "Cannot spread fragment \"J\" within itself.");
}

}  // namespace
}  // namespace myspace::graphql
