#include "http/json.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace myspace::http {
namespace {

Request json_request(std::string body, std::string_view content_type = "application/json") {
  Request request{Verb::post, "/", 11};
  request.set(beast_http::field::content_type, content_type);
  request.body() = std::move(body);
  return request;
}

ErrorCode code_of(const Request& request) {
  try {
    parse_json_body(request);
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST(JsonBody, ParsesValidJson) {
  const auto value =
      parse_json_body(json_request(R"({"a":[1,"é"]})", "application/json; charset=utf-8"));
  EXPECT_EQ(value.at("a").at(1).as_string(), "é");
}

TEST(JsonBody, RejectsInvalidJsonAs400) {
  EXPECT_EQ(code_of(json_request("{\"a\":")), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of(json_request("")), ErrorCode::kBadRequest);
}

TEST(JsonBody, RejectsInvalidUtf8) {
  // A lone continuation byte and an overlong encoding of '/'.
  EXPECT_EQ(code_of(json_request("\"\x80\"")), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of(json_request("\"\xC0\xAF\"")), ErrorCode::kBadRequest);
}

TEST(JsonBody, RejectsWrongContentType) {
  EXPECT_EQ(code_of(json_request("{}", "text/plain")), ErrorCode::kBadRequest);
  EXPECT_EQ(code_of(json_request("{}", "application/jsonp")), ErrorCode::kBadRequest);
  Request missing{Verb::post, "/", 11};
  missing.body() = "{}";
  EXPECT_EQ(code_of(missing), ErrorCode::kBadRequest);
}

TEST(JsonResponse, SerializesWithLength) {
  const auto response = json_response(Status::created, {{"id", "u_1"}});
  EXPECT_EQ(response.result(), Status::created);
  EXPECT_EQ(response.body(), R"({"id":"u_1"})");
  EXPECT_EQ(response[beast_http::field::content_type], "application/json");
  EXPECT_EQ(response[beast_http::field::content_length], "12");
}

}  // namespace
}  // namespace myspace::http
