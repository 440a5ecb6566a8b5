// GraphQL over HTTP decisions, without sockets: Accept negotiation, GET and
// POST decoding (every malformed shape graphql-http's audits send), the APQ
// extension and hash, and the status of a GraphQL response per media type.

#include "graphql_http/request.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "graphql/language/parser.h"

namespace myspace::graphql_http {
namespace {

using http::Status;

http::Request post(std::string body, std::string content_type = "application/json") {
  http::Request request{http::Verb::post, "/graphql", 11};
  if (!content_type.empty()) request.set(http::beast_http::field::content_type, content_type);
  request.body() = std::move(body);
  request.prepare_payload();
  return request;
}

// The status and message of the RequestError `decode` throws.
template <typename F>
std::pair<Status, std::string> failure(F decode) {
  try {
    decode();
  } catch (const RequestError& e) {
    return {e.status(), e.what()};
  }
  return {Status::ok, "no error"};
}

TEST(Negotiate, MissingOrEmptyAcceptMeansJson) {
  EXPECT_EQ(negotiate(""), MediaType::kJson);
  EXPECT_EQ(negotiate("  "), MediaType::kJson);
}

TEST(Negotiate, ExplicitTypesAreHonoured) {
  EXPECT_EQ(negotiate("application/json"), MediaType::kJson);
  EXPECT_EQ(negotiate("application/graphql-response+json"), MediaType::kGraphqlResponseJson);
  EXPECT_EQ(negotiate("Application/GraphQL-Response+JSON; charset=utf-8"),
            MediaType::kGraphqlResponseJson);
}

TEST(Negotiate, WildcardsGetJson) {
  EXPECT_EQ(negotiate("*/*"), MediaType::kJson);
  EXPECT_EQ(negotiate("application/*"), MediaType::kJson);
  EXPECT_EQ(negotiate("text/html, */*;q=0.8"), MediaType::kJson);
}

TEST(Negotiate, QualityValuesDecide) {
  // Apollo Client's default.
  EXPECT_EQ(negotiate("application/graphql-response+json,application/json;q=0.9"),
            MediaType::kGraphqlResponseJson);
  EXPECT_EQ(negotiate("application/graphql-response+json;q=0.5, application/json"),
            MediaType::kJson);
  EXPECT_EQ(negotiate("application/json;q=0, */*"), MediaType::kGraphqlResponseJson);
  // An explicit type beats a wildcard of the same quality.
  EXPECT_EQ(negotiate("*/*, application/graphql-response+json"), MediaType::kGraphqlResponseJson);
  EXPECT_EQ(negotiate("application/json, application/graphql-response+json"),
            MediaType::kGraphqlResponseJson);
}

TEST(Negotiate, NothingAcceptableIsNullopt) {
  EXPECT_EQ(negotiate("text/html"), std::nullopt);
  EXPECT_EQ(negotiate("application/xml, text/*"), std::nullopt);
  EXPECT_EQ(negotiate("application/json;q=0"), std::nullopt);
  EXPECT_EQ(negotiate("application/json;q=bogus"), std::nullopt);
}

TEST(DecodePost, ReadsEveryParameter) {
  const auto request =
      decode_post(post(R"({"query":"query Q($n: String) { __typename }","operationName":"Q",)"
                       R"("variables":{"n":"x"},"extensions":{"some":"value"}})",
                       "application/json; charset=UTF-8"));
  EXPECT_EQ(request.query, "query Q($n: String) { __typename }");
  EXPECT_EQ(request.operation_name, "Q");
  EXPECT_EQ(request.variables.at("n").as_string(), "x");
  EXPECT_EQ(request.extensions.at("some").as_string(), "value");
  EXPECT_FALSE(request.persisted_query);
}

TEST(DecodePost, NullParametersMeanAbsent) {
  const auto request = decode_post(post(
      R"({"query":"{ __typename }","operationName":null,"variables":null,"extensions":null})"));
  EXPECT_EQ(request.operation_name, "");
  EXPECT_TRUE(request.variables.empty());
  EXPECT_TRUE(request.extensions.empty());
}

TEST(DecodePost, OtherContentTypesAre415) {
  for (const std::string type :
       {"", "text/plain;charset=UTF-8", "application/graphql", "application/json; charset=latin1",
        "application/x-www-form-urlencoded"}) {
    EXPECT_EQ(failure([&] { decode_post(post(R"({"query":"{ a }"})", type)); }).first,
              Status::unsupported_media_type)
        << type;
  }
}

TEST(DecodePost, MalformedBodiesAre400WithAMessage) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "request body is empty"},
      {R"({ "not a JSON)", "request body is not valid JSON"},
      {R"(["query"])", "request body must be a JSON object"},
      {R"({"notquery":"{ a }"})", "\"query\" is required: a GraphQL document as a string"},
      {R"({"query":{"obj":"ect"}})", "\"query\" must be a string"},
      {R"({"query":0})", "\"query\" must be a string"},
      {R"({"query":false})", "\"query\" must be a string"},
      {R"({"query":["array"]})", "\"query\" must be a string"},
      {R"({"query":"{ a }","operationName":0})", "\"operationName\" must be a string"},
      {R"({"query":"{ a }","operationName":{"obj":"ect"}})", "\"operationName\" must be a string"},
      {R"({"query":"{ a }","variables":"string"})", "\"variables\" must be an object"},
      {R"({"query":"{ a }","variables":["array"]})", "\"variables\" must be an object"},
      {R"({"query":"{ a }","variables":0})", "\"variables\" must be an object"},
      {R"({"query":"{ a }","extensions":false})", "\"extensions\" must be an object"},
      {R"({"query":"{ a }","extensions":"string"})", "\"extensions\" must be an object"},
  };
  for (const auto& [body, message] : cases) {
    const auto [status, what] = failure([&] { decode_post(post(body)); });
    EXPECT_EQ(status, Status::bad_request) << body;
    EXPECT_EQ(what, message) << body;
  }
}

TEST(DecodePost, InvalidUtf8Is400) {
  EXPECT_EQ(failure([] { decode_post(post("{\"query\":\"{ a \xff }\"}")); }).first,
            Status::bad_request);
}

TEST(DecodeGet, ReadsDecodedParameters) {
  const auto request = decode_get(
      "/graphql?query=query+Type(%24name%3A+String!)+%7B+__type(name%3A+%24name)+%7B+name+%7D+%7D"
      "&variables=%7B%22name%22%3A%22sometype%22%7D&operationName=Type&other=ignored");
  EXPECT_EQ(request.query, "query Type($name: String!) { __type(name: $name) { name } }");
  EXPECT_EQ(request.operation_name, "Type");
  EXPECT_EQ(request.variables.at("name").as_string(), "sometype");
}

TEST(DecodeGet, MalformedParametersAre400) {
  for (const std::string target :
       {"/graphql", "/graphql?variables=%7B%7D", "/graphql?query=%7Ba%7D&variables=not-json",
        "/graphql?query=%7Ba%7D&variables=%5B1%5D", "/graphql?query=%7Ba%7D&extensions=1",
        "/graphql?query=%7Ba%7D&query=%7Bb%7D"}) {
    EXPECT_EQ(failure([&] { decode_get(target); }).first, Status::bad_request) << target;
  }
}

TEST(PersistedQueries, HashAloneIsAValidRequest) {
  const std::string hash(64, 'a');
  const auto request = decode_post(
      post(R"({"extensions":{"persistedQuery":{"version":1,"sha256Hash":")" + hash + R"("}}})"));
  EXPECT_FALSE(request.query);
  ASSERT_TRUE(request.persisted_query);
  EXPECT_EQ(request.persisted_query->sha256_hash, hash);

  const auto get = decode_get(
      "/graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%"
      "22" +
      hash + "%22%7D%7D");
  ASSERT_TRUE(get.persisted_query);
  EXPECT_EQ(get.persisted_query->sha256_hash, hash);
}

TEST(PersistedQueries, WrongVersionOrHashIs400) {
  const std::string hash(64, 'b');
  for (const std::string& extensions : std::vector<std::string>{
           R"({"persistedQuery":{"version":2,"sha256Hash":")" + hash + R"("}})",
           R"({"persistedQuery":{"sha256Hash":")" + hash + R"("}})",
           R"({"persistedQuery":{"version":1,"sha256Hash":"abc"}})",
           R"({"persistedQuery":{"version":1,"sha256Hash":")" + std::string(64, 'G') + R"("}})",
           R"({"persistedQuery":"yes"})"}) {
    EXPECT_EQ(failure([&] { decode_post(post(R"({"extensions":)" + extensions + "}")); }).first,
              Status::bad_request)
        << extensions;
  }
}

TEST(ResponseStatus, JsonIsAlways200) {
  EXPECT_EQ(response_status(MediaType::kJson, boost::json::parse(R"({"errors":[]})").as_object()),
            Status::ok);
}

TEST(ResponseStatus, GraphqlResponseJsonIs400WithoutData) {
  const auto no_data = boost::json::parse(R"({"errors":[{"message":"x"}]})").as_object();
  const auto partial =
      boost::json::parse(R"({"errors":[{"message":"x"}],"data":null})").as_object();
  EXPECT_EQ(response_status(MediaType::kGraphqlResponseJson, no_data), Status::bad_request);
  EXPECT_EQ(response_status(MediaType::kGraphqlResponseJson, partial), Status::ok);
}

TEST(ContentType, NamesUtf8) {
  EXPECT_EQ(content_type_of(MediaType::kJson), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_of(MediaType::kGraphqlResponseJson),
            "application/graphql-response+json; charset=utf-8");
}

// The message of nul_character_in's error for a document and variables, or "".
std::string nul_message(const std::string& query, const std::string& variables = "{}") {
  const auto document = graphql::parse(query);
  const auto error = nul_character_in(document, boost::json::parse(variables).as_object());
  return error ? error->message : "";
}

TEST(NulCharacter, InAVariableAtAnyDepthIsNamed) {
  EXPECT_EQ(nul_message("query($u: String) { a(u: $u) }", R"({"u":"north\u0000wind"})"),
            "Variable \"$u\" must not contain a NUL character (U+0000).");
  EXPECT_NE(nul_message("{ a }", R"({"i":{"list":["ok",{"deep":"x\u0000"}]}})"), "");
  EXPECT_NE(nul_message("{ a }", R"({"i":{"k\u0000ey":1}})"), "");
  EXPECT_EQ(nul_message("{ a }", R"({"u":"northwind","n":1,"l":[null,true,"\u0001"]})"), "");
}

TEST(NulCharacter, InALiteralIsNamedWithItsLocation) {
  const auto document = graphql::parse("{\n  a(b: \"x\\u0000y\") }");
  const auto error = nul_character_in(document, {});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message, "Argument \"b\" must not contain a NUL character (U+0000).");
  ASSERT_EQ(error->locations.size(), 1U);
  EXPECT_EQ(error->locations[0].line, 2U);
  EXPECT_EQ(error->locations[0].column, 8U);
  for (const std::string query : {
           R"({ a(b: "\u{0}") })",
           R"({ a(b: ["ok", "\u0000"]) })",
           R"({ a(b: {c: {d: "\u0000"}}) })",
           R"({ a @include(if: "\u0000") })",
           R"({ ... on Q { a(b: "\u0000") } })",
           R"({ ...F } fragment F on Q { a { b(c: "\u0000") } })",
           R"(query($v: String = "\u0000") { a })",
       }) {
    EXPECT_NE(nul_message(query), "") << query;
  }
  EXPECT_EQ(nul_message(R"(query($v: String = "\u0000") { a })"),
            "Default value of variable \"$v\" must not contain a NUL character (U+0000).");
}

TEST(NulCharacter, OtherTextPasses) {
  for (const std::string query : {
           R"({ a(b: "plain", c: 1, d: ENUM, e: null, f: [1.5]) })",
           R"({ a(b: "\u0041\u{1F600}\\u0000") })",  // an escaped backslash, then "u0000"
           R"({ a(b: """\u0000""") })",              // block strings have no escapes
       }) {
    EXPECT_EQ(nul_message(query), "") << query;
  }
}

}  // namespace
}  // namespace myspace::graphql_http
