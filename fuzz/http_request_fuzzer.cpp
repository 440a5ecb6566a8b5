// Fuzzes HTTP request decoding as the server does it: bytes go through Beast's
// request parser with our limits (ServerOptions' header and body limits, and
// again with tiny limits so that the 413/431 paths are reached), then what
// parses is routed (an API router with path parameters, a web router with a
// catch-all), its JSON body decoded by parse_json_body when it claims to be
// JSON, its path normalised for static files, and the per-request policies
// (request id, CORS, gzip negotiation) applied. Anything but a clean answer
// or a myspace::Error is a bug.

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/field.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/error.h"
#include "http/json.h"
#include "http/message.h"
#include "http/policies.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "http/url.h"
#include "http_bytes.h"

namespace {

namespace http = myspace::http;
namespace beast_http = boost::beast::http;

http::Response answer(http::Context&) {
  return http::Response{};
}

http::Handler handler() {
  return [](http::Context& context) -> boost::asio::awaitable<http::Response> {
    co_return answer(context);
  };
}

// The routes our three services register, with parameters for good measure.
http::Router api_router() {
  http::Router router;
  for (const char* path : {"/health", "/ready", "/metrics", "/graphql", "/users/:id",
                           "/jobs/:id/proposals/:proposal", "/files/*rest"}) {
    router.get(path, handler());
  }
  for (const char* path : {"/graphql", "/register", "/login", "/verify", "/refresh", "/logout",
                           "/logout-all", "/password", "/jobs/:id/proposals"}) {
    router.post(path, handler());
  }
  router.add(http::Verb::delete_, "/jobs/:id", handler());
  return router;
}

http::Router web_router() {
  http::Router router;
  router.get("/config.js", handler());
  router.get("/health", handler());
  router.get("/*path", handler());
  return router;
}

void route(const http::Router& router, const http::Request& request) {
  const auto match = router.match(request.method(), http::target_path(request.target()));
  switch (match.kind) {
    case http::Router::Match::Kind::kFound:
      if (match.handler == nullptr) std::abort();
      break;
    case http::Router::Match::Kind::kMethodNotAllowed:
      if (match.allow.empty()) std::abort();
      break;
    case http::Router::Match::Kind::kNotFound:
      if (!match.params.empty()) std::abort();
      break;
  }
}

void handle(const http::Request& request) {
  static const http::Router api = api_router();
  static const http::Router web = web_router();
  static const http::CorsPolicy cors({"http://localhost:3000", "https://app.example.com"});

  route(api, request);
  route(web, request);

  const auto path = http::target_path(request.target());
  if (const auto key = http::StaticFiles::normalize_path(path)) {
    // A normalised key never climbs out of the root and holds no NUL.
    if (key->find('\0') != std::string::npos || key->starts_with("../") || *key == "..") {
      std::abort();
    }
  }
  http::sanitize_request_id(request["X-Request-Id"]);
  http::accepts_gzip(request[beast_http::field::accept_encoding]);
  http::is_compressible(request[beast_http::field::content_type]);
  http::Response response{http::Status::ok, request.version()};
  if (http::CorsPolicy::is_preflight(request)) response = cors.preflight(request);
  cors.apply(request, response);

  if (request.method() == http::Verb::post || !request.body().empty()) {
    try {
      http::parse_json_body(request);
    } catch (const myspace::Error& error) {
      if (error.code() != myspace::ErrorCode::kBadRequest) std::abort();
    }
  }
}

void decode(std::string_view bytes, std::size_t header_limit, std::size_t body_limit) {
  const auto request = myspace::fuzz::parse_request(bytes, header_limit, body_limit);
  if (!request) return;
  if (request->body().size() > body_limit) std::abort();
  handle(*request);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const http::ServerOptions defaults;
  decode(bytes, defaults.header_limit, defaults.body_limit);
  decode(bytes, 256, 64);
  return 0;
}
