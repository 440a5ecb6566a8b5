// The real `myspace gateway` against real PostgreSQL and Redis: the web's
// LatestJobs query, DataLoader batching (counted on /metrics), the jobs:list
// cache, GraphQL over HTTP (GET, 405 for mutations, parse errors, APQ, Accept,
// malformed bodies), CORS, the safety limits at their defaults (the standard
// introspection query passes, abusive introspection does not), production
// mode (no introspection, no suggestions) and Redis being down.

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "system.h"

namespace myspace::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// Exactly what web/ sends for the landing page.
constexpr const char* kLatestJobs =
    "query LatestJobs { jobs { id title description category budgetMin budgetMax status "
    "skillsRequired createdAt client { id displayName } } }";
constexpr const char* kApolloAccept = "application/graphql-response+json,application/json;q=0.9";

std::string code_of(const json::value& body, std::size_t i = 0) {
  return std::string(body.at("errors").at(i).at("extensions").at("code").as_string());
}

std::string read_fixture(const std::string& name) {
  std::ifstream in(MYSPACE_SOURCE_DIR_PATH "/tests/integration/gateway/fixtures/" + name,
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every error message of a response, one per line.
std::string messages_of(const json::value& body) {
  std::string out;
  if (const auto* errors = body.as_object().if_contains("errors")) {
    for (const auto& error : errors->as_array()) {
      out += std::string(error.at("message").as_string()) + "\n";
    }
  }
  return out;
}

// Refused before execution: 400 under graphql-response+json, no "data" at all.
void expect_refused(const Reply& reply, std::string_view code, std::string_view message) {
  EXPECT_EQ(reply.status, 400) << reply.body.substr(0, 2000);
  const auto body = reply.json();
  EXPECT_FALSE(body.as_object().contains("data")) << reply.body.substr(0, 2000);
  ASSERT_TRUE(body.as_object().contains("errors")) << reply.body.substr(0, 2000);
  EXPECT_EQ(code_of(body), code);
  EXPECT_NE(messages_of(body).find(message), std::string::npos) << messages_of(body);
}

std::string metrics(std::uint16_t port) {
  RequestSpec spec;
  spec.method = "GET";
  spec.target = "/metrics";
  spec.headers.clear();
  return http_request(port, spec).body;
}

// One system for the tests that only read.
class GatewayTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    system_ = new GatewaySystem();
    port_ = system_->start_gateway();
  }
  static void TearDownTestSuite() {
    delete system_;
    system_ = nullptr;
  }
  static GatewaySystem* system_;
  static std::uint16_t port_;
};
GatewaySystem* GatewayTest::system_ = nullptr;
std::uint16_t GatewayTest::port_ = 0;

TEST_F(GatewayTest, LatestJobsReturnsTheSeededOpenJobsWithMoneyStringsAndClients) {
  const auto reply = post_query(port_, kLatestJobs, kApolloAccept);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/graphql-response+json; charset=utf-8");
  const auto body = reply.json();
  EXPECT_FALSE(body.as_object().contains("errors")) << reply.body;
  const auto& jobs = body.at("data").at("jobs").as_array();
  ASSERT_EQ(jobs.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"job_demo00000001", "Northwind Traders"},
      {"job_demo00000002", "Lumen Labs GmbH"},
      {"job_demo00000003", "Pixel Harbor Studio"},
      {"job_demo00000004", "Northwind Traders"},
      {"job_demo00000005", "Lumen Labs GmbH"}};
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    EXPECT_EQ(jobs[i].at("id").as_string(), expected[i].first);
    EXPECT_EQ(jobs[i].at("client").at("displayName").as_string(), expected[i].second);
    EXPECT_EQ(jobs[i].at("status").as_string(), "OPEN");
    EXPECT_TRUE(jobs[i].at("budgetMin").is_string());
    EXPECT_TRUE(std::regex_match(std::string(jobs[i].at("createdAt").as_string()),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  }
  const auto& first = jobs[0].as_object();
  EXPECT_EQ(first.at("title").as_string(), "React dashboard for a logistics startup");
  EXPECT_EQ(first.at("budgetMin").as_string(), "2500.00");
  EXPECT_EQ(first.at("budgetMax").as_string(), "4000.00");
  EXPECT_EQ(first.at("category").as_string(), "Web Development");
  EXPECT_EQ(json::serialize(first.at("skillsRequired")), R"(["React","TypeScript","GraphQL"])");
  EXPECT_EQ(first.at("client").at("id").as_string(), "usr_demoClient0001");
  EXPECT_EQ(jobs[2].at("budgetMax").as_string(), "2000.00");
  // Internal ids never leave the server.
  EXPECT_EQ(reply.body.find("_clientId"), std::string::npos);
  EXPECT_EQ(reply.body.find("client_id"), std::string::npos);
}

TEST_F(GatewayTest, AllClientsOfAPageAreLoadedInOneUsersQuery) {
  const auto before = metrics(port_);
  const auto reply = post_query(port_, kLatestJobs);
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_EQ(reply.json().at("data").at("jobs").as_array().size(), 5u);
  const auto after = metrics(port_);
  const std::string batches = R"(graphql_loader_batches_total{loader="users"})";
  const std::string keys = R"(graphql_loader_keys_total{loader="users"})";
  // Five jobs, three distinct clients: one batch (one SQL query) for all of them.
  EXPECT_EQ(metric_value(after, batches) - metric_value(before, batches), 1) << after;
  EXPECT_EQ(metric_value(after, keys) - metric_value(before, keys), 3) << after;
}

TEST_F(GatewayTest, QueriesWorkOverGetAndMutationsAreRefusedWith405) {
  const auto query = get_query(port_, {{"query", "{ __typename }"}});
  ASSERT_EQ(query.status, 200) << query.body;
  EXPECT_EQ(query.json().at("data").at("__typename").as_string(), "Query");

  const auto mutation = get_query(port_, {{"query", "mutation M { __typename }"}}, kApolloAccept);
  EXPECT_EQ(mutation.status, 405) << mutation.body;
  EXPECT_EQ(mutation.header("Allow"), "POST");
  EXPECT_EQ(code_of(mutation.json()), "METHOD_NOT_ALLOWED");
}

TEST_F(GatewayTest, ParseErrorsAre400WithCodeAndLocation) {
  const auto reply = post_query(port_, "{ jobs { id }", "application/graphql-response+json");
  ASSERT_EQ(reply.status, 400) << reply.body;
  const auto body = reply.json();
  EXPECT_FALSE(body.as_object().contains("data"));
  EXPECT_EQ(code_of(body), "GRAPHQL_PARSE_FAILED");
  const auto& location = body.at("errors").at(0).at("locations").at(0);
  EXPECT_EQ(location.at("line").as_int64(), 1);
  EXPECT_EQ(location.at("column").as_int64(), 14);
  EXPECT_NE(std::string(body.at("errors").at(0).at("message").as_string()).find("Syntax Error"),
            std::string::npos);

  // application/json clients get the same errors with 200, as the spec says.
  const auto legacy = post_query(port_, "{ jobs { id }", "application/json");
  EXPECT_EQ(legacy.status, 200);
  EXPECT_EQ(code_of(legacy.json()), "GRAPHQL_PARSE_FAILED");
}

TEST_F(GatewayTest, AutomaticPersistedQueriesMissRegisterThenHit) {
  const std::string query = "query PersistedJobs { jobs { id } }";
  const std::string wrong_hash(64, '0');
  const auto apq = [&](const std::string& sha) {
    return json::object{{"persistedQuery", json::object{{"version", 1}, {"sha256Hash", sha}}}};
  };
  RequestSpec spec;
  spec.headers["Accept"] = kApolloAccept;

  // Registering under a hash that is not the document's SHA-256 is refused.
  spec.body = json::serialize(json::object{{"query", query}, {"extensions", apq(wrong_hash)}});
  const auto mismatch = http_request(port_, spec);
  EXPECT_EQ(mismatch.status, 400) << mismatch.body;
  EXPECT_EQ(code_of(mismatch.json()), "BAD_USER_INPUT");

  const auto real_hash = [&] {
    // The document's real hash, as Apollo Client computes it.
    const auto result = run_command({"sh", "-c", "printf '%s' '" + query + "' | sha256sum"});
    return result.output.substr(0, 64);
  }();
  spec.body = json::serialize(json::object{{"extensions", apq(real_hash)}});
  const auto miss = http_request(port_, spec);
  EXPECT_EQ(miss.status, 400) << miss.body;  // no data: a request error under graphql-response+json
  EXPECT_EQ(code_of(miss.json()), "PERSISTED_QUERY_NOT_FOUND");
  EXPECT_EQ(miss.json().at("errors").at(0).at("message").as_string(), "PersistedQueryNotFound");

  spec.body = json::serialize(json::object{{"query", query}, {"extensions", apq(real_hash)}});
  const auto registered = http_request(port_, spec);
  ASSERT_EQ(registered.status, 200) << registered.body;
  EXPECT_EQ(registered.json().at("data").at("jobs").as_array().size(), 5u);

  // The hash alone now runs the document, over POST and over GET.
  spec.body = json::serialize(json::object{{"extensions", apq(real_hash)}});
  const auto hit = http_request(port_, spec);
  ASSERT_EQ(hit.status, 200) << hit.body;
  EXPECT_EQ(hit.json().at("data").at("jobs").as_array().size(), 5u);
  const auto get_hit =
      get_query(port_, {{"extensions", json::serialize(apq(real_hash))}}, kApolloAccept);
  ASSERT_EQ(get_hit.status, 200) << get_hit.body;
  EXPECT_EQ(get_hit.json().at("data").at("jobs").as_array().size(), 5u);
}

TEST_F(GatewayTest, MalformedRequestsGetClearErrors) {
  RequestSpec text;
  text.headers["Content-Type"] = "text/plain";
  text.body = R"({"query":"{ __typename }"})";
  const auto unsupported = http_request(port_, text);
  EXPECT_EQ(unsupported.status, 415);
  EXPECT_EQ(code_of(unsupported.json()), "UNSUPPORTED_MEDIA_TYPE");

  RequestSpec broken;
  broken.body = R"({ "not a JSON)";
  const auto invalid = http_request(port_, broken);
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(code_of(invalid.json()), "BAD_USER_INPUT");
  EXPECT_EQ(invalid.json().at("errors").at(0).at("message").as_string(),
            "request body is not valid JSON");

  RequestSpec variables;
  variables.body = R"({"query":"{ __typename }","variables":"{}"})";
  const auto bad_variables = http_request(port_, variables);
  EXPECT_EQ(bad_variables.status, 400);
  EXPECT_EQ(bad_variables.json().at("errors").at(0).at("message").as_string(),
            "\"variables\" must be an object");

  const auto not_acceptable = post_query(port_, "{ __typename }", "text/html");
  EXPECT_EQ(not_acceptable.status, 406);
  EXPECT_EQ(code_of(not_acceptable.json()), "NOT_ACCEPTABLE");
}

TEST_F(GatewayTest, VariablesAndOperationNameAreHonoured) {
  RequestSpec spec;
  spec.headers["Accept"] = "application/graphql-response+json";
  spec.body = json::serialize(json::object{
      {"query",
       "query A { a: __typename } query B($name: String!) { __type(name: $name) { name } }"},
      {"operationName", "B"},
      {"variables", json::object{{"name", "Money"}}}});
  const auto reply = http_request(port_, spec);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("data").at("__type").at("name").as_string(), "Money");

  // A missing non-null variable is the client's input error.
  spec.body = json::serialize(
      json::object{{"query", "query B($name: String!) { __type(name: $name) { name } }"}});
  const auto missing = http_request(port_, spec);
  EXPECT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(code_of(missing.json()), "BAD_USER_INPUT");
}

TEST_F(GatewayTest, CorsPreflightFromTheWebOriginIsAnswered) {
  RequestSpec preflight;
  preflight.method = "OPTIONS";
  preflight.headers = {{"Origin", "http://localhost:3000"},
                       {"Access-Control-Request-Method", "POST"},
                       {"Access-Control-Request-Headers", "content-type"}};
  const auto reply = http_request(port_, preflight);
  EXPECT_EQ(reply.status, 204);
  EXPECT_EQ(reply.header("Access-Control-Allow-Origin"), "http://localhost:3000");
  EXPECT_NE(reply.header("Access-Control-Allow-Methods").find("POST"), std::string::npos);
  auto allowed_headers = reply.header("Access-Control-Allow-Headers");
  for (auto& c : allowed_headers)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_NE(allowed_headers.find("content-type"), std::string::npos) << allowed_headers;

  RequestSpec cross;
  cross.headers["Origin"] = "http://localhost:3000";
  cross.body = json::serialize(json::object{{"query", "{ __typename }"}});
  EXPECT_EQ(http_request(port_, cross).header("Access-Control-Allow-Origin"),
            "http://localhost:3000");

  preflight.headers["Origin"] = "http://evil.example";
  EXPECT_EQ(http_request(port_, preflight).header("Access-Control-Allow-Origin"), "");
}

TEST_F(GatewayTest, InvalidDocumentsAreRefusedBeforeExecution) {
  const auto unknown = post_query(port_, "{ jobs { id salary } }", kApolloAccept);
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_FALSE(unknown.json().as_object().contains("data"));
  EXPECT_EQ(code_of(unknown.json()), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_EQ(unknown.json().at("errors").at(0).at("message").as_string(),
            "Cannot query field \"salary\" on type \"Job\".");

  // Safety limits are validation rules too: depth 6 by default, introspection
  // having a bound of its own (15).
  const auto deep =
      post_query(port_,
                 "{ a: __type(name: \"Job\") { fields { type { ofType { ofType { ofType { ofType "
                 "{ name } } } } } } } }",
                 kApolloAccept);
  EXPECT_EQ(deep.status, 200) << deep.body;
  const auto before = metrics(port_);
  const auto again = post_query(port_, "{ jobs { id salary } }", kApolloAccept);
  EXPECT_EQ(again.status, 400);
  const std::string series =
      R"(graphql_requests_total{operation="unknown",outcome="validation_failed"})";
  EXPECT_EQ(metric_value(metrics(port_), series) - metric_value(before, series), 1);
}

TEST_F(GatewayTest, IntrospectionIsOnOutsideProduction) {
  const auto reply = post_query(port_, "{ __schema { queryType { name } } }");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json().at("data").at("__schema").at("queryType").at("name").as_string(), "Query");
}

// What GraphiQL, Apollo Sandbox, Postman and graphql-codegen send: graphql-js's
// getIntrospectionQuery() with every option (fixtures/, generated by
// graphql-js 16.15), through HTTP at the default limits.
TEST_F(GatewayTest, TheStandardIntrospectionQueryPassesTheDefaultLimits) {
  for (const std::string fixture :
       {"introspection_query.graphql", "introspection_query_all_options.graphql"}) {
    SCOPED_TRACE(fixture);
    const std::string query = read_fixture(fixture);
    ASSERT_NE(query.find("query IntrospectionQuery"), std::string::npos);
    const auto reply = post_query(port_, query, kApolloAccept);
    ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 2000);
    const auto body = reply.json();
    EXPECT_FALSE(body.as_object().contains("errors")) << messages_of(body);
    const auto& schema = body.at("data").at("__schema");
    EXPECT_EQ(schema.at("queryType").at("name").as_string(), "Query");
    EXPECT_EQ(schema.at("queryType").at("kind").as_string(), "OBJECT");
    std::set<std::string> types;
    for (const auto& type : schema.at("types").as_array()) {
      types.emplace(type.at("name").as_string());
    }
    EXPECT_TRUE(types.count("Job") && types.count("User") && types.count("__Directive"));
    std::set<std::string> directives;
    for (const auto& directive : schema.at("directives").as_array()) {
      directives.emplace(directive.at("name").as_string());
    }
    EXPECT_TRUE(directives.count("deprecated") && directives.count("oneOf"));
  }
}

// A document has a length limit of its own (GRAPHQL_MAX_DOCUMENT_LENGTH,
// 15000 characters as graphql-js counts them), apart from the body's 1 MB.
TEST_F(GatewayTest, DocumentsOverTheLengthLimitAreRefusedUnparsed) {
  const std::string head = "{ userByUsername(username: \"";
  const std::string tail = "\") { id } }";
  const auto document = [&](std::size_t length, const std::string& unit = "x") {
    std::string text = head;
    for (std::size_t n = head.size() + tail.size(); n < length; ++n) text += unit;
    return text + tail;
  };
  const auto at_limit = post_query(port_, document(15'000), kApolloAccept);
  EXPECT_EQ(at_limit.status, 200) << at_limit.body.substr(0, 500);
  EXPECT_TRUE(at_limit.json().at("data").at("userByUsername").is_null());
  const std::string refusal =
      "Syntax Error: Source contains more than 15000 UTF-16 code units. Parsing aborted.";
  expect_refused(post_query(port_, document(15'001), kApolloAccept), "GRAPHQL_PARSE_FAILED",
                 refusal);
  // A 1 MB string literal is one token: only the length stops it.
  expect_refused(post_query(port_, document(1'000'000), kApolloAccept), "GRAPHQL_PARSE_FAILED",
                 refusal);
  // "é" is one character (two bytes): 15000 of them, bytes or not, pass.
  const auto accented = post_query(port_, document(15'000, "é"), kApolloAccept);
  EXPECT_EQ(accented.status, 200) << accented.body.substr(0, 500);
  // The same limit holds for a document registered as a persisted query.
  RequestSpec spec;
  spec.headers["Accept"] = kApolloAccept;
  const std::string long_document = document(20'000);
  const auto hash = run_command({"sh", "-c", "printf '%s' '" + long_document + "' | sha256sum"})
                        .output.substr(0, 64);
  spec.body = json::serialize(json::object{
      {"query", long_document},
      {"extensions",
       json::object{{"persistedQuery", json::object{{"version", 1}, {"sha256Hash", hash}}}}}});
  expect_refused(http_request(port_, spec), "GRAPHQL_PARSE_FAILED", refusal);
}

// Abusive introspection is refused by validation: what the schema graph and
// aliases could multiply is bounded before anything runs.
TEST_F(GatewayTest, AbusiveIntrospectionIsRefusedBeforeExecution) {
  // __type → fields → type → fields … 50 levels: a walk around the schema's cycles.
  std::string walk = "{ __type(name: \"Job\") { ";
  for (int i = 0; i < 50; ++i) walk += i % 2 == 0 ? "fields { " : "type { ";
  walk += "name" + std::string(51, '}') + " }";
  expect_refused(post_query(port_, walk, kApolloAccept), "GRAPHQL_VALIDATION_FAILED",
                 "Maximum introspection depth exceeded");

  // ofType chains 100 deep.
  std::string chain = "{ __type(name: \"Job\") { ";
  for (int i = 0; i < 100; ++i) chain += "ofType { ";
  chain += "name" + std::string(101, '}') + " }";
  expect_refused(post_query(port_, chain, kApolloAccept), "GRAPHQL_VALIDATION_FAILED",
                 "Introspection in the operation is nested 102 levels deep, more than the "
                 "maximum of 15.");

  // Aliased copies of __schema: a few dozen already pass no limit…
  std::string copies = "{";
  for (int i = 0; i < 16; ++i) copies += " s" + std::to_string(i) + ": __schema { types { name } }";
  copies += " }";
  expect_refused(post_query(port_, copies, kApolloAccept), "GRAPHQL_VALIDATION_FAILED",
                 "The operation uses 16 aliases, more than the maximum of 15.");
  // …and thousands are not even parsed.
  std::string thousands = "{";
  for (int i = 0; i < 2000; ++i)
    thousands += " s" + std::to_string(i) + ": __schema { __typename }";
  thousands += " }";
  const auto refused = post_query(port_, thousands, kApolloAccept);
  EXPECT_EQ(refused.status, 400);
  EXPECT_FALSE(refused.json().as_object().contains("data"));
  EXPECT_EQ(code_of(refused.json()), "GRAPHQL_PARSE_FAILED");

  // With the alias and token limits lifted, introspection's own cost bound
  // (500 fields, the standard query has 229) still holds.
  const auto lifted = system_->start_extra_gateway(
      {{"GRAPHQL_MAX_ALIASES", "10000"}, {"GRAPHQL_MAX_TOKENS", "1000000"}});
  std::string many = "{";
  for (int i = 0; i < 200; ++i) {
    many += " s" + std::to_string(i) + ": __schema { types { name kind description } }";
  }
  many += " }";
  expect_refused(post_query(lifted, many, kApolloAccept), "GRAPHQL_VALIDATION_FAILED",
                 "Introspection in the operation has a cost of 1000, more than the maximum of "
                 "500.");
  const auto standard = post_query(lifted, read_fixture("introspection_query.graphql"));
  EXPECT_EQ(standard.status, 200);
  EXPECT_FALSE(standard.json().as_object().contains("errors"));
}

// Probes a client makes to learn the schema without introspection: a typo
// each in a field, an argument, a nested field, a type, an enum value and an
// input field, in literals and in variables.
struct Probe {
  std::string query;
  json::object variables;
  std::string message;  // what one of its errors says, suggestions aside
};
const std::vector<Probe>& suggestion_probes() {
  static const std::vector<Probe> probes = {
      {"{ jbos { id } }", {}, "Cannot query field \"jbos\" on type \"Query\"."},
      {"{ userByUsername(usrname: \"x\") { id } }",
       {},
       "Unknown argument \"usrname\" on field \"Query.userByUsername\"."},
      {"{ jobs { titel } }", {}, "Cannot query field \"titel\" on type \"Job\"."},
      {"query ($t: AccountTyp) { me { id } }", {}, "Unknown type \"AccountTyp\"."},
      {"mutation { register(input: {email: \"a@b.c\", password: \"pw\", accountType: "
       "FREELANCR, username: \"abc\", displayName: \"A\"}) { __typename } }",
       {},
       "Value \"FREELANCR\" does not exist in \"AccountType\" enum."},
      {"mutation ($input: RegisterInput!) { register(input: $input) { __typename } }",
       {{"input",
         {{"email", "a@b.c"},
          {"password", "pw"},
          {"accountType", "FREELANCER"},
          {"usrname", "abc"},
          {"displayName", "A"}}}},
       "Field \"usrname\" is not defined by type \"RegisterInput\"."},
  };
  return probes;
}

Reply send(std::uint16_t port, const Probe& probe) {
  RequestSpec spec;
  spec.headers["Accept"] = kApolloAccept;
  spec.body = json::serialize(json::object{{"query", probe.query}, {"variables", probe.variables}});
  return http_request(port, spec);
}

// Outside production the same probes get graphql-js's suggestions.
TEST_F(GatewayTest, ValidationErrorsSuggestNamesWhileIntrospectionIsOn) {
  for (const auto& probe : suggestion_probes()) {
    SCOPED_TRACE(probe.query);
    const auto reply = send(port_, probe);
    EXPECT_EQ(reply.status, 400);
    EXPECT_NE(messages_of(reply.json()).find(probe.message + " Did you mean "), std::string::npos)
        << reply.body;
  }
}

// Tests that change the system get their own: one production gateway
// (MYSPACE_ENV=production: introspection off) for these.
class GatewayProductionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    system_ = new GatewaySystem();
    port_ = system_->start_gateway({{"MYSPACE_ENV", "production"},
                                    {"JWT_SECRET", "a-production-secret-that-is-long-enough-42"}});
  }
  static void TearDownTestSuite() {
    delete system_;
    system_ = nullptr;
  }
  static GatewaySystem* system_;
  static std::uint16_t port_;
};
GatewaySystem* GatewayProductionTest::system_ = nullptr;
std::uint16_t GatewayProductionTest::port_ = 0;

TEST_F(GatewayProductionTest, IntrospectionIsOffInProduction) {
  auto& system = *system_;
  const auto port = port_;
  const auto reply = post_query(port, "{ __schema { queryType { name } } }", kApolloAccept);
  const auto body = reply.json();
  const auto* data = body.as_object().if_contains("data");
  EXPECT_TRUE(data == nullptr || !data->is_object() || !data->as_object().contains("__schema"))
      << reply.body;
  ASSERT_TRUE(body.as_object().contains("errors")) << reply.body;
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(code_of(body), "GRAPHQL_VALIDATION_FAILED");
  EXPECT_NE(system.gateway_log().find(R"("introspection":false)"), std::string::npos);
  // __typename stays: clients need it.
  const auto typename_reply = post_query(port, "{ __typename }");
  EXPECT_EQ(typename_reply.json().at("data").at("__typename").as_string(), "Query");
}

// With introspection off, errors must not hand the schema out name by name
// ("Did you mean \"jobs\"?").
TEST_F(GatewayProductionTest, ErrorsSuggestNoSchemaNames) {
  for (const auto& probe : suggestion_probes()) {
    SCOPED_TRACE(probe.query);
    const auto reply = send(port_, probe);
    EXPECT_EQ(reply.status, 400);
    const auto messages = messages_of(reply.json());
    EXPECT_NE(messages.find(probe.message + "\n"), std::string::npos) << messages;
    EXPECT_EQ(messages.find("Did you mean"), std::string::npos) << messages;
  }
}

TEST(GatewayCacheTest, JobsListIsCachedInRedisForFiveMinutes) {
  GatewaySystem system;
  const auto port = system.start_gateway();
  ASSERT_EQ(post_query(port, kLatestJobs).status, 200);
  const auto ttl = std::stoi(system.redis().cli({"TTL", "jobs:list"}));
  EXPECT_GT(ttl, 0);
  EXPECT_LE(ttl, 300);

  // A job posted now is not seen until the cached listing expires or is dropped.
  system.postgres().execute(
      "INSERT INTO jobs (msf_id, client_id, title, description, category, budget_min) "
      "SELECT 'job_fresh000000001', id, 'Fresh job', 'd', 'Other', 10.5 "
      "FROM users WHERE msf_id = 'usr_demoClient0001'");
  const auto cached = post_query(port, kLatestJobs).json();
  EXPECT_EQ(cached.at("data").at("jobs").as_array().size(), 5u);
  system.redis().cli({"DEL", "jobs:list"});
  const auto fresh = post_query(port, kLatestJobs).json();
  ASSERT_EQ(fresh.at("data").at("jobs").as_array().size(), 6u);
  EXPECT_EQ(fresh.at("data").at("jobs").at(0).at("id").as_string(), "job_fresh000000001");
  EXPECT_EQ(fresh.at("data").at("jobs").at(0).at("budgetMin").as_string(), "10.50");
  EXPECT_TRUE(fresh.at("data").at("jobs").at(0).at("budgetMax").is_null());
}

TEST(GatewayResilienceTest, JobsAreServedFromPostgresWhileRedisIsDown) {
  GatewaySystem system;
  const auto port = system.start_gateway();
  system.redis().stop();
  const auto before = metrics(port);
  const auto reply = post_query(port, kLatestJobs, kApolloAccept);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_FALSE(body.as_object().contains("errors")) << reply.body;
  EXPECT_EQ(body.at("data").at("jobs").as_array().size(), 5u);
  const std::string errors = R"(cache_requests_total{family="jobs:list",outcome="error"})";
  EXPECT_GT(metric_value(metrics(port), errors), metric_value(before, errors));
}

}  // namespace
}  // namespace myspace::testing
