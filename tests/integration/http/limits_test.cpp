// Limits and deadlines: every way a client can misbehave gets the right status
// or a closed connection, quickly.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "common/metrics.h"
#include "support.h"

namespace myspace::http::testing {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

Router echo_router() {
  Router router;
  router.post("/upload", [](Context& context) -> asio::awaitable<Response> {
    Response response{Status::ok, 11};
    response.body() = std::to_string(context.request.body().size());
    co_return response;
  });
  router.get("/ping", [](Context&) -> asio::awaitable<Response> {
    Response response{Status::ok, 11};
    response.body() = "pong";
    co_return response;
  });
  return router;
}

TEST(HttpLimits, DeclaredBodyTooLargeIs413BeforeTheBodyIsSent) {
  RunningServer server(echo_router());  // body_limit 4096
  Connection connection(server.port());
  connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
  const auto response = connection.read_response();
  EXPECT_EQ(response.result(), Status::payload_too_large);
  EXPECT_EQ(boost::json::parse(response.body()).at("error").at("code").as_string(),
            "PAYLOAD_TOO_LARGE");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(connection.closed_within(1s));
}

TEST(HttpLimits, StreamedChunkedBodyOverTheLimitIs413) {
  RunningServer server(echo_router());
  Connection connection(server.port());
  connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = "800\r\n" + std::string(0x800, 'a') + "\r\n";
  connection.send(chunk);
  connection.send(chunk);
  connection.send(chunk);
  EXPECT_EQ(connection.read_response().result(), Status::payload_too_large);
}

TEST(HttpLimits, BodyWithinTheLimitIsAccepted) {
  RunningServer server(echo_router());
  EXPECT_EQ(
      fetch(server.port(), make_request(Verb::post, "/upload", std::string(4000, 'x'))).body(),
      "4000");
}

TEST(HttpLimits, HugeHeaderIs431) {
  RunningServer server(echo_router());  // header_limit 2048
  Connection connection(server.port());
  connection.send("GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'b') + "\r\n\r\n");
  const auto response = connection.read_response();
  EXPECT_EQ(response.result(), Status::request_header_fields_too_large);
  EXPECT_TRUE(connection.closed_within(1s));
}

// Just over the configured limit and far under Beast's own default (8 KiB):
// only the configured limit can refuse it. A head just under it is served.
TEST(HttpLimits, HeadersAreMeasuredAgainstTheConfiguredLimitNotBeastsDefault) {
  RunningServer server(echo_router());  // header_limit 2048
  const std::string start = "GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: ";
  Connection over(server.port());
  over.send(start + std::string(3072 - start.size() - 4, 'b') + "\r\n\r\n");
  EXPECT_EQ(over.read_response().result(), Status::request_header_fields_too_large);
  EXPECT_TRUE(over.closed_within(1s));

  Connection under(server.port());
  under.send(start + std::string(2000 - start.size() - 4, 'b') + "\r\n\r\n");
  const auto response = under.read_response();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), "pong");
}

TEST(HttpLimits, GarbageIs400ThenClose) {
  RunningServer server(echo_router());
  Connection connection(server.port());
  constexpr char kGarbage[] = "\x16\x03\x01 garbage \x01\x02\r\n\r\n";
  connection.send(std::string_view(kGarbage, sizeof kGarbage - 1));
  const auto response = connection.read_response();
  EXPECT_EQ(response.result(), Status::bad_request);
  EXPECT_TRUE(connection.closed_within(1s));
}

TEST(HttpLimits, SlowlorisIsCutOffByTheHeaderDeadline) {
  RunningServer server(echo_router());  // header_timeout 500ms
  Connection connection(server.port());
  const std::string request =
      "GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
  const auto started = Clock::now();
  bool closed = false;
  for (std::size_t i = 0; i < request.size() && !closed; ++i) {
    try {
      connection.send(request.substr(i, 1));
    } catch (const std::exception&) {
      closed = true;
      break;
    }
    // Trickling keeps the connection busy, but it must not extend the deadline.
    closed = connection.closed_within(100ms);
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(Clock::now() - started, 1500ms);
  EXPECT_GE(Clock::now() - started, 400ms);
}

TEST(HttpLimits, SilentNewConnectionIsClosedByTheHeaderDeadline) {
  RunningServer server(echo_router());
  auto& deadline_closes =
      metrics::Registry::global().counter("http_deadline_closes_total", "", "server=\"test\"");
  const auto closed_before = deadline_closes.value();
  Connection connection(server.port());
  const auto started = Clock::now();
  EXPECT_TRUE(connection.closed_within(1500ms));
  EXPECT_GE(Clock::now() - started, 400ms);
  EXPECT_EQ(deadline_closes.value(), closed_before + 1);
}

TEST(HttpLimits, IdleKeepAliveConnectionIsClosed) {
  RunningServer server(echo_router());  // idle_timeout 400ms
  Connection connection(server.port());
  EXPECT_EQ(connection.round_trip(make_request(Verb::get, "/ping")).body(), "pong");
  const auto started = Clock::now();
  EXPECT_TRUE(connection.closed_within(1500ms));
  EXPECT_GE(Clock::now() - started, 300ms);
  EXPECT_EQ(server.connection_count(), 0u);
}

TEST(HttpLimits, SlowBodyIsCutOffByTheBodyDeadline) {
  RunningServer server(echo_router());  // body_timeout 500ms
  Connection connection(server.port());
  connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly a little");
  const auto started = Clock::now();
  EXPECT_TRUE(connection.closed_within(1500ms));
  EXPECT_GE(Clock::now() - started, 400ms);
}

TEST(HttpLimits, ExpectContinueGetsInterimResponse) {
  RunningServer server(echo_router());
  Connection connection(server.port());
  connection.send(
      "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(connection.read_response().result(), Status::continue_);
  connection.send("abc");
  EXPECT_EQ(connection.read_response().body(), "3");
}

TEST(HttpLimits, PipelinedRequestsAreAnsweredInOrder) {
  RunningServer server(echo_router());
  Connection connection(server.port());
  connection.send(
      "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab");
  EXPECT_EQ(connection.read_response().body(), "pong");
  EXPECT_EQ(connection.read_response().body(), "2");
}

}  // namespace
}  // namespace myspace::http::testing
