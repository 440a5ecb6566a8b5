// The client against a real server: round trip, connection reuse, timeout,
// refused connections and stale pooled connections.
#include "http/client.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include "common/error.h"
#include "support.h"

namespace myspace::http::testing {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

Router upstream_router() {
  Router router;
  router.post("/verify", [](Context& context) -> asio::awaitable<Response> {
    Response response{Status::ok, 11};
    response.set(beast_http::field::content_type, "text/plain");
    response.body() = std::string(context.request["Authorization"]) + "|" + context.request.body();
    co_return response;
  });
  router.get("/slow", [](Context&) -> asio::awaitable<Response> {
    asio::steady_timer timer(co_await asio::this_coro::executor, 600ms);
    co_await timer.async_wait(asio::use_awaitable);
    co_return Response{Status::ok, 11};
  });
  router.get("/missing", [](Context&) -> asio::awaitable<Response> {
    throw Error(ErrorCode::kNotFound, "missing");
  });
  return router;
}

// Runs `body` as a coroutine on a fresh io_context in this thread.
template <typename Fn>
auto run(Fn body) {
  asio::io_context io;
  Client client(io);
  auto future = asio::co_spawn(io, body(client), asio::use_future);
  io.run();
  return future.get();
}

std::string url(std::uint16_t port, std::string_view path) {
  return "http://127.0.0.1:" + std::to_string(port) + std::string(path);
}

ErrorCode error_code_of(std::function<void()> fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no myspace::Error thrown";
  return ErrorCode::kInternal;
}

TEST(HttpClient, RoundTripWithHeadersAndBody) {
  RunningServer server(upstream_router());
  const auto response = run([&](Client& client) -> asio::awaitable<Response> {
    Headers headers{{"Authorization", "Bearer x"}};
    co_return co_await client.request(Verb::post, url(server.port(), "/verify"), "token-body",
                                      std::move(headers));
  });
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), "Bearer x|token-body");
}

TEST(HttpClient, ErrorStatusesAreResponsesNotExceptions) {
  RunningServer server(upstream_router());
  const auto status = run([&](Client& client) -> asio::awaitable<Status> {
    co_return (co_await client.request(Verb::get, url(server.port(), "/missing"))).result();
  });
  EXPECT_EQ(status, Status::not_found);
}

TEST(HttpClient, ReusesTheConnection) {
  RunningServer server(upstream_router());
  const auto [idle, server_side] =
      run([&](Client& client) -> asio::awaitable<std::pair<std::size_t, std::size_t>> {
        for (int i = 0; i < 3; ++i) {
          const auto response = co_await client.request(Verb::post, url(server.port(), "/verify"));
          EXPECT_EQ(response.result(), Status::ok);
        }
        co_return std::pair{client.idle_connections(), server.connection_count()};
      });
  EXPECT_EQ(idle, 1u);
  EXPECT_EQ(server_side, 1u);
}

TEST(HttpClient, RecoversFromAConnectionTheServerClosed) {
  RunningServer server(upstream_router());  // idle_timeout 400ms
  const auto status = run([&](Client& client) -> asio::awaitable<Status> {
    co_await client.request(Verb::get, url(server.port(), "/missing"));
    asio::steady_timer timer(co_await asio::this_coro::executor, 700ms);
    co_await timer.async_wait(asio::use_awaitable);
    co_return (co_await client.request(Verb::get, url(server.port(), "/missing"))).result();
  });
  EXPECT_EQ(status, Status::not_found);
}

TEST(HttpClient, TimeoutIsKTimeout) {
  RunningServer server(upstream_router());
  const auto started = Clock::now();
  EXPECT_EQ(error_code_of([&] {
              run([&](Client& client) -> asio::awaitable<Response> {
                co_return co_await client.request(Verb::get, url(server.port(), "/slow"), {}, {},
                                                  150ms);
              });
            }),
            ErrorCode::kTimeout);
  EXPECT_LT(Clock::now() - started, 1s);
}

TEST(HttpClient, RefusedConnectionIsKUnavailable) {
  const auto port = closed_port();
  EXPECT_EQ(error_code_of([&] {
              run([&](Client& client) -> asio::awaitable<Response> {
                co_return co_await client.request(Verb::get, url(port, "/x"));
              });
            }),
            ErrorCode::kUnavailable);
}

TEST(HttpClient, BadUrlIsKBadRequest) {
  EXPECT_EQ(error_code_of([&] {
              run([&](Client& client) -> asio::awaitable<Response> {
                co_return co_await client.request(Verb::get, "https://example.com/");
              });
            }),
            ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace myspace::http::testing
