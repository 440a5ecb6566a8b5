#include "support.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "auth/internal_credential.h"
#include "db/errors.h"
#include "db/migrations.h"
#include "db/pool.h"

namespace myspace::auth_service::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
using namespace std::chrono_literals;

std::string Reply::error_code() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  return std::string(json.at("error").at("code").as_string());
}

std::string Reply::error_message() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  return std::string(json.at("error").at("message").as_string());
}

std::string Reply::refresh_cookie() const {
  const std::string cookie(raw[beast::http::field::set_cookie]);
  const std::string prefix = "myspace_refresh=";
  if (cookie.rfind(prefix, 0) != 0) return "";
  return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
}

AuthServer::AuthServer(const AuthConfig& config) {
  options_.address = "127.0.0.1";
  options_.port = 0;
  options_.name = "auth";
  options_.cors_origins = {std::string(kWebOrigin)};
  options_.shutdown_timeout = 1s;
  service::Worker worker{io_, router_, options_, readiness_, middleware_, keep_alive_, 0};
  make_setup(config)(worker);
  server_ = std::make_unique<http::Server>(io_, options_, std::move(router_));
  for (auto& middleware : middleware_) server_->use(middleware);
  server_->start();
  port_ = server_->port();
  thread_ = std::thread([this] {
    auto guard = asio::make_work_guard(io_);
    io_.run();
  });
  // Redis connects in the background: until it has, limits are counted in
  // process, and a test counting shared limits would race it.
  for (int i = 0; i < 100 && !(probe("redis").empty() && probe("rate_limits").empty()); ++i) {
    std::this_thread::sleep_for(50ms);
  }
}

AuthServer::~AuthServer() {
  asio::co_spawn(
      io_,
      [this]() -> asio::awaitable<void> {
        co_await server_->stop();
        keep_alive_.clear();
        io_.stop();
      },
      asio::detached);
  thread_.join();
  server_.reset();
}

std::string AuthServer::probe(std::string_view name) {
  for (auto& check : readiness_) {
    if (check.name != name) continue;
    auto future = asio::co_spawn(
        io_,
        [&check]() -> asio::awaitable<std::string> {
          try {
            co_await check.probe();
          } catch (const std::exception& e) {
            co_return std::string(e.what());
          }
          co_return std::string();
        },
        asio::use_future);
    return future.get();
  }
  return "no such probe";
}

Reply send(std::uint16_t port, const Call& call) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(10s);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::Request request{call.method, call.target, 11};
  request.set(beast::http::field::host, "127.0.0.1");
  if (!call.client.empty()) {
    request.set("X-Forwarded-For", call.client);
    if (call.as_gateway) {
      request.set(auth::kInternalCredentialHeader,
                  auth::internal_credential(std::string(kTestSecret)));
    }
  }
  if (!call.body.empty()) request.set(beast::http::field::content_type, "application/json");
  for (const auto& [name, value] : call.headers) request.set(name, value);
  request.body() = call.body;
  request.prepare_payload();
  beast::http::write(stream, request);
  beast::flat_buffer buffer;
  Reply reply;
  beast::http::read(stream, buffer, reply.raw);
  reply.status = reply.raw.result();
  boost::system::error_code ec;
  reply.json = boost::json::parse(reply.raw.body(), ec);
  if (ec) reply.json = nullptr;
  return reply;
}

std::string bearer(std::string_view token) {
  return "Bearer " + std::string(token);
}

AuthTest::AuthTest() {
  asio::io_context io;
  db::PoolOptions options;
  options.connect.url = postgres_.url();
  options.max_size = 1;
  db::Pool pool(io.get_executor(), options);
  const char* source = std::getenv("MYSPACE_SOURCE_DIR");
  const std::filesystem::path root = source != nullptr ? source : MYSPACE_TEST_SOURCE_DIR;
  // db::migrate takes the path by reference: it must outlive the coroutine.
  const std::filesystem::path migrations = root / "migrations";
  auto done = asio::co_spawn(io, db::migrate(pool, migrations), asio::use_future);
  io.run();
  try {
    done.get();
  } catch (const db::DbError& e) {
    throw std::runtime_error("migrations failed: " + e.server_message());
  }
}

AuthConfig AuthTest::config() const {
  AuthConfig config;
  config.stores.database_url = postgres_.url();
  config.stores.redis_url = redis_.url();
  config.stores.pool_size = 4;
  config.jwt_secret = std::string(kTestSecret);
  config.bcrypt_cost = 10;
  config.bcrypt_threads = 2;
  config.bcrypt_queue = 64;
  config.sensitive_per_minute = 10;
  config.trusted_proxies = {"127.0.0.1"};
  config.internal_credential = auth::internal_credential(std::string(kTestSecret));
  return config;
}

AuthServer& AuthTest::server() {
  if (!server_) server_ = std::make_unique<AuthServer>(config());
  return *server_;
}

Reply AuthTest::register_user(std::string_view email, std::string_view username,
                              std::string_view password, std::string client,
                              std::string_view account_type, std::string_view display_name) {
  boost::json::object body{{"email", email},
                           {"password", password},
                           {"accountType", account_type},
                           {"username", username},
                           {"displayName", display_name}};
  Reply reply = post("/register", boost::json::serialize(body), std::move(client));
  EXPECT_EQ(reply.status, http::Status::created) << reply.raw.body();
  return reply;
}

Reply AuthTest::login(std::string_view email, std::string_view password, std::string client) {
  boost::json::object body{{"email", email}, {"password", password}};
  return post("/login", boost::json::serialize(body), std::move(client));
}

}  // namespace myspace::auth_service::testing
