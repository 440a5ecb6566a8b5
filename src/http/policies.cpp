#include "http/policies.h"

#include <algorithm>
#include <array>

#include "common/random_id.h"
#include "http/text.h"

namespace myspace::http {

using field = beast_http::field;

std::optional<std::string> sanitize_request_id(std::string_view candidate) {
  if (candidate.empty() || candidate.size() > kMaxRequestIdLength) return std::nullopt;
  const bool safe = std::all_of(candidate.begin(), candidate.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
  });
  if (!safe) return std::nullopt;
  return std::string(candidate);
}

std::string generate_request_id() {
  return unique_token();
}

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins, bool allow_credentials)
    : origins_(std::move(allowed_origins)), allow_credentials_(allow_credentials) {}

bool CorsPolicy::allows(std::string_view origin) const noexcept {
  // "null" (sandboxed iframes, file://) is never trusted, even if configured.
  if (origin.empty() || origin == "null") return false;
  return std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

bool CorsPolicy::is_preflight(const Request& request) noexcept {
  return request.method() == Verb::options && request.count(field::origin) > 0 &&
         request.count(field::access_control_request_method) > 0;
}

void CorsPolicy::apply(const Request& request, Response& response) const {
  if (request.count(field::origin) == 0) return;
  // Caches must not serve one origin's answer to another.
  add_vary(response, "Origin");
  const auto origin = request[field::origin];
  if (!allows(origin)) return;
  response.set(field::access_control_allow_origin, origin);
  if (allow_credentials_) response.set(field::access_control_allow_credentials, "true");
  response.set(field::access_control_expose_headers,
               "X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset");
}

namespace {

bool is_header_name_list(std::string_view value) {
  return value.size() <= 512 && std::all_of(value.begin(), value.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == ',' || c == ' ';
         });
}

}  // namespace

Response CorsPolicy::preflight(const Request& request) const {
  Response response{Status::no_content, request.version()};
  apply(request, response);
  add_vary(response, "Access-Control-Request-Method");
  add_vary(response, "Access-Control-Request-Headers");
  if (allows(request[field::origin])) {
    response.set(field::access_control_allow_methods, "GET, HEAD, POST, PUT, PATCH, DELETE");
    const auto requested = request[field::access_control_request_headers];
    response.set(field::access_control_allow_headers,
                 !requested.empty() && is_header_name_list(requested)
                     ? std::string(requested)
                     : std::string("Content-Type, Authorization, X-Request-Id"));
    response.set(field::access_control_max_age, "600");
  }
  response.prepare_payload();
  return response;
}

namespace {

bool is_zero_qvalue(std::string_view params) {
  // params: ";q=0.000" style, possibly with spaces and other parameters.
  bool zero = false;
  std::string_view rest = params;
  while (!rest.empty()) {
    const auto semi = rest.find(';');
    const auto param = trim(rest.substr(0, semi));
    if (param.size() >= 2 && ascii_lower(param[0]) == 'q' && param[1] == '=') {
      const auto value = trim(param.substr(2));
      zero = !value.empty() &&
             std::all_of(value.begin(), value.end(), [](char c) { return c == '0' || c == '.'; });
    }
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return zero;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) noexcept {
  bool explicit_gzip = false;
  bool gzip_ok = false;
  bool star_ok = false;
  for_each_list_item(accept_encoding, [&](std::string_view item) {
    const auto semi = item.find(';');
    const auto coding = trim(item.substr(0, semi));
    const bool ok = semi == std::string_view::npos || !is_zero_qvalue(item.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      explicit_gzip = true;
      gzip_ok = gzip_ok || ok;
    } else if (coding == "*") {
      star_ok = ok;
    }
  });
  return explicit_gzip ? gzip_ok : star_ok;
}

bool is_compressible(std::string_view content_type) noexcept {
  const auto media = trim(content_type.substr(0, content_type.find(';')));
  std::array<char, 128> lower{};
  if (media.size() > lower.size()) return false;
  std::transform(media.begin(), media.end(), lower.begin(), ascii_lower);
  const std::string_view m(lower.data(), media.size());
  if (m.starts_with("text/")) return true;
  if (m.ends_with("+json") || m.ends_with("+xml")) return true;
  return m == "application/json" || m == "application/javascript" || m == "application/xml" ||
         m == "application/wasm" || m == "application/graphql" || m == "image/x-icon" ||
         m == "font/ttf" || m == "font/otf";
}

void add_vary(Response& response, std::string_view token) {
  const auto current = response[field::vary];
  bool present = false;
  for_each_list_item(current, [&](std::string_view item) {
    present = present || iequals(item, token) || item == "*";
  });
  if (present) return;
  response.set(field::vary, current.empty() ? std::string(token)
                                            : std::string(current) + ", " + std::string(token));
}

}  // namespace myspace::http
