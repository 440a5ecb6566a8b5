#include "services/web/auth_proxy.h"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <optional>
#include <thread>

#include "http/router.h"
#include "http/server.h"

namespace myspace::web {
namespace {

namespace asio = boost::asio;
using boost::beast::http::field;

TEST(AuthProxy, PassesOnlyThePublicEndpoints) {
  EXPECT_EQ(upstream_path("/auth/login"), "/login");
  EXPECT_EQ(upstream_path("/auth/refresh?x=1"), "/refresh");
  EXPECT_EQ(upstream_path("/auth/logout-all"), "/logout-all");
  for (const auto* target :
       {"/auth", "/auth/", "/auth/metrics", "/auth/health", "/auth/verify", "/auth/login/",
        "/auth/../metrics", "/auth/%6cogin", "/authlogin", "/auth/login/../metrics", "/login"}) {
    EXPECT_EQ(upstream_path(target), std::nullopt) << target;
  }
}

TEST(AuthProxy, NarrowsTheCookieToTheProxyPath) {
  EXPECT_EQ(
      scoped_cookie("myspace_refresh=abc.def; HttpOnly; SameSite=Lax; Path=/; Max-Age=604800"),
      "myspace_refresh=abc.def; HttpOnly; SameSite=Lax; Path=/auth; Max-Age=604800");
  EXPECT_EQ(scoped_cookie("myspace_refresh=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Secure"),
            "myspace_refresh=; HttpOnly; SameSite=Lax; Path=/auth; Max-Age=0; Secure");
  EXPECT_EQ(scoped_cookie("a=b"), "a=b; Path=/auth");
  EXPECT_EQ(scoped_cookie("a=b; Domain=auth.internal; path=/x"), "a=b; Path=/auth");
}

// The proxy between a browser-like client and a stand-in auth service that
// answers with what it received.
class AuthProxyServers : public ::testing::Test {
 protected:
  void SetUp() override {
    http::Router upstream_routes;
    upstream_routes.post("/login", [this](http::Context& ctx) -> asio::awaitable<http::Response> {
      seen_forwarded_ = std::string(ctx.request["X-Forwarded-For"]);
      seen_credential_ = std::string(ctx.request["X-Internal-Credential"]);
      seen_cookie_ = std::string(ctx.request[field::cookie]);
      seen_body_ = ctx.request.body();
      http::Response response{http::Status::ok, 11};
      response.set(field::content_type, "application/json");
      response.set(field::cache_control, "no-store");
      response.insert(field::set_cookie, "myspace_refresh=s.t; HttpOnly; SameSite=Lax; Path=/");
      response.insert(field::set_cookie, "other=1; Path=/");
      response.set("X-Internal", "not for browsers");
      response.body() = R"({"accessToken":"x"})";
      response.prepare_payload();
      co_return response;
    });
    upstream_.emplace(io_, options(), std::move(upstream_routes));
    upstream_->start();

    client_.emplace(io_);
    proxy_ = std::make_shared<AuthProxy>(
        *client_,
        AuthProxyOptions{.upstream = "http://127.0.0.1:" + std::to_string(upstream_->port()) + "/",
                         .internal_credential = "credential-of-the-proxy",
                         .timeout = std::chrono::milliseconds(2000),
                         .max_request_bytes = 64});
    http::Router routes;
    routes.post(kAuthRoute, AuthProxy::handler(proxy_));
    proxy_server_.emplace(io_, options(), std::move(routes));
    proxy_server_->start();

    // A second proxy, to a port nothing listens on (bound, read, closed).
    std::uint16_t dead_port = 0;
    {
      asio::ip::tcp::acceptor acceptor(io_, {asio::ip::make_address("127.0.0.1"), 0});
      dead_port = acceptor.local_endpoint().port();
    }
    http::Router dead_routes;
    dead_routes.post(kAuthRoute,
                     AuthProxy::handler(std::make_shared<AuthProxy>(
                         *client_, AuthProxyOptions{.upstream = "http://127.0.0.1:" +
                                                                std::to_string(dead_port)})));
    dead_proxy_server_.emplace(io_, options(), std::move(dead_routes));
    dead_proxy_server_->start();
    thread_ = std::thread([this] {
      auto guard = asio::make_work_guard(io_);
      io_.run();
    });
  }

  void TearDown() override {
    io_.stop();
    thread_.join();
    dead_proxy_server_.reset();
    proxy_server_.reset();
    upstream_.reset();
  }

  static http::ServerOptions options() {
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.reuse_port = false;
    return options;
  }

  http::Response post(const std::string& target, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {},
                      bool dead = false) {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect(
        {asio::ip::make_address("127.0.0.1"), (dead ? dead_proxy_server_ : proxy_server_)->port()});
    http::Request request{http::Verb::post, target, 11};
    request.set(field::host, "localhost");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = std::move(body);
    request.prepare_payload();
    boost::beast::http::write(socket, request);
    boost::beast::flat_buffer buffer;
    http::Response response;
    boost::beast::http::read(socket, buffer, response);
    return response;
  }

  asio::io_context io_;
  std::optional<http::Server> upstream_;
  std::optional<http::Client> client_;
  std::shared_ptr<AuthProxy> proxy_;
  std::optional<http::Server> proxy_server_;
  std::optional<http::Server> dead_proxy_server_;
  std::thread thread_;
  std::string seen_forwarded_, seen_credential_, seen_cookie_, seen_body_;
};

TEST_F(AuthProxyServers, ForwardsThePeerAndPassesCookiesBack) {
  const auto response = post("/auth/login", R"({"email":"a@b.c"})",
                             {{"Content-Type", "application/json"},
                              {"Cookie", "myspace_refresh=old.one"},
                              {"X-Forwarded-For", "203.0.113.9"}});
  ASSERT_EQ(response.result(), http::Status::ok);
  EXPECT_EQ(response.body(), R"({"accessToken":"x"})");
  EXPECT_EQ(response[field::content_type], "application/json");
  EXPECT_EQ(response[field::cache_control], "no-store");
  EXPECT_TRUE(response["X-Internal"].empty());
  std::vector<std::string> cookies;
  for (const auto& header : response) {
    if (header.name() == field::set_cookie) cookies.emplace_back(header.value());
  }
  EXPECT_EQ(cookies,
            (std::vector<std::string>{"myspace_refresh=s.t; HttpOnly; SameSite=Lax; Path=/auth",
                                      "other=1; Path=/auth"}));
  // The client's own X-Forwarded-For is its claim: only the peer goes on.
  EXPECT_EQ(seen_forwarded_, "127.0.0.1");
  // ...with the credential that makes the auth service believe it.
  EXPECT_EQ(seen_credential_, "credential-of-the-proxy");
  EXPECT_EQ(seen_cookie_, "myspace_refresh=old.one");
  EXPECT_EQ(seen_body_, R"({"email":"a@b.c"})");
}

TEST_F(AuthProxyServers, RefusesWhatItMustNotPass) {
  EXPECT_EQ(post("/auth/metrics", "").result(), http::Status::not_found);
  EXPECT_EQ(post("/auth/login", std::string(65, 'x')).result(), http::Status::payload_too_large);
  EXPECT_TRUE(seen_body_.empty());  // neither reached the auth service
}

TEST_F(AuthProxyServers, AnUnreachableAuthServiceIsA503) {
  const auto response = post("/auth/login", "{}", {}, true);
  EXPECT_EQ(response.result(), http::Status::service_unavailable);
  EXPECT_NE(response.body().find("sign-in service is unavailable"), std::string::npos);
}

}  // namespace
}  // namespace myspace::web
