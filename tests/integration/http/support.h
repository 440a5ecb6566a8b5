#pragma once
// A Server running on its own thread and blocking client helpers, so that
// tests read as plain request/response sequences over real sockets.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "http/server.h"

namespace myspace::http::testing {

using tcp = boost::asio::ip::tcp;

// Short deadlines so that timeout tests finish quickly.
ServerOptions fast_options();

class RunningServer {
 public:
  RunningServer(Router router, ServerOptions options = fast_options(),
                std::vector<Middleware> middleware = {});
  ~RunningServer();

  std::uint16_t port() const { return server_->port(); }
  std::size_t connection_count();
  // Runs Server::stop() on the server's thread; the future completes with it.
  std::future<void> stop();

 private:
  boost::asio::io_context io_;
  std::optional<Server> server_;
  std::thread thread_;
  bool stopped_ = false;
};

// A blocking connection to 127.0.0.1:port with a receive timeout, so that a
// broken server fails a test instead of hanging it.
class Connection {
 public:
  explicit Connection(std::uint16_t port,
                      std::chrono::milliseconds receive_timeout = std::chrono::seconds(5));

  void send(std::string_view bytes);
  Response round_trip(Request request);
  Response read_response(bool head = false);
  // Reads until the peer closes; returns what arrived (empty on reset or timeout).
  std::string read_until_closed();
  // Whether the peer has closed (EOF or reset) within `wait`.
  bool closed_within(std::chrono::milliseconds wait);

 private:
  boost::asio::io_context io_;
  tcp::socket socket_;
  std::string buffer_;
};

Request make_request(Verb method, std::string target, std::string body = {});
Response fetch(std::uint16_t port, Request request);

// A port that refuses connections (bound once, then closed).
std::uint16_t closed_port();

}  // namespace myspace::http::testing
