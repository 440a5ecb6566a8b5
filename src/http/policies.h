#pragma once
// The small, pure decisions the server makes on every request, apart from the
// I/O so that they are unit-tested directly: request-id sanitizing, CORS,
// and content negotiation for gzip.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace myspace::http {

inline constexpr std::size_t kMaxRequestIdLength = 128;

// `candidate` if it is 1..kMaxRequestIdLength characters of [A-Za-z0-9._:-] (and '_'),
// otherwise nullopt (the caller generates a fresh id).
std::optional<std::string> sanitize_request_id(std::string_view candidate);
// A fresh random request id.
std::string generate_request_id();

class CorsPolicy {
 public:
  explicit CorsPolicy(std::vector<std::string> allowed_origins, bool allow_credentials = true);

  bool allows(std::string_view origin) const noexcept;
  // A preflight is an OPTIONS request carrying Origin and
  // Access-Control-Request-Method.
  static bool is_preflight(const Request& request) noexcept;
  // Adds Access-Control-* headers to `response` when the request's Origin is
  // allowed (and always Vary: Origin when an Origin was sent); a disallowed
  // origin gets no CORS headers at all.
  void apply(const Request& request, Response& response) const;
  // The 204 answer to a preflight (CORS headers only if the origin is allowed).
  Response preflight(const Request& request) const;

 private:
  std::vector<std::string> origins_;
  bool allow_credentials_;
};

// Whether an Accept-Encoding value admits gzip (honours q=0 and "*").
bool accepts_gzip(std::string_view accept_encoding) noexcept;
// Text, JSON, JavaScript, SVG, XML, wasm and the like; not images or archives.
bool is_compressible(std::string_view content_type) noexcept;

// Adds `token` to the response's Vary header unless already listed.
void add_vary(Response& response, std::string_view token);

}  // namespace myspace::http
