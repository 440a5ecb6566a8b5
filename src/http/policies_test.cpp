#include "http/policies.h"

#include <gtest/gtest.h>

namespace myspace::http {
namespace {

using field = beast_http::field;

TEST(RequestId, KeepsSaneIds) {
  EXPECT_EQ(sanitize_request_id("abc-123_X.y:z"), "abc-123_X.y:z");
  EXPECT_EQ(sanitize_request_id(std::string(kMaxRequestIdLength, 'a')),
            std::string(kMaxRequestIdLength, 'a'));
}

TEST(RequestId, RejectsUnsafeOrOversizedIds) {
  EXPECT_FALSE(sanitize_request_id(""));
  EXPECT_FALSE(sanitize_request_id(std::string(kMaxRequestIdLength + 1, 'a')));
  EXPECT_FALSE(sanitize_request_id("a b"));
  EXPECT_FALSE(sanitize_request_id("a\"b"));
  EXPECT_FALSE(sanitize_request_id("a\r\nSet-Cookie: x"));
  EXPECT_FALSE(sanitize_request_id("<script>"));
}

TEST(RequestId, GeneratedIdsAreSaneAndDistinct) {
  const auto a = generate_request_id();
  EXPECT_TRUE(sanitize_request_id(a));
  EXPECT_NE(a, generate_request_id());
}

Request with_origin(Verb method, std::string_view origin) {
  Request request{method, "/graphql", 11};
  request.set(field::origin, origin);
  return request;
}

TEST(Cors, AllowedOriginGetsHeaders) {
  CorsPolicy cors({"https://app.example.com"});
  Response response{Status::ok, 11};
  cors.apply(with_origin(Verb::get, "https://app.example.com"), response);
  EXPECT_EQ(response[field::access_control_allow_origin], "https://app.example.com");
  EXPECT_EQ(response[field::access_control_allow_credentials], "true");
  EXPECT_EQ(response[field::vary], "Origin");
  // Browser code must be able to read the request id and rate-limit headers.
  const std::string exposed(response[field::access_control_expose_headers]);
  EXPECT_NE(exposed.find("X-Request-Id"), std::string::npos);
  EXPECT_NE(exposed.find("Retry-After"), std::string::npos);
  EXPECT_NE(exposed.find("RateLimit-Remaining"), std::string::npos);
}

TEST(Cors, DisallowedOriginGetsNoCorsHeaders) {
  CorsPolicy cors({"https://app.example.com"});
  for (auto origin : {"https://evil.example.com", "null", "https://app.example.com.evil.com"}) {
    Response response{Status::ok, 11};
    cors.apply(with_origin(Verb::get, origin), response);
    EXPECT_EQ(response.count(field::access_control_allow_origin), 0u) << origin;
    EXPECT_EQ(response.count(field::access_control_allow_credentials), 0u) << origin;
  }
  CorsPolicy trusting_null({"null"});
  EXPECT_FALSE(trusting_null.allows("null"));
}

TEST(Cors, PreflightForAllowedOrigin) {
  CorsPolicy cors({"https://app.example.com"});
  auto request = with_origin(Verb::options, "https://app.example.com");
  request.set(field::access_control_request_method, "POST");
  request.set(field::access_control_request_headers, "content-type, authorization");
  ASSERT_TRUE(CorsPolicy::is_preflight(request));
  const auto response = cors.preflight(request);
  EXPECT_EQ(response.result(), Status::no_content);
  EXPECT_EQ(response[field::access_control_allow_origin], "https://app.example.com");
  EXPECT_NE(response[field::access_control_allow_methods].find("POST"), std::string_view::npos);
  EXPECT_EQ(response[field::access_control_allow_headers], "content-type, authorization");
  EXPECT_FALSE(response[field::access_control_max_age].empty());
}

TEST(Cors, PreflightForDisallowedOriginHasNoCorsHeaders) {
  CorsPolicy cors({"https://app.example.com"});
  auto request = with_origin(Verb::options, "https://evil.example.com");
  request.set(field::access_control_request_method, "POST");
  const auto response = cors.preflight(request);
  EXPECT_EQ(response.result(), Status::no_content);
  EXPECT_EQ(response.count(field::access_control_allow_origin), 0u);
  EXPECT_EQ(response.count(field::access_control_allow_methods), 0u);
}

TEST(Cors, PlainOptionsIsNotPreflight) {
  EXPECT_FALSE(CorsPolicy::is_preflight(with_origin(Verb::options, "https://a.example")));
  Request request{Verb::options, "/", 11};
  request.set(field::access_control_request_method, "POST");
  EXPECT_FALSE(CorsPolicy::is_preflight(request));
}

TEST(Negotiation, AcceptsGzip) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("br, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, br"));
  EXPECT_FALSE(accepts_gzip("*, gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_FALSE(accepts_gzip("gzipx"));
}

TEST(Negotiation, CompressibleTypes) {
  EXPECT_TRUE(is_compressible("application/json"));
  EXPECT_TRUE(is_compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(is_compressible("Text/CSS"));
  EXPECT_TRUE(is_compressible("image/svg+xml"));
  EXPECT_TRUE(is_compressible("application/graphql-response+json"));
  EXPECT_FALSE(is_compressible("image/png"));
  EXPECT_FALSE(is_compressible("application/octet-stream"));
  EXPECT_FALSE(is_compressible("font/woff2"));
  EXPECT_FALSE(is_compressible(""));
}

TEST(Vary, AddsTokensOnce) {
  Response response{Status::ok, 11};
  add_vary(response, "Origin");
  add_vary(response, "Accept-Encoding");
  add_vary(response, "origin");
  EXPECT_EQ(response[field::vary], "Origin, Accept-Encoding");
}

}  // namespace
}  // namespace myspace::http
