#include "http/response_head.h"

#include <gtest/gtest.h>

#include <boost/beast/http/parser.hpp>
#include <stdexcept>

namespace myspace::http {
namespace {

using field = beast_http::field;

// Writes `response` with `writer` and parses the bytes back, as a client would.
Response round_trip(const ResponseHeadWriter& writer, Response response,
                    std::string_view date = "Tue, 24 Nov 2026 15:00:00 GMT") {
  response.prepare_payload();
  std::string bytes;
  writer.write(response, date, bytes);
  bytes += response.body();
  beast_http::response_parser<beast_http::string_body> parser;
  boost::beast::error_code ec;
  parser.eager(true);
  const auto used = parser.put(boost::asio::buffer(bytes), ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_EQ(used, bytes.size());
  EXPECT_TRUE(parser.is_done());
  return parser.release();
}

TEST(HttpDate, IsImfFixdate) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(format_http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(ResponseHead, CarriesStatusFieldsDateAndSecurityHeaders) {
  const ResponseHeadWriter writer("frame-ancestors 'none'");
  Response response{Status::created, 11};
  response.set(field::content_type, "application/json");
  response.body() = R"({"ok":true})";
  const auto parsed = round_trip(writer, response);
  EXPECT_EQ(parsed.result(), Status::created);
  EXPECT_EQ(parsed.version(), 11);
  EXPECT_EQ(parsed[field::content_type], "application/json");
  EXPECT_EQ(parsed[field::content_length], "11");
  EXPECT_EQ(parsed[field::date], "Tue, 24 Nov 2026 15:00:00 GMT");
  EXPECT_EQ(parsed["Content-Security-Policy"], "frame-ancestors 'none'");
  EXPECT_EQ(parsed["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(parsed["Referrer-Policy"], "strict-origin-when-cross-origin");
  EXPECT_EQ(parsed[field::x_frame_options], "DENY");
  EXPECT_EQ(parsed.body(), R"({"ok":true})");
}

TEST(ResponseHead, HandlerPolicyWinsButFixedHeadersAreNotDuplicated) {
  const ResponseHeadWriter writer("frame-ancestors 'none'");
  Response response{Status::ok, 11};
  response.set("content-security-policy", "default-src 'none'");
  response.set(field::x_frame_options, "ALLOWALL");
  response.set("Referrer-Policy", "unsafe-url");
  const auto parsed = round_trip(writer, response);
  EXPECT_EQ(parsed.count("Content-Security-Policy"), 1u);
  EXPECT_EQ(parsed["Content-Security-Policy"], "default-src 'none'");
  EXPECT_EQ(parsed.count(field::x_frame_options), 1u);
  EXPECT_EQ(parsed[field::x_frame_options], "DENY");
  EXPECT_EQ(parsed.count("Referrer-Policy"), 1u);
  EXPECT_EQ(parsed["Referrer-Policy"], "strict-origin-when-cross-origin");
}

TEST(ResponseHead, Http10StatusLineAndNoPolicyWhenNoneConfigured) {
  const ResponseHeadWriter writer("");
  Response response{Status::not_found, 10};
  const auto parsed = round_trip(writer, response, "");
  EXPECT_EQ(parsed.version(), 10);
  EXPECT_EQ(parsed.result(), Status::not_found);
  EXPECT_EQ(parsed.count("Content-Security-Policy"), 0u);
  EXPECT_EQ(parsed.count(field::date), 0u);
  EXPECT_EQ(parsed["X-Content-Type-Options"], "nosniff");
}

TEST(ResponseHead, PolicyWithLineBreakIsRefused) {
  EXPECT_THROW(ResponseHeadWriter("default-src 'self'\r\nSet-Cookie: a=b"), std::invalid_argument);
}

}  // namespace
}  // namespace myspace::http
