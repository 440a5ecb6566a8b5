#pragma once
// A plain-HTTP/1.1 client on the caller's io_context (service-to-service
// calls, e.g. gateway -> auth). Idle keep-alive connections are reused per
// host:port. Not thread-safe: one Client per io_context, like the Server.
//
// Failures of the exchange are UpstreamError (a myspace::Error): kUnavailable
// when the peer cannot be reached (refused, reset, DNS) or answers with
// something unusable (malformed, over max_response_bytes), kTimeout when the
// deadline passes; each says at which stage it failed, so callers can tell
// whether the request may have reached the server. A malformed or non-http URL
// is a plain Error(kBadRequest). Any HTTP status, 5xx included, is a response.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "http/message.h"

namespace boost::asio {
class io_context;
}

namespace myspace::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Where an exchange failed. Before kExchange not one byte of the request was
// sent, so retrying cannot make anything happen twice.
enum class FailedStage { kResolve, kConnect, kExchange };

class UpstreamError : public Error {
 public:
  UpstreamError(ErrorCode code, std::string message, std::string detail, FailedStage stage,
                bool refused)
      : Error(code, std::move(message), std::move(detail)), stage_(stage), refused_(refused) {}

  FailedStage stage() const noexcept { return stage_; }
  bool request_sent() const noexcept { return stage_ == FailedStage::kExchange; }
  // The peer's host answered that nothing listens on the port (ECONNREFUSED).
  bool refused() const noexcept { return refused_; }

 private:
  FailedStage stage_;
  bool refused_;
};

struct ClientOptions {
  std::chrono::milliseconds default_timeout{5'000};
  std::size_t max_response_bytes = 8 * 1024 * 1024;
  std::size_t max_idle_per_host = 8;
  // Pooled connections idle longer than this are dropped rather than reused,
  // so that we rarely race a server closing them (keep below its idle timeout).
  std::chrono::milliseconds idle_ttl{30'000};
  std::string user_agent = "myspace-http";
};

class Client {
 public:
  explicit Client(boost::asio::io_context& io, ClientOptions options = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // `url` is "http://host[:port]/path[?query]". `timeout` bounds the whole
  // exchange (resolve, connect, write, read); zero means default_timeout.
  boost::asio::awaitable<Response> request(Verb method, std::string_view url, std::string body = {},
                                           Headers headers = {},
                                           std::chrono::milliseconds timeout = {});

  // Idle pooled connections right now (for tests).
  std::size_t idle_connections() const noexcept;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace myspace::http
