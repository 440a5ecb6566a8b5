// The server's behaviour over real sockets: routing, middleware, headers,
// gzip, errors, graceful stop and SO_REUSEPORT.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/system/system_error.hpp>
#include <cstdlib>
#include <ctime>

#include "common/error.h"
#include "common/metrics.h"
#include "http/gzip.h"
#include "http/json.h"
#include "support.h"

namespace myspace::http::testing {
namespace {

namespace asio = boost::asio;
using field = beast_http::field;
using namespace std::chrono_literals;

asio::awaitable<Response> hello(Context& context) {
  Response response{Status::ok, context.request.version()};
  response.set(field::content_type, "text/plain");
  response.body() = "hello " + std::string(context.param("name"));
  co_return response;
}

asio::awaitable<Response> big_json(Context&) {
  boost::json::array items;
  for (int i = 0; i < 300; ++i) items.emplace_back("item number " + std::to_string(i));
  co_return json_response(Status::ok, {{"items", items}});
}

// Handlers that have started sleeping, so tests can act while one is in flight.
std::atomic<int> sleepers_started{0};

void wait_for_sleepers(int n) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (sleepers_started.load() < n && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  ASSERT_GE(sleepers_started.load(), n);
}

asio::awaitable<Response> sleep_then_ok(std::chrono::milliseconds delay) {
  ++sleepers_started;
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(asio::use_awaitable);
  co_return Response{Status::ok, 11};
}

Router test_router() {
  Router router;
  router.get("/hello", hello);
  router.get("/hello/:name", hello);
  router.add(Verb::put, "/hello/:name", hello);
  router.get("/big", big_json);
  router.get("/conflict", [](Context&) -> asio::awaitable<Response> {
    throw Error(ErrorCode::kConflict, "name taken", "unique violation on users_email_key");
  });
  router.get("/crash", [](Context&) -> asio::awaitable<Response> {
    throw std::runtime_error("connection string password=hunter2");
  });
  router.get("/slow", [](Context&) { return sleep_then_ok(300ms); });
  router.get("/very-slow", [](Context&) { return sleep_then_ok(5000ms); });
  router.post("/echo", [](Context& context) -> asio::awaitable<Response> {
    co_return json_response(Status::ok, parse_json_body(context.request));
  });
  return router;
}

boost::json::value json_of(const Response& response) {
  return boost::json::parse(response.body());
}

TEST(HttpServer, KeepAliveServesTwoRequestsOnOneConnection) {
  RunningServer server(test_router());
  Connection connection(server.port());
  const auto first = connection.round_trip(make_request(Verb::get, "/hello/ann"));
  EXPECT_EQ(first.body(), "hello ann");
  EXPECT_TRUE(first.keep_alive());
  const auto second = connection.round_trip(make_request(Verb::get, "/hello/bob"));
  EXPECT_EQ(second.body(), "hello bob");
  EXPECT_EQ(server.connection_count(), 1u);
}

TEST(HttpServer, HeadGetsGetsHeadersWithoutABodyAndTheConnectionStaysUsable) {
  RunningServer server(test_router());
  Connection connection(server.port());
  connection.send("HEAD /hello/ann HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto head = connection.read_response(/*head=*/true);
  EXPECT_EQ(head.result(), Status::ok);
  EXPECT_EQ(head[field::content_length], "9");  // what GET would send: "hello ann"
  EXPECT_TRUE(head.body().empty());
  // Had a body been sent after all, it would be read as the next response.
  const auto next = connection.round_trip(make_request(Verb::get, "/hello/bob"));
  EXPECT_EQ(next.body(), "hello bob");
}

TEST(HttpServer, PipelinedRequestsAreAnsweredInOrderWithExactFraming) {
  RunningServer server(test_router());
  Connection connection(server.port());
  connection.send(
      "GET /hello/one HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /hello/three HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(connection.read_response().body(), "hello one");
  EXPECT_EQ(connection.read_response().result(), Status::not_found);
  const auto third = connection.read_response();
  EXPECT_EQ(third.body(), "hello three");
  EXPECT_FALSE(third[field::x_frame_options].empty());
  EXPECT_FALSE(third["X-Request-Id"].empty());
}

TEST(HttpServer, Http10RequestGetsAnHttp10AnswerAndTheConnectionCloses) {
  RunningServer server(test_router());
  Connection connection(server.port());
  connection.send("GET /hello/old HTTP/1.0\r\n\r\n");
  const std::string raw = connection.read_until_closed();
  EXPECT_EQ(raw.rfind("HTTP/1.0 200 OK\r\n", 0), 0u) << raw;
  EXPECT_NE(raw.find("\r\nContent-Length: 9\r\n"), std::string::npos) << raw;
  EXPECT_EQ(raw.substr(raw.size() - 9), "hello old");
}

TEST(HttpServer, UnknownRouteIs404Json) {
  RunningServer server(test_router());
  auto request = make_request(Verb::get, "/nope");
  request.set("X-Request-Id", "abc-123");
  const auto response = fetch(server.port(), request);
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response[field::content_type], "application/json");
  const auto body = json_of(response);
  EXPECT_EQ(body.at("error").at("code").as_string(), "NOT_FOUND");
  EXPECT_EQ(body.at("requestId").as_string(), "abc-123");
}

TEST(HttpServer, WrongMethodIs405WithAllow) {
  RunningServer server(test_router());
  const auto response = fetch(server.port(), make_request(Verb::post, "/hello/x", "{}"));
  EXPECT_EQ(response.result(), Status::method_not_allowed);
  EXPECT_EQ(response[field::allow], "GET, HEAD, PUT");
  EXPECT_EQ(json_of(response).at("error").at("code").as_string(), "METHOD_NOT_ALLOWED");
}

TEST(HttpServer, HeadHasHeadersButNoBody) {
  RunningServer server(test_router());
  Connection connection(server.port());
  const auto head = connection.round_trip(make_request(Verb::head, "/hello/ann"));
  EXPECT_EQ(head.result(), Status::ok);
  EXPECT_EQ(head[field::content_length], "9");
  EXPECT_TRUE(head.body().empty());
  // The connection is still in sync: no stray body bytes were sent.
  EXPECT_EQ(connection.round_trip(make_request(Verb::get, "/hello/bob")).body(), "hello bob");
}

TEST(HttpServer, SecurityHeadersOnEveryResponse) {
  ServerOptions options = fast_options();
  options.content_security_policy = "frame-ancestors 'none'; default-src 'self'";
  RunningServer server(test_router(), options);
  for (const auto* target : {"/hello", "/nope", "/crash"}) {
    const auto response = fetch(server.port(), make_request(Verb::get, target));
    EXPECT_EQ(response["Content-Security-Policy"], "frame-ancestors 'none'; default-src 'self'")
        << target;
    EXPECT_EQ(response["X-Content-Type-Options"], "nosniff") << target;
    EXPECT_EQ(response["Referrer-Policy"], "strict-origin-when-cross-origin") << target;
    EXPECT_EQ(response[field::x_frame_options], "DENY") << target;
  }
}

TEST(HttpServer, DateOnEveryResponseIsCurrent) {
  RunningServer server(test_router());
  for (const auto* target : {"/hello", "/nope"}) {
    const auto before = std::time(nullptr);
    const auto response = fetch(server.port(), make_request(Verb::get, target));
    std::tm parts{};
    const std::string date(response[field::date]);
    ASSERT_NE(strptime(date.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts), nullptr) << date;
    // The server refreshes its Date a few times a second from the system clock.
    EXPECT_LE(std::abs(timegm(&parts) - before), 2) << date;
  }
}

TEST(HttpServer, RequestIdIsEchoedWhenSaneAndReplacedOtherwise) {
  RunningServer server(test_router());
  auto sane = make_request(Verb::get, "/hello");
  sane.set("X-Request-Id", "req-42.a_b:c");
  EXPECT_EQ(fetch(server.port(), sane)["X-Request-Id"], "req-42.a_b:c");

  auto insane = make_request(Verb::get, "/hello");
  insane.set("X-Request-Id", "<script>alert(1)</script>");
  const auto replaced_response = fetch(server.port(), insane);
  const auto replaced = replaced_response["X-Request-Id"];
  EXPECT_FALSE(replaced.empty());
  EXPECT_EQ(replaced.find('<'), std::string_view::npos);

  auto oversized = make_request(Verb::get, "/hello");
  oversized.set("X-Request-Id", std::string(500, 'a'));
  EXPECT_LE(fetch(server.port(), oversized)["X-Request-Id"].size(), 128u);

  const auto generated_response = fetch(server.port(), make_request(Verb::get, "/hello"));
  const auto generated = generated_response["X-Request-Id"];
  EXPECT_GE(generated.size(), 8u);
}

TEST(HttpServer, ThrownErrorMapsToStatusWithoutDetail) {
  RunningServer server(test_router());
  auto request = make_request(Verb::get, "/conflict");
  request.set("X-Request-Id", "rid-1");
  const auto response = fetch(server.port(), request);
  EXPECT_EQ(response.result(), Status::conflict);
  const auto body = json_of(response);
  EXPECT_EQ(body.at("error").at("code").as_string(), "CONFLICT");
  EXPECT_EQ(body.at("error").at("message").as_string(), "name taken");
  EXPECT_EQ(body.at("requestId").as_string(), "rid-1");
  EXPECT_EQ(response.body().find("users_email_key"), std::string::npos);
}

TEST(HttpServer, OtherExceptionsAreGeneric500) {
  RunningServer server(test_router());
  const auto response = fetch(server.port(), make_request(Verb::get, "/crash"));
  EXPECT_EQ(response.result(), Status::internal_server_error);
  EXPECT_EQ(json_of(response).at("error").at("code").as_string(), "INTERNAL_SERVER_ERROR");
  EXPECT_EQ(response.body().find("hunter2"), std::string::npos);
}

TEST(HttpServer, InvalidJsonBodyIs400) {
  RunningServer server(test_router());
  auto request = make_request(Verb::post, "/echo", "{\"a\": ");
  request.set(field::content_type, "application/json");
  const auto response = fetch(server.port(), request);
  EXPECT_EQ(response.result(), Status::bad_request);
  EXPECT_EQ(json_of(response).at("error").at("code").as_string(), "BAD_USER_INPUT");

  auto valid = make_request(Verb::post, "/echo", R"({"a":1})");
  valid.set(field::content_type, "application/json");
  EXPECT_EQ(fetch(server.port(), valid).body(), R"({"a":1})");
}

TEST(HttpServer, GzipWhenAcceptedOnly) {
  RunningServer server(test_router());
  auto accepted = make_request(Verb::get, "/big");
  accepted.set(field::accept_encoding, "gzip, deflate");
  const auto zipped = fetch(server.port(), accepted);
  const auto plain = fetch(server.port(), make_request(Verb::get, "/big"));
  EXPECT_EQ(zipped[field::content_encoding], "gzip");
  EXPECT_NE(zipped[field::vary].find("Accept-Encoding"), std::string_view::npos);
  EXPECT_LT(zipped.body().size(), plain.body().size());
  EXPECT_EQ(gzip_decompress(zipped.body()), plain.body());
  EXPECT_EQ(plain.count(field::content_encoding), 0u);
  EXPECT_NE(plain[field::vary].find("Accept-Encoding"), std::string_view::npos);

  auto small = make_request(Verb::get, "/hello");
  small.set(field::accept_encoding, "gzip");
  EXPECT_EQ(fetch(server.port(), small).count(field::content_encoding), 0u);
}

TEST(HttpServer, CorsPreflightAndSimpleRequests) {
  RunningServer server(test_router());
  auto preflight = make_request(Verb::options, "/echo");
  preflight.set(field::origin, "https://app.example.com");
  preflight.set(field::access_control_request_method, "POST");
  preflight.set(field::access_control_request_headers, "content-type");
  const auto allowed = fetch(server.port(), preflight);
  EXPECT_EQ(allowed.result(), Status::no_content);
  EXPECT_EQ(allowed[field::access_control_allow_origin], "https://app.example.com");
  EXPECT_NE(allowed[field::access_control_allow_methods].find("POST"), std::string_view::npos);
  EXPECT_EQ(allowed[field::access_control_allow_headers], "content-type");

  preflight.set(field::origin, "https://evil.example.com");
  const auto denied = fetch(server.port(), preflight);
  EXPECT_EQ(denied.count(field::access_control_allow_origin), 0u);
  EXPECT_EQ(denied.count(field::access_control_allow_methods), 0u);

  auto simple = make_request(Verb::get, "/hello");
  simple.set(field::origin, "https://app.example.com");
  const auto response = fetch(server.port(), simple);
  EXPECT_EQ(response[field::access_control_allow_origin], "https://app.example.com");
  EXPECT_NE(response[field::vary].find("Origin"), std::string_view::npos);
}

TEST(HttpServer, MiddlewareRunsInOrderAroundHandlerAndSeesRoute) {
  std::vector<Middleware> middleware;
  middleware.push_back([](Context& context, const Handler& next) -> asio::awaitable<Response> {
    if (context.request["X-Block"] == "yes") throw Error(ErrorCode::kForbidden, "blocked");
    context.user_data = std::string("outer");
    auto response = co_await next(context);
    response.set("X-Order", std::string(response["X-Order"]) + "outer");
    co_return response;
  });
  middleware.push_back([](Context& context, const Handler& next) -> asio::awaitable<Response> {
    auto response = co_await next(context);
    response.set("X-Order", "inner,");
    response.set("X-Route", context.route);
    response.set("X-User", std::any_cast<std::string>(context.user_data));
    co_return response;
  });
  RunningServer server(test_router(), fast_options(), std::move(middleware));
  const auto response = fetch(server.port(), make_request(Verb::get, "/hello/zed"));
  EXPECT_EQ(response.body(), "hello zed");
  EXPECT_EQ(response["X-Order"], "inner,outer");
  EXPECT_EQ(response["X-Route"], "/hello/:name");
  EXPECT_EQ(response["X-User"], "outer");

  auto blocked = make_request(Verb::get, "/hello/zed");
  blocked.set("X-Block", "yes");
  EXPECT_EQ(fetch(server.port(), blocked).result(), Status::forbidden);
}

TEST(HttpServer, AccessLogLineHasTheFields) {
  RunningServer server(test_router());
  ::testing::internal::CaptureStdout();
  auto request = make_request(Verb::get, "/hello/ann?secret=1");
  request.set("X-Request-Id", "log-check-1");
  fetch(server.port(), request);
  server.stop().wait();
  const auto output = ::testing::internal::GetCapturedStdout();
  const auto at = output.find("log-check-1");
  ASSERT_NE(at, std::string::npos) << output;
  const auto begin = output.rfind('\n', at) + 1;
  const auto line = output.substr(begin, output.find('\n', at) - begin);
  const auto fields = boost::json::parse(line).as_object();
  EXPECT_EQ(fields.at("event").as_string(), "http.request");
  EXPECT_EQ(fields.at("method").as_string(), "GET");
  EXPECT_EQ(fields.at("path").as_string(), "/hello/ann");  // no query: it may carry secrets
  EXPECT_EQ(fields.at("status").as_int64(), 200);
  EXPECT_EQ(fields.at("bytes").as_int64(), 9);
  EXPECT_TRUE(fields.at("duration_us").is_int64());
}

TEST(HttpServer, MetricsCountRequestsByRouteAndStatusClass) {
  RunningServer server(test_router());
  fetch(server.port(), make_request(Verb::get, "/hello/metrics"));
  fetch(server.port(), make_request(Verb::get, "/no/such/path"));
  server.stop().wait();  // metrics are recorded after the write; stop() waits for that
  const auto text = metrics::Registry::global().render();
  EXPECT_NE(text.find(R"(http_requests_total{server="test",route="/hello/:name",status="2xx"})"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(route="unmatched",status="4xx")"), std::string::npos);
  EXPECT_NE(text.find(R"(http_request_duration_seconds_count{server="test",route="/hello/:name"})"),
            std::string::npos);
}

TEST(HttpServer, GracefulStopFinishesInFlightAndRefusesNew) {
  RunningServer server(test_router());
  Connection idle(server.port());
  EXPECT_EQ(idle.round_trip(make_request(Verb::get, "/hello")).result(), Status::ok);

  const int before = sleepers_started.load();
  auto in_flight = std::async(std::launch::async, [port = server.port()] {
    return fetch(port, make_request(Verb::get, "/slow"));
  });
  wait_for_sleepers(before + 1);
  const auto started = std::chrono::steady_clock::now();
  auto stopped = server.stop();
  std::this_thread::sleep_for(50ms);

  EXPECT_THROW(Connection{server.port()}, boost::system::system_error);
  EXPECT_TRUE(idle.closed_within(200ms));
  const auto response = in_flight.get();
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_EQ(stopped.wait_for(1s), std::future_status::ready);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST(HttpServer, StopClosesStragglersAfterTheBound) {
  ServerOptions options = fast_options();
  options.shutdown_timeout = 200ms;
  RunningServer server(test_router(), options);
  Connection straggler(server.port());
  const int before = sleepers_started.load();
  straggler.send("GET /very-slow HTTP/1.1\r\nHost: x\r\n\r\n");
  wait_for_sleepers(before + 1);
  const auto started = std::chrono::steady_clock::now();
  auto stopped = server.stop();
  EXPECT_TRUE(straggler.closed_within(1s));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  EXPECT_EQ(stopped.wait_for(3s), std::future_status::ready);
}

TEST(HttpServer, ServersShareOnePortWithReusePort) {
  RunningServer first(test_router());
  ServerOptions options = fast_options();
  options.port = first.port();
  RunningServer second(test_router(), options);
  EXPECT_EQ(second.port(), first.port());
  // Stopping one leaves the port served by the other.
  first.stop().wait();
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(fetch(second.port(), make_request(Verb::get, "/hello")).result(), Status::ok);
  }
}

TEST(HttpServer, WithoutReusePortTheSecondBindFails) {
  ServerOptions options = fast_options();
  options.reuse_port = false;
  RunningServer first(test_router(), options);
  options.port = first.port();
  EXPECT_THROW(RunningServer(test_router(), options), boost::system::system_error);
}

}  // namespace
}  // namespace myspace::http::testing
