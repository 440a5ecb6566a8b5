#pragma once
// The vocabulary of the HTTP core: request and response types, the per-request
// context handed to handlers, and the handler / middleware signatures. Nothing
// here knows about the marketplace, GraphQL or databases.

#include <any>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myspace::http {

namespace beast_http = boost::beast::http;

using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Verb = beast_http::verb;
using Status = beast_http::status;

// Everything a handler may know about the request it serves. Lives for exactly
// one request; handlers must not keep references to it past their co_return.
struct Context {
  const Request& request;
  // Sanitized X-Request-Id or a generated one; echoed in the response.
  std::string request_id;
  boost::asio::ip::address peer;
  // The matched route pattern ("/users/:id"), or empty when no route matched.
  // Used as the metrics label so that cardinality stays bounded.
  std::string route;
  std::vector<std::pair<std::string, std::string>> params;
  // A slot for middleware to pass data to handlers (e.g. the authenticated user).
  std::any user_data;

  // The value of path parameter `name` (percent-decoded), or "" when absent.
  std::string_view param(std::string_view name) const noexcept {
    for (const auto& [key, value] : params) {
      if (key == name) return value;
    }
    return {};
  }
};

using Handler = std::function<boost::asio::awaitable<Response>(Context&)>;
// A middleware either answers itself or co_awaits `next(ctx)` and may adjust
// the response. Throwing myspace::Error produces the mapped JSON error.
using Middleware = std::function<boost::asio::awaitable<Response>(Context&, const Handler& next)>;

}  // namespace myspace::http
