// The GraphQL safety limits as the live `myspace gateway` applies them: with
// no GRAPHQL_MAX_* variable set, graphql-armor's defaults (1000 tokens, depth
// 6, 15 aliases, 50 directives, cost 5000), each tested just inside and just
// over; with each variable set, its value instead. The engine's rules have
// their own unit tests; these test the wiring that turns them on.

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cstdlib>

#include "system.h"

namespace myspace::testing {
namespace {

namespace json = boost::json;

constexpr const char* kAccept = "application/graphql-response+json";

std::string repeated(std::string_view text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out.append(text).append(" ");
  return out;
}

// `{ a1: __typename … aN: __typename }`
std::string aliases(std::size_t count) {
  std::string out = "{ ";
  for (std::size_t i = 1; i <= count; ++i) out += "a" + std::to_string(i) + ": __typename ";
  return out + "}";
}

// The messages of a reply's errors, for readable failures.
std::vector<std::string> messages(const Reply& reply) {
  std::vector<std::string> out;
  const auto body = reply.json();
  if (const auto* errors = body.as_object().if_contains("errors")) {
    for (const auto& error : errors->as_array()) {
      out.emplace_back(error.at("message").as_string());
    }
  }
  return out;
}

// Accepted: executed, with data and without errors.
void expect_accepted(std::uint16_t port, const std::string& query) {
  const auto reply = post_query(port, query, kAccept);
  EXPECT_EQ(reply.status, 200) << query << "\n" << reply.body;
  EXPECT_TRUE(messages(reply).empty()) << query << "\n" << reply.body;
  EXPECT_TRUE(reply.json().as_object().contains("data")) << reply.body;
}

// Refused before execution with exactly this one error.
void expect_refused(std::uint16_t port, const std::string& query, const std::string& message,
                    const std::string& code = "GRAPHQL_VALIDATION_FAILED") {
  const auto reply = post_query(port, query, kAccept);
  EXPECT_EQ(reply.status, 400) << query << "\n" << reply.body;
  EXPECT_EQ(messages(reply), std::vector<std::string>{message}) << query;
  EXPECT_FALSE(reply.json().as_object().contains("data")) << reply.body;
  if (reply.json().as_object().contains("errors")) {
    EXPECT_EQ(reply.json().at("errors").at(0).at("extensions").at("code").as_string(), code);
  }
}

class GraphqlLimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The gateways inherit this process's environment: whatever the caller
    // exported must not stand in for the defaults under test.
    for (const char* name : {"GRAPHQL_MAX_TOKENS", "GRAPHQL_MAX_DEPTH", "GRAPHQL_MAX_ALIASES",
                             "GRAPHQL_MAX_DIRECTIVES", "GRAPHQL_MAX_COST"}) {
      unsetenv(name);
    }
    system_ = new GatewaySystem();
  }
  static void TearDownTestSuite() {
    delete system_;
    system_ = nullptr;
    defaults_port_ = configured_port_ = 0;
  }

  // Started on first use: each test needs only one of them.
  static std::uint16_t defaults_port() {
    if (defaults_port_ == 0) {
      defaults_port_ = system_->start_gateway();
    }
    return defaults_port_;
  }
  static std::uint16_t configured_port() {
    if (configured_port_ == 0) {
      configured_port_ = system_->start_extra_gateway({{"GRAPHQL_MAX_TOKENS", "30"},
                                                       {"GRAPHQL_MAX_DEPTH", "2"},
                                                       {"GRAPHQL_MAX_ALIASES", "2"},
                                                       {"GRAPHQL_MAX_DIRECTIVES", "2"},
                                                       {"GRAPHQL_MAX_COST", "31"}});
    }
    return configured_port_;
  }

  // `{ jobs { client { x { x { … { x } } } } } }`, `depth` fields deep (at least 3).
  // The marketplace's types nest three deep at most and introspection has a
  // bound of its own, so no valid query comes near the default depth; the
  // depth rule measures any document, though, so nesting under an unknown
  // field shows where the limit lies.
  static std::string nested(std::size_t depth) {
    std::string query = "{ jobs { client { ";
    for (std::size_t i = 3; i < depth; ++i) query += "x { ";
    query += "x";
    for (std::size_t i = 1; i < depth; ++i) query += " }";
    return query + " }";
  }

  static GatewaySystem* system_;
  static std::uint16_t defaults_port_;
  static std::uint16_t configured_port_;
};
GatewaySystem* GraphqlLimitsTest::system_ = nullptr;
std::uint16_t GraphqlLimitsTest::defaults_port_ = 0;
std::uint16_t GraphqlLimitsTest::configured_port_ = 0;

// One test for all five defaults (and one for the variables below): each
// test runs in a process of its own under CTest, and the system it starts
// costs seconds, the queries milliseconds.
TEST_F(GraphqlLimitsTest, DefaultsApplyWithNoVariableSet) {
  const auto port = defaults_port();
  {
    SCOPED_TRACE("depth 6");
    const std::string too_deep =
        "The operation is nested 7 levels deep, more than the maximum of 6.";
    const auto six = messages(post_query(port, nested(6), kAccept));
    const auto seven = messages(post_query(port, nested(7), kAccept));
    ASSERT_FALSE(six.empty());  // x is not a field of User
    EXPECT_EQ(std::count(six.begin(), six.end(), too_deep), 0) << six.front();
    EXPECT_EQ(std::count(seven.begin(), seven.end(), too_deep), 1) << seven.front();
  }
  {
    // Every field costs 1, and a field's selection is paid once per item it
    // may return: 10 for jobs (a list without a page size argument). A
    // fragment counts wherever it is spread; spreading one keeps the document
    // within the budget for comparing same-named fields, which a field
    // repeated hundreds of times would exceed.
    SCOPED_TRACE("cost 5000");
    const std::string fragment =
        " fragment F on Job { id title description category budgetMin budgetMax status "
        "skillsRequired createdAt __typename }";  // 10
    const std::string jobs = "{ jobs { " + repeated("...F", 49) + repeated("id", 9) + "} ";
    // 1 + 10 × (49 × 10 + 9) = 4991 for jobs, then 1 per __typename.
    expect_accepted(port, jobs + repeated("__typename", 9) + "}" + fragment);
    expect_refused(port, jobs + repeated("__typename", 10) + "}" + fragment,
                   "The operation has a cost of 5001, more than the maximum of 5000.");
  }
  {
    SCOPED_TRACE("1000 tokens");
    // 1 + N + 2 × 495 + 1, then 7 for the fragment: N + 999 tokens (`...` is one).
    const auto document = [](std::size_t typenames) {
      return "{ " + repeated("__typename", typenames) + repeated("...F", 495) +
             "} fragment F on Query { __typename }";
    };
    expect_accepted(port, document(1));
    expect_refused(port, document(2),
                   "Syntax Error: Document contains more than 1000 tokens. Parsing aborted.",
                   "GRAPHQL_PARSE_FAILED");
  }
  {
    SCOPED_TRACE("15 aliases");
    expect_accepted(port, aliases(15));
    expect_refused(port, aliases(16),
                   "The operation uses 16 aliases, more than the maximum of 15.");
  }
  {
    SCOPED_TRACE("50 directives");
    const std::string field = "__typename @include(if: true)";
    expect_accepted(port, "{ " + repeated(field, 50) + "}");
    expect_refused(port, "{ " + repeated(field, 51) + "}",
                   "The operation uses 51 directives, more than the maximum of 50.");
  }
}

TEST_F(GraphqlLimitsTest, EachVariableIsHonoured) {
  const auto port = configured_port();
  // GRAPHQL_MAX_TOKENS=30: `{`, N fields, `}`.
  expect_accepted(port, "{ " + repeated("__typename", 28) + "}");
  expect_refused(port, "{ " + repeated("__typename", 29) + "}",
                 "Syntax Error: Document contains more than 30 tokens. Parsing aborted.",
                 "GRAPHQL_PARSE_FAILED");
  // GRAPHQL_MAX_DEPTH=2
  expect_accepted(port, "{ jobs { id } }");
  expect_refused(port, "{ jobs { client { id } } }",
                 "The operation is nested 3 levels deep, more than the maximum of 2.");
  // GRAPHQL_MAX_ALIASES=2
  expect_accepted(port, aliases(2));
  expect_refused(port, aliases(3), "The operation uses 3 aliases, more than the maximum of 2.");
  // GRAPHQL_MAX_DIRECTIVES=2 (8 tokens each: `@` is one)
  const std::string field = "__typename @include(if: true)";
  expect_accepted(port, "{ " + repeated(field, 2) + "}");
  expect_refused(port, "{ " + repeated(field, 3) + "}",
                 "The operation uses 3 directives, more than the maximum of 2.");
  // GRAPHQL_MAX_COST=31: 1 + 10 × 3, then one field more.
  expect_accepted(port, "{ jobs { id id id } }");
  expect_refused(port, "{ jobs { id id id } __typename }",
                 "The operation has a cost of 32, more than the maximum of 31.");
}

}  // namespace
}  // namespace myspace::testing
