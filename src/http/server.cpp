#include "http/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <ctime>
#include <list>
#include <optional>
#include <unordered_map>

#include "common/log.h"
#include "common/metrics.h"
#include "http/errors.h"
#include "http/gzip.h"
#include "http/policies.h"
#include "http/response_head.h"
#include "http/url.h"

namespace myspace::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using field = beast_http::field;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Connection {
  explicit Connection(tcp::socket connected) : socket(std::move(connected)) {}
  tcp::socket socket;
  // True while waiting for the next request; stop() may close it right away.
  bool idle = true;
  // When the I/O under way must have finished; the server's sweep closes the
  // socket after it. One time point per connection replaces a timer per
  // operation, which cost two timer-queue updates and clock reads a request.
  Clock::time_point deadline = Clock::time_point::max();
  // Reused for every response head, so serializing one allocates nothing.
  std::string head;
  // The request being read. Kept here, in the connection's coroutine frame,
  // rather than in each request's: it is large, and a per-request frame of
  // that size would come from malloc every time instead of Asio's frame cache.
  std::optional<beast_http::request_parser<beast_http::string_body>> parser;
};
using ConnectionPtr = std::shared_ptr<Connection>;

// Deadlines are checked this often: a fraction of the shortest timeout, so a
// timeout fires within about an eighth of its length of when it is due.
std::chrono::milliseconds sweep_interval_for(const ServerOptions& options) {
  const auto shortest = std::min(
      {options.header_timeout, options.body_timeout, options.idle_timeout, options.write_timeout});
  return std::clamp(shortest / 8, std::chrono::milliseconds(10), std::chrono::milliseconds(250));
}

// What the access log and metrics need about one exchange.
struct Exchange {
  std::string_view method = "-";
  std::string_view path = "-";  // into the request, which outlives the exchange
  std::string_view route;
  std::string request_id;
  unsigned status = 0;
  std::size_t bytes = 0;
  Clock::time_point started = Clock::now();
};

struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view value) const noexcept {
    return std::hash<std::string_view>{}(value);
  }
};

}  // namespace

struct detail::ServerState {
  ServerState(asio::io_context& io_context, ServerOptions server_options, Router server_router)
      : io(io_context),
        options(std::move(server_options)),
        router(std::move(server_router)),
        cors(options.cors_origins, options.cors_allow_credentials),
        head_writer(options.content_security_policy),
        acceptor(io_context),
        drained(io_context),
        sweep_timer(io_context),
        sweep_interval(sweep_interval_for(options)),
        open_connections(metrics::Registry::global().gauge("http_open_connections",
                                                           "Open HTTP connections.",
                                                           metrics::label("server", options.name))),
        deadline_closes(metrics::Registry::global().counter(
            "http_deadline_closes_total",
            "Connections closed because a read, write or idle deadline passed.",
            metrics::label("server", options.name))) {
    refresh_clock();
  }

  asio::io_context& io;
  ServerOptions options;
  Router router;
  CorsPolicy cors;
  ResponseHeadWriter head_writer;
  std::vector<Middleware> middleware;
  tcp::acceptor acceptor;
  std::uint16_t port = 0;
  bool started = false;
  bool stopping = false;
  bool destroyed = false;
  std::list<ConnectionPtr> connections;
  // Cancelled when the last connection ends during stop().
  asio::steady_timer drained;
  // Ticks every sweep_interval: refreshes `now` and the Date header, and
  // closes connections whose deadline passed.
  asio::steady_timer sweep_timer;
  std::chrono::milliseconds sweep_interval;
  Clock::time_point now;  // as of the last tick: deadlines need no finer clock
  std::time_t date_second = 0;
  std::string http_date;  // the Date header value for `date_second`
  metrics::Gauge& open_connections;
  metrics::Counter& deadline_closes;
  // The metrics of each route, looked up once per route so that recording a
  // request takes neither the registry lock nor a label string.
  struct RouteMetrics {
    std::string labels;  // server="…",route="…"
    metrics::Histogram* latency = nullptr;
    // 1xx .. 5xx, registered when first seen so /metrics lists only real series.
    std::array<metrics::Counter*, 5> requests_by_status_class{};
  };
  std::unordered_map<std::string, RouteMetrics, TransparentStringHash, std::equal_to<>>
      route_metrics;

  RouteMetrics& metrics_of(std::string_view route);
  void record(const Exchange& exchange);
  void finalize(const Request* request, Response& response, bool close) const;

  void expect_io_within(Connection& connection, std::chrono::milliseconds timeout) const {
    connection.deadline = now + timeout;
  }
  void refresh_clock();
  void close_expired();
};

// Closing the socket ends whatever operation the connection is waiting on
// (it completes with operation_aborted) and makes any later one fail at once;
// every deadline ends the connection, so nothing else is needed.
void detail::ServerState::close_expired() {
  for (const auto& connection : connections) {
    if (connection->deadline > now || !connection->socket.is_open()) continue;
    beast::error_code ignored;
    connection->socket.close(ignored);
    deadline_closes.inc();
  }
}

void detail::ServerState::refresh_clock() {
  now = Clock::now();
  const auto second = std::time(nullptr);
  if (second != date_second) {
    date_second = second;
    http_date = format_http_date(second);
  }
}

detail::ServerState::RouteMetrics& detail::ServerState::metrics_of(std::string_view route) {
  if (const auto found = route_metrics.find(route); found != route_metrics.end()) {
    return found->second;
  }
  RouteMetrics entry;
  entry.labels = metrics::label("server", options.name) + "," +
                 metrics::label("route", route.empty() ? "unmatched" : route);
  entry.latency = &metrics::Registry::global().histogram(
      "http_request_duration_seconds", "HTTP request latency by route.", entry.labels);
  return route_metrics.emplace(std::string(route), std::move(entry)).first->second;
}

void detail::ServerState::record(const Exchange& exchange) {
  const auto elapsed = std::chrono::duration<double>(Clock::now() - exchange.started).count();
  auto& metrics = metrics_of(exchange.route);
  metrics.latency->observe(elapsed);
  const auto status_class = std::clamp(exchange.status / 100, 1U, 5U);
  auto*& requests = metrics.requests_by_status_class[status_class - 1];
  if (!requests) {
    requests = &metrics::Registry::global().counter(
        "http_requests_total", "HTTP requests by route and status class.",
        metrics.labels + ",status=\"" + std::to_string(status_class) + "xx\"");
  }
  requests->inc();
  // The access line is built only when it will be written: at LOG_LEVEL=warn
  // a request costs no JSON at all.
  if (!log::enabled(log::Level::kInfo)) return;
  log::info("http.request", {{"method", exchange.method},
                             {"path", exchange.path},
                             {"status", exchange.status},
                             {"duration_us", static_cast<std::int64_t>(elapsed * 1e6)},
                             {"request_id", exchange.request_id},
                             {"bytes", exchange.bytes}});
}

namespace {

bool body_forbidden(Status status) {
  return beast_http::to_status_class(status) == beast_http::status_class::informational ||
         status == Status::no_content || status == Status::not_modified;
}

void maybe_gzip(const Request& request, Response& response, std::size_t min_bytes) {
  if (response.body().size() < min_bytes || response.count(field::content_encoding) > 0 ||
      !is_compressible(response[field::content_type])) {
    return;
  }
  add_vary(response, "Accept-Encoding");
  if (!accepts_gzip(request[field::accept_encoding])) return;
  response.body() = gzip_compress(response.body());
  response.set(field::content_encoding, "gzip");
}

}  // namespace

// Everything every response gets, whoever produced it, apart from Date and the
// security headers, which are added as the head is serialized. `request` is
// null when the request head could not be read.
void detail::ServerState::finalize(const Request* request, Response& response, bool close) const {
  if (request) cors.apply(*request, response);
  if (body_forbidden(response.result())) {
    response.body().clear();
    response.erase(field::content_length);
    response.erase(field::transfer_encoding);
  } else {
    if (request) maybe_gzip(*request, response, options.gzip_min_bytes);
    response.prepare_payload();
  }
  response.keep_alive(!close && !stopping && request && request->keep_alive());
  // HEAD gets the headers GET would get, Content-Length included, but no body.
  if (request && request->method() == Verb::head) response.body().clear();
}

namespace {

// Runs middleware[i..] around `last`.
asio::awaitable<Response> run_chain(const std::vector<Middleware>& middleware, std::size_t i,
                                    Context& context, const Handler& last) {
  if (i == middleware.size()) co_return co_await last(context);
  const Handler next = [&middleware, i, &last](Context& c) {
    return run_chain(middleware, i + 1, c, last);
  };
  co_return co_await middleware[i](context, next);
}

asio::awaitable<Response> not_found(Context& context) {
  co_return error_response(ErrorCode::kNotFound, "no such resource", context.request_id,
                           context.request.version());
}

asio::awaitable<Response> method_not_allowed(std::string allow, Context& context) {
  auto response =
      error_response(Status::method_not_allowed, "METHOD_NOT_ALLOWED", "method not allowed",
                     context.request_id, context.request.version());
  response.set(field::allow, allow);
  co_return response;
}

// Calls the handler chain and turns whatever it throws into a JSON error.
asio::awaitable<Response> invoke(const std::vector<Middleware>& middleware, Context& context,
                                 const Handler& last) {
  std::exception_ptr failure;
  try {
    co_return co_await run_chain(middleware, 0, context, last);
  } catch (...) {
    failure = std::current_exception();
  }
  const auto version = context.request.version();
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kInternal || !e.detail().empty()) {
      log::warn("http.handler_error", {{"request_id", context.request_id},
                                       {"code", error_code_name(e.code())},
                                       {"message", e.what()},
                                       {"detail", e.detail()}});
    }
    co_return error_response(e.code(), e.what(), context.request_id, version);
  } catch (const std::exception& e) {
    log::error("http.handler_exception",
               {{"request_id", context.request_id}, {"route", context.route}, {"what", e.what()}});
  } catch (...) {
    log::error("http.handler_exception",
               {{"request_id", context.request_id}, {"route", context.route}, {"what", "unknown"}});
  }
  co_return error_response(ErrorCode::kInternal, "internal server error", context.request_id,
                           version);
}

asio::awaitable<Response> dispatch(detail::ServerState& state, Context& context) {
  const auto& request = context.request;
  if (CorsPolicy::is_preflight(request)) co_return state.cors.preflight(request);
  auto match = state.router.match(request.method(), target_path(request.target()));
  context.route = std::move(match.pattern);
  context.params = std::move(match.params);
  switch (match.kind) {
    case Router::Match::Kind::kFound:
      co_return co_await invoke(state.middleware, context, *match.handler);
    case Router::Match::Kind::kMethodNotAllowed: {
      const Handler answer = [allow = std::move(match.allow)](Context& c) {
        return method_not_allowed(allow, c);
      };
      co_return co_await invoke(state.middleware, context, answer);
    }
    case Router::Match::Kind::kNotFound:
      break;
  }
  static const Handler kNotFound = not_found;
  co_return co_await invoke(state.middleware, context, kNotFound);
}

// The status for a failure to read a request, or nullopt when the connection
// should just be closed (peer gone, or the sweep closed it at its deadline).
std::optional<Status> read_failure_status(beast::error_code ec) {
  if (ec == beast_http::error::header_limit) return Status::request_header_fields_too_large;
  if (ec == beast_http::error::body_limit) return Status::payload_too_large;
  if (ec == beast_http::error::end_of_stream || ec == asio::error::eof ||
      ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
      ec == asio::error::bad_descriptor || ec == beast_http::error::partial_message) {
    return std::nullopt;
  }
  return Status::bad_request;
}

Response read_failure_response(Status status, std::string_view request_id) {
  switch (status) {
    case Status::request_header_fields_too_large:
      return error_response(status, "HEADER_TOO_LARGE", "request header too large", request_id);
    case Status::payload_too_large:
      return error_response(ErrorCode::kPayloadTooLarge, "request body too large", request_id);
    default:
      return error_response(ErrorCode::kBadRequest, "malformed request", request_id);
  }
}

std::string request_id_for(const Request& request) {
  if (auto id = sanitize_request_id(request["X-Request-Id"])) return std::move(*id);
  return generate_request_id();
}

// Beast's serializer walks a response through layered buffer views, which
// cost more than everything else we do for a small response; ours are always
// whole strings with a Content-Length, so the head goes out as one string,
// gathered with the body into a single write.
asio::awaitable<void> write_response(detail::ServerState& state, Connection& connection,
                                     Response& response) {
  connection.head.clear();
  state.head_writer.write(response, state.http_date, connection.head);
  const std::array<asio::const_buffer, 2> buffers{asio::buffer(connection.head),
                                                  asio::buffer(response.body())};
  state.expect_io_within(connection, state.options.write_timeout);
  beast::error_code ec;
  co_await asio::async_write(connection.socket, buffers,
                             asio::redirect_error(asio::use_awaitable, ec));
  if (ec) response.keep_alive(false);
}

// Closing a socket with unread input makes the kernel send RST, which can
// destroy the error response before the client reads it. So: stop sending,
// then discard what the client still sends, briefly and boundedly.
asio::awaitable<void> linger(const detail::ServerState& state, Connection& connection) {
  beast::error_code ec;
  connection.socket.shutdown(tcp::socket::shutdown_send, ec);
  state.expect_io_within(connection, std::chrono::milliseconds(500));
  std::array<char, 4096> sink;
  std::size_t discarded = 0;
  while (!ec && discarded < 256 * 1024) {
    discarded += co_await connection.socket.async_read_some(
        asio::buffer(sink), asio::redirect_error(asio::use_awaitable, ec));
  }
}

// Answers a request whose head or body could not be read, if there is anyone
// to answer. Always ends the connection.
asio::awaitable<void> reject(detail::ServerState& state, Connection& connection,
                             beast::error_code ec,
                             const beast_http::request_parser<beast_http::string_body>& parser,
                             Exchange& exchange) {
  const auto status = read_failure_status(ec);
  if (!status) co_return;
  const bool have_head = parser.is_header_done();
  const Request* request = have_head ? &parser.get() : nullptr;
  exchange.request_id = have_head ? request_id_for(*request) : generate_request_id();
  if (have_head) {
    exchange.method = beast_http::to_string(request->method());
    exchange.path = target_path(request->target());
  }
  auto response = read_failure_response(*status, exchange.request_id);
  response.set("X-Request-Id", exchange.request_id);
  state.finalize(request, response, true);
  exchange.status = response.result_int();
  exchange.bytes = response.body().size();
  co_await write_response(state, connection, response);
  state.record(exchange);
  co_await linger(state, connection);
}

// Parses the head of the next request from what is already buffered. Nearly
// every request arrives whole with the read that woke the connection, and
// parsing it here spares a round through Beast's read operation and the
// reactor. False when more bytes are needed (then read as usual); a malformed
// or oversized head sets `ec`, exactly as the asynchronous read would.
bool parse_buffered_head(beast_http::request_parser<beast_http::string_body>& parser,
                         beast::flat_buffer& buffer, beast::error_code& ec) {
  const std::size_t used = parser.put(buffer.data(), ec);
  buffer.consume(used);
  if (ec == beast_http::error::need_more) {
    ec = {};
    return false;
  }
  return ec || parser.is_header_done();
}

// Serves one request. Returns whether the connection may carry another.
asio::awaitable<bool> serve_one(detail::ServerState& state, Connection& connection,
                                beast::flat_buffer& buffer, const asio::ip::address& peer) {
  Exchange exchange;
  auto& parser = connection.parser.emplace();
  parser.header_limit(static_cast<std::uint32_t>(state.options.header_limit));
  // Beast checks a declared Content-Length against this as soon as the head
  // is parsed, before any body byte is read, and counts chunked bodies as they stream.
  parser.body_limit(state.options.body_limit);
  beast::error_code ec;
  state.expect_io_within(connection, state.options.header_timeout);
  if (!parse_buffered_head(parser, buffer, ec)) {
    co_await beast_http::async_read_header(connection.socket, buffer, parser,
                                           asio::redirect_error(asio::use_awaitable, ec));
  }
  if (!ec && !parser.is_done()) {
    state.expect_io_within(connection, state.options.body_timeout);
    if (parser.get()[field::expect] == "100-continue") {
      beast_http::response<beast_http::empty_body> go_on{Status::continue_, 11};
      co_await beast_http::async_write(connection.socket, go_on,
                                       asio::redirect_error(asio::use_awaitable, ec));
    }
    if (!ec) {
      co_await beast_http::async_read(connection.socket, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    }
  }
  if (ec) {
    co_await reject(state, connection, ec, parser, exchange);
    co_return false;
  }
  // The handler may take as long as it needs; its own I/O has its own bounds.
  connection.deadline = Clock::time_point::max();
  const Request& request = parser.get();
  Context context{request, request_id_for(request), peer, {}, {}, {}};
  exchange.method = beast_http::to_string(request.method());
  exchange.path = target_path(request.target());
  exchange.request_id = context.request_id;

  auto response = co_await dispatch(state, context);
  response.set("X-Request-Id", context.request_id);
  state.finalize(&request, response, false);
  exchange.route = context.route;
  exchange.status = response.result_int();
  exchange.bytes = response.body().size();
  co_await write_response(state, connection, response);
  state.record(exchange);
  // An idle keep-alive connection must not hold on to the last request's body.
  connection.parser.reset();
  co_return response.keep_alive();
}

// Waits for the first byte of the next request; false when the connection
// should end instead (idle deadline, peer closed, server stopping).
asio::awaitable<bool> await_request(const detail::ServerState& state, Connection& connection,
                                    beast::flat_buffer& buffer,
                                    std::chrono::milliseconds deadline) {
  if (buffer.size() > 0) co_return true;  // a pipelined request is already here
  connection.idle = true;
  state.expect_io_within(connection, deadline);
  beast::error_code ec;
  const auto n = co_await connection.socket.async_read_some(
      buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, ec));
  connection.idle = false;
  if (ec) co_return false;
  buffer.commit(n);
  co_return true;
}

void close_connection(Connection& connection) {
  beast::error_code ignored;
  connection.socket.shutdown(tcp::socket::shutdown_both, ignored);
  connection.socket.close(ignored);
}

asio::awaitable<void> session(std::shared_ptr<detail::ServerState> state,
                              ConnectionPtr connection) {
  state->connections.push_back(connection);
  const auto self = std::prev(state->connections.end());
  state->open_connections.add(1);
  beast::error_code ec;
  const auto peer = connection->socket.remote_endpoint(ec).address();
  beast::flat_buffer buffer;
  // A fresh connection must start its request within the header deadline;
  // between keep-alive requests the (longer) idle deadline applies.
  auto deadline = state->options.header_timeout;
  try {
    while (!state->stopping && co_await await_request(*state, *connection, buffer, deadline)) {
      if (!co_await serve_one(*state, *connection, buffer, peer)) break;
      deadline = state->options.idle_timeout;
    }
  } catch (const std::exception& e) {
    log::error("http.session_error", {{"what", e.what()}});
  }
  close_connection(*connection);
  state->connections.erase(self);
  state->open_connections.add(-1);
  if (state->stopping && state->connections.empty()) state->drained.cancel();
}

asio::awaitable<void> sweep_loop(std::shared_ptr<detail::ServerState> state) {
  while (!state->destroyed && !(state->stopping && state->connections.empty())) {
    state->sweep_timer.expires_after(state->sweep_interval);
    beast::error_code ec;
    co_await state->sweep_timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (state->destroyed) break;
    state->refresh_clock();
    state->close_expired();
  }
}

asio::awaitable<void> accept_loop(std::shared_ptr<detail::ServerState> state) {
  while (!state->stopping) {
    beast::error_code ec;
    tcp::socket socket(state->io);
    co_await state->acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (state->stopping || ec == asio::error::operation_aborted) break;
    if (ec) {
      // Typically EMFILE: back off instead of spinning on the same error.
      log::warn("http.accept_error", {{"error", ec.message()}});
      asio::steady_timer pause(state->io, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(state->io, session(state, std::make_shared<Connection>(std::move(socket))),
                   asio::detached);
  }
}

}  // namespace

Server::Server(asio::io_context& io, ServerOptions options, Router router)
    : state_(std::make_shared<detail::ServerState>(io, std::move(options), std::move(router))) {}

Server::~Server() {
  state_->stopping = true;
  state_->destroyed = true;
  state_->sweep_timer.cancel();
  beast::error_code ignored;
  state_->acceptor.close(ignored);
  for (const auto& connection : state_->connections) close_connection(*connection);
}

void Server::use(Middleware middleware) {
  state_->middleware.push_back(std::move(middleware));
}

void Server::start() {
  auto& acceptor = state_->acceptor;
  const tcp::endpoint endpoint(asio::ip::make_address(state_->options.address),
                               state_->options.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(tcp::acceptor::reuse_address(true));
  if (state_->options.reuse_port) {
    acceptor.set_option(asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>(true));
  }
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  state_->port = acceptor.local_endpoint().port();
  state_->started = true;
  log::info("http.listening", {{"server", state_->options.name},
                               {"address", state_->options.address},
                               {"port", state_->port}});
  asio::co_spawn(state_->io, accept_loop(state_), asio::detached);
  asio::co_spawn(state_->io, sweep_loop(state_), asio::detached);
}

asio::awaitable<void> Server::stop() {
  const auto state = state_;
  state->stopping = true;
  beast::error_code ec;
  state->acceptor.close(ec);
  for (const auto& connection : state->connections) {
    if (connection->idle) connection->socket.cancel(ec);
  }
  if (!state->connections.empty()) {
    state->drained.expires_after(state->options.shutdown_timeout);
    co_await state->drained.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  if (!state->connections.empty()) {
    log::warn("http.shutdown_forced",
              {{"server", state->options.name}, {"connections", state->connections.size()}});
    for (const auto& connection : state->connections) close_connection(*connection);
    // Sessions notice the closed socket at their next I/O; give them a moment.
    // A handler still busy past this ends on its own, writing to a dead socket.
    state->drained.expires_after(std::chrono::milliseconds(200));
    co_await state->drained.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  log::info("http.stopped", {{"server", state->options.name}});
}

std::uint16_t Server::port() const noexcept {
  return state_->port;
}

std::size_t Server::connection_count() const noexcept {
  return state_->connections.size();
}

}  // namespace myspace::http
