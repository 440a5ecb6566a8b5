#pragma once
// An HTTP/1.1 server on one io_context. Scale across cores the shared-nothing
// way: run N threads, each with its own io_context and its own Server on the
// same port (SO_REUSEPORT lets the kernel spread connections). Bind the first
// Server to port 0 or a fixed port, then give the others `first.port()`.
// A Server is not thread-safe: call it only from its io_context's thread.
//
// Every response gets: the request id header, Date, security headers, CORS
// headers for allowed origins, gzip when worthwhile, a JSON error body for
// errors, one access-log line and metrics. Limits and deadlines come from
// ServerOptions; deadlines are enforced by a sweep that runs every eighth of
// the shortest timeout (10 to 250 ms), so each fires within that of its time.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/message.h"
#include "http/router.h"

namespace boost::asio {
class io_context;
}

namespace myspace::http {

namespace detail {
struct ServerState;
}

struct ServerOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 0;
  bool reuse_port = true;

  std::size_t body_limit = 1024 * 1024;  // 413 above this
  std::size_t header_limit = 16 * 1024;  // 431 above this (request line + headers)

  // Time to receive a complete request head, counted from its first byte
  // (and, on a fresh connection, from the accept): cuts off slowloris clients.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  // An idle keep-alive connection is closed after this long without a byte.
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  // stop() lets in-flight requests run this long before closing their sockets.
  std::chrono::milliseconds shutdown_timeout{10'000};

  // Exact origins ("https://app.example.com") allowed to make CORS requests.
  std::vector<std::string> cors_origins;
  bool cors_allow_credentials = true;
  std::string content_security_policy =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  // Responses at least this large with a compressible type are gzipped when
  // the client accepts it.
  std::size_t gzip_min_bytes = 1024;

  // Name of the service in logs and metrics labels (e.g. "gateway").
  std::string name = "http";
};

class Server {
 public:
  Server(boost::asio::io_context& io, ServerOptions options, Router router);
  // Closes the listener and every connection still open. Prefer co_await stop().
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Middleware run in the order added, outermost first, after routing (so
  // Context::route and params are set) and around the matched handler or the
  // 404/405. Call before start().
  void use(Middleware middleware);

  // Binds, listens and starts accepting. Throws boost::system::system_error
  // when the address cannot be bound.
  void start();

  // Stops accepting, closes idle keep-alive connections, lets in-flight
  // requests finish within shutdown_timeout, then closes what remains.
  // Completes when every connection is gone, or shortly after the bound when
  // a handler ignores its closed socket (its coroutine then ends on its own).
  // Run it on the Server's io_context.
  boost::asio::awaitable<void> stop();

  // The bound port (useful with port 0); valid after start().
  std::uint16_t port() const noexcept;
  // Open connections right now (for tests and the metrics gauge).
  std::size_t connection_count() const noexcept;

 private:
  // Shared with the connection coroutines, which may outlive this object by
  // a moment. Destroy the Server before its io_context.
  std::shared_ptr<detail::ServerState> state_;
};

}  // namespace myspace::http
