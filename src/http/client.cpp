#include "http/client.h"

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/url/parse.hpp>
#include <unordered_map>

#include "common/error.h"

namespace myspace::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using field = beast_http::field;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Target {
  std::string host;
  std::string port;
  std::string path_and_query;
  std::string key() const { return host + ":" + port; }
};

Target parse_target(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || parsed->scheme_id() != boost::urls::scheme::http || parsed->host().empty()) {
    throw Error(ErrorCode::kBadRequest, "invalid URL", std::string(url));
  }
  Target target;
  target.host = parsed->encoded_host_name();
  if (parsed->host_type() == boost::urls::host_type::ipv6)
    target.host = parsed->host_ipv6_address().to_string();
  target.port = parsed->has_port() ? std::string(parsed->port()) : "80";
  target.path_and_query = parsed->encoded_target();
  if (target.path_and_query.empty() || target.path_and_query.front() != '/') {
    target.path_and_query.insert(0, "/");
  }
  return target;
}

struct Idle {
  std::unique_ptr<beast::tcp_stream> stream;
  Clock::time_point since;
};

// Whether a pooled connection still looks usable: no EOF and no stray bytes waiting.
bool looks_alive(beast::tcp_stream& stream) {
  auto& socket = stream.socket();
  beast::error_code ec;
  socket.non_blocking(true, ec);
  char probe = 0;
  socket.receive(asio::buffer(&probe, 1), tcp::socket::message_peek, ec);
  const bool alive = ec == asio::error::would_block;
  socket.non_blocking(false, ec);
  return alive;
}

bool is_idempotent(Verb method) {
  return method == Verb::get || method == Verb::head || method == Verb::put ||
         method == Verb::delete_ || method == Verb::options;
}

std::string_view stage_name(FailedStage stage) noexcept {
  switch (stage) {
    case FailedStage::kResolve:
      return "resolve";
    case FailedStage::kConnect:
      return "connect";
    case FailedStage::kExchange:
      break;
  }
  return "exchange";
}

// `step` refines the stage in the detail for people ("write", "read").
[[noreturn]] void fail(beast::error_code ec, const Target& target, FailedStage stage,
                       std::string_view step = {}) {
  const std::string detail = std::string(step.empty() ? stage_name(stage) : step) + " " +
                             target.key() + ": " + ec.message();
  const bool refused = ec == asio::error::connection_refused;
  if (ec == beast::error::timeout || ec == asio::error::timed_out) {
    throw UpstreamError(ErrorCode::kTimeout, "upstream timed out", detail, stage, refused);
  }
  throw UpstreamError(ErrorCode::kUnavailable, "upstream unavailable", detail, stage, refused);
}

}  // namespace

struct Client::State {
  State(asio::io_context& io_context, ClientOptions client_options)
      : io(io_context), options(std::move(client_options)) {}

  asio::io_context& io;
  ClientOptions options;
  std::unordered_map<std::string, std::vector<Idle>> idle;

  std::unique_ptr<beast::tcp_stream> take_idle(const std::string& key);
  void give_back(const std::string& key, std::unique_ptr<beast::tcp_stream> stream);
  asio::awaitable<tcp::resolver::results_type> resolve(const Target& target,
                                                       Clock::time_point deadline);
  asio::awaitable<std::unique_ptr<beast::tcp_stream>> connect(const Target& target,
                                                              Clock::time_point deadline);
};

std::unique_ptr<beast::tcp_stream> Client::State::take_idle(const std::string& key) {
  auto it = idle.find(key);
  if (it == idle.end()) return nullptr;
  auto& pool = it->second;
  while (!pool.empty()) {
    auto entry = std::move(pool.back());
    pool.pop_back();
    if (Clock::now() - entry.since < options.idle_ttl && looks_alive(*entry.stream)) {
      return std::move(entry.stream);
    }
  }
  return nullptr;
}

void Client::State::give_back(const std::string& key, std::unique_ptr<beast::tcp_stream> stream) {
  auto& pool = idle[key];
  if (pool.size() < options.max_idle_per_host) pool.push_back({std::move(stream), Clock::now()});
}

asio::awaitable<tcp::resolver::results_type> Client::State::resolve(const Target& target,
                                                                    Clock::time_point deadline) {
  using namespace asio::experimental::awaitable_operators;
  beast::error_code ec;
  const auto address = asio::ip::make_address(target.host, ec);
  if (!ec) {
    co_return tcp::resolver::results_type::create(
        tcp::endpoint(address, static_cast<std::uint16_t>(std::stoul(target.port))), target.host,
        target.port);
  }
  // The resolver does not honour tcp_stream deadlines, so race it against a timer.
  tcp::resolver resolver(io);
  asio::steady_timer timer(io, deadline);
  auto result = co_await (resolver.async_resolve(target.host, target.port,
                                                 asio::redirect_error(asio::use_awaitable, ec)) ||
                          timer.async_wait(asio::use_awaitable));
  if (result.index() == 1) fail(beast::error::timeout, target, FailedStage::kResolve);
  if (ec) fail(ec, target, FailedStage::kResolve);
  co_return std::get<0>(std::move(result));
}

asio::awaitable<std::unique_ptr<beast::tcp_stream>> Client::State::connect(
    const Target& target, Clock::time_point deadline) {
  const auto endpoints = co_await resolve(target, deadline);
  auto stream = std::make_unique<beast::tcp_stream>(io);
  stream->expires_at(deadline);
  beast::error_code ec;
  co_await stream->async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) fail(ec, target, FailedStage::kConnect);
  stream->socket().set_option(tcp::no_delay(true), ec);
  co_return stream;
}

Client::Client(asio::io_context& io, ClientOptions options)
    : state_(std::make_shared<State>(io, std::move(options))) {}

Client::~Client() = default;

std::size_t Client::idle_connections() const noexcept {
  std::size_t n = 0;
  for (const auto& [key, pool] : state_->idle) n += pool.size();
  return n;
}

asio::awaitable<Response> Client::request(Verb method, std::string_view url, std::string body,
                                          Headers headers, std::chrono::milliseconds timeout) {
  const auto state = state_;  // outlives this call even if the Client goes away
  const auto target = parse_target(url);
  const auto deadline =
      Clock::now() + (timeout.count() > 0 ? timeout : state->options.default_timeout);

  Request request{method, target.path_and_query, 11};
  request.set(field::host, target.port == "80" ? target.host : target.key());
  request.set(field::user_agent, state->options.user_agent);
  for (auto& [name, value] : headers) request.set(name, value);
  request.body() = std::move(body);
  request.prepare_payload();
  request.keep_alive(true);

  // A pooled connection may have been closed by the server just now; such a
  // request is retried once on a fresh connection when that is safe.
  for (int attempt = 0;; ++attempt) {
    auto stream = attempt == 0 ? state->take_idle(target.key()) : nullptr;
    const bool reused = stream != nullptr;
    if (!stream) stream = co_await state->connect(target, deadline);

    beast::error_code ec;
    stream->expires_at(deadline);
    co_await beast_http::async_write(*stream, request,
                                     asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (reused) continue;
      fail(ec, target, FailedStage::kExchange, "write");
    }
    beast::flat_buffer buffer;
    beast_http::response_parser<beast_http::string_body> parser;
    parser.body_limit(state->options.max_response_bytes);
    if (method == Verb::head) parser.skip(true);
    co_await beast_http::async_read(*stream, buffer, parser,
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      const bool stale = ec == beast_http::error::end_of_stream || ec == asio::error::eof ||
                         ec == asio::error::connection_reset;
      if (reused && stale && buffer.size() == 0 && is_idempotent(method)) continue;
      fail(ec, target, FailedStage::kExchange, "read");
    }
    Response response = parser.release();
    // Bytes beyond this response mean a confused peer: do not reuse.
    if (response.keep_alive() && buffer.size() == 0) {
      state->give_back(target.key(), std::move(stream));
    }
    co_return response;
  }
}

}  // namespace myspace::http
