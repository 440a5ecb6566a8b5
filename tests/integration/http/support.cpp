#include "support.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace myspace::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;

ServerOptions fast_options() {
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.header_timeout = std::chrono::milliseconds(500);
  options.body_timeout = std::chrono::milliseconds(500);
  options.idle_timeout = std::chrono::milliseconds(400);
  options.write_timeout = std::chrono::milliseconds(1000);
  options.shutdown_timeout = std::chrono::milliseconds(2000);
  options.body_limit = 4096;
  options.header_limit = 2048;
  options.gzip_min_bytes = 256;
  options.cors_origins = {"https://app.example.com"};
  options.name = "test";
  return options;
}

RunningServer::RunningServer(Router router, ServerOptions options,
                             std::vector<Middleware> middleware) {
  server_.emplace(io_, std::move(options), std::move(router));
  for (auto& m : middleware) server_->use(std::move(m));
  server_->start();
  thread_ = std::thread([this] {
    auto guard = asio::make_work_guard(io_);
    io_.run();
  });
}

RunningServer::~RunningServer() {
  if (!stopped_) stop().wait_for(std::chrono::seconds(5));
  io_.stop();
  thread_.join();
  server_.reset();
}

std::size_t RunningServer::connection_count() {
  std::promise<std::size_t> count;
  asio::post(io_, [&] { count.set_value(server_->connection_count()); });
  return count.get_future().get();
}

std::future<void> RunningServer::stop() {
  stopped_ = true;
  return asio::co_spawn(io_, server_->stop(), asio::use_future);
}

Connection::Connection(std::uint16_t port, std::chrono::milliseconds receive_timeout)
    : socket_(io_) {
  socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(receive_timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((receive_timeout.count() % 1000) * 1000);
  ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

void Connection::send(std::string_view bytes) {
  asio::write(socket_, asio::buffer(bytes));
}

Response Connection::round_trip(Request request) {
  request.prepare_payload();
  beast_http::write(socket_, request);
  return read_response(request.method() == Verb::head);
}

Response Connection::read_response(bool head) {
  beast::flat_buffer buffer;
  if (!buffer_.empty()) {
    auto chunk = buffer.prepare(buffer_.size());
    asio::buffer_copy(chunk, asio::buffer(buffer_));
    buffer.commit(buffer_.size());
    buffer_.clear();
  }
  beast_http::response_parser<beast_http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (head) parser.skip(true);
  beast_http::read(socket_, buffer, parser);
  const auto rest = buffer.data();
  buffer_.assign(static_cast<const char*>(rest.data()), rest.size());
  return parser.release();
}

std::string Connection::read_until_closed() {
  std::string out = std::move(buffer_);
  std::array<char, 4096> chunk;
  for (;;) {
    beast::error_code ec;
    const auto n = socket_.read_some(asio::buffer(chunk), ec);
    out.append(chunk.data(), n);
    if (ec == asio::error::eof) return out;
    if (ec) return {};
  }
}

bool Connection::closed_within(std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  socket_.non_blocking(true);
  std::array<char, 4096> chunk;
  bool closed = false;
  while (!closed && std::chrono::steady_clock::now() < deadline) {
    beast::error_code ec;
    socket_.read_some(asio::buffer(chunk), ec);
    if (ec == asio::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } else if (ec) {
      closed = true;  // EOF or reset
    }
  }
  socket_.non_blocking(false);
  return closed;
}

Request make_request(Verb method, std::string target, std::string body) {
  Request request{method, target, 11};
  request.set(beast_http::field::host, "127.0.0.1");
  request.body() = std::move(body);
  request.prepare_payload();
  return request;
}

Response fetch(std::uint16_t port, Request request) {
  Connection connection(port);
  return connection.round_trip(std::move(request));
}

std::uint16_t closed_port() {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

}  // namespace myspace::http::testing
