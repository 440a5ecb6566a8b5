#include "services/web/auth_proxy.h"

#include <array>
#include <boost/beast/http/field.hpp>

#include "auth/internal_credential.h"
#include "common/error.h"
#include "common/log.h"
#include "http/errors.h"

namespace myspace::web {
namespace asio = boost::asio;
using boost::beast::http::field;

namespace {

// The auth service's endpoints a browser may call (src/services/auth_service/routes.h).
constexpr std::array<std::string_view, 6> kPublicEndpoints = {
    "/register", "/login", "/refresh", "/logout", "/logout-all", "/password"};

// Request headers passed on as they are.
constexpr std::array<field, 4> kRequestFields = {field::content_type, field::accept,
                                                 field::authorization, field::cookie};

// Response headers a browser needs; Set-Cookie is handled apart.
constexpr std::array<std::string_view, 8> kResponseFields = {
    "Content-Type",     "Cache-Control",   "Pragma",          "Retry-After",
    "WWW-Authenticate", "RateLimit-Limit", "RateLimit-Reset", "RateLimit-Remaining"};

constexpr std::string_view kUnavailable =
    "the sign-in service is unavailable, please try again shortly";

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

asio::awaitable<http::Response> forward_with(std::shared_ptr<const AuthProxy> proxy,
                                             http::Context& context) {
  co_return co_await proxy->forward(context);
}

}  // namespace

std::optional<std::string> upstream_path(std::string_view target) {
  const auto path = target.substr(0, target.find('?'));
  if (!path.starts_with(kAuthPrefix)) return std::nullopt;
  const auto rest = path.substr(kAuthPrefix.size());
  for (const auto endpoint : kPublicEndpoints) {
    if (rest == endpoint) return std::string(endpoint);
  }
  return std::nullopt;
}

http::Headers forwarded_headers(const http::Context& context,
                                std::string_view internal_credential) {
  http::Headers headers;
  for (const auto name : kRequestFields) {
    const auto value = context.request[name];
    if (!value.empty()) {
      headers.emplace_back(std::string(boost::beast::http::to_string(name)), std::string(value));
    }
  }
  headers.emplace_back("X-Request-Id", context.request_id);
  // We are the client's first hop: whatever X-Forwarded-For it sent is its own
  // claim, so only the address that connected to us is passed on.
  headers.emplace_back("X-Forwarded-For", context.peer.to_string());
  if (!internal_credential.empty()) {
    headers.emplace_back(std::string(auth::kInternalCredentialHeader),
                         std::string(internal_credential));
  }
  return headers;
}

std::string scoped_cookie(std::string_view set_cookie) {
  const std::string path = "Path=" + std::string(kAuthPrefix);
  std::string out;
  bool has_path = false;
  for (bool first = true;; first = false) {
    const auto semicolon = set_cookie.find(';');
    const auto part = trim(set_cookie.substr(0, semicolon));
    const auto name = trim(part.substr(0, part.find('=')));
    if (first) {
      out += part;  // name=value
    } else if (iequals(name, "path")) {
      out += "; " + path;
      has_path = true;
    } else if (!part.empty() && !iequals(name, "domain")) {
      // (A Domain naming the auth service's host would make the browser
      // refuse the cookie: it belongs to the web origin now.)
      out += "; ";
      out += part;
    }
    if (semicolon == std::string_view::npos) break;
    set_cookie.remove_prefix(semicolon + 1);
  }
  if (!has_path) out += "; " + path;
  return out;
}

AuthProxy::AuthProxy(http::Client& client, AuthProxyOptions options)
    : client_(client), options_(std::move(options)) {
  while (options_.upstream.ends_with('/')) options_.upstream.pop_back();
}

asio::awaitable<http::Response> AuthProxy::forward(http::Context& context) const {
  const auto& request = context.request;
  const auto path = upstream_path(request.target());
  if (!path) throw Error(ErrorCode::kNotFound, "not found");
  if (request.method() != http::Verb::post) {
    auto response =
        http::error_response(http::Status::method_not_allowed, "METHOD_NOT_ALLOWED",
                             "method not allowed", context.request_id, request.version());
    response.set(field::allow, "POST");
    co_return response;
  }
  if (request.body().size() > options_.max_request_bytes) {
    throw Error(ErrorCode::kPayloadTooLarge, "the request body is too large");
  }

  http::Response upstream;
  try {
    upstream = co_await client_.request(http::Verb::post, options_.upstream + *path, request.body(),
                                        forwarded_headers(context, options_.internal_credential),
                                        options_.timeout);
  } catch (const http::UpstreamError& e) {
    log::warn("web.auth_proxy_failed", {{"endpoint", *path},
                                        {"reason", e.detail()},
                                        {"request_sent", e.request_sent()},
                                        {"request_id", context.request_id}});
    throw Error(e.code(), std::string(kUnavailable), e.detail());
  }

  http::Response response{upstream.result(), request.version()};
  for (const auto name : kResponseFields) {
    const auto value = upstream[name];
    if (!value.empty()) response.set(name, value);
  }
  for (const auto& cookie : upstream) {
    if (cookie.name() == field::set_cookie) {
      response.insert(field::set_cookie, scoped_cookie(cookie.value()));
    }
  }
  response.body() = std::move(upstream.body());
  response.prepare_payload();
  co_return response;
}

http::Handler AuthProxy::handler(std::shared_ptr<const AuthProxy> proxy) {
  return
      [proxy = std::move(proxy)](http::Context& context) { return forward_with(proxy, context); };
}

}  // namespace myspace::web
