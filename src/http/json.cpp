#include "http/json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "common/error.h"

namespace myspace::http {
namespace {

bool is_json_content_type(std::string_view value) noexcept {
  const auto semicolon = value.find(';');
  auto media = value.substr(0, semicolon);
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  constexpr std::string_view kJson = "application/json";
  if (media.size() != kJson.size()) return false;
  for (std::size_t i = 0; i < media.size(); ++i) {
    const char c = media[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != kJson[i]) return false;
  }
  return true;
}

}  // namespace

Response json_response(Status status, const boost::json::value& body, unsigned version) {
  Response response{status, version};
  response.set(beast_http::field::content_type, "application/json");
  response.body() = boost::json::serialize(body);
  response.prepare_payload();
  return response;
}

boost::json::value parse_json_body(const Request& request) {
  if (!is_json_content_type(request[beast_http::field::content_type])) {
    throw Error(ErrorCode::kBadRequest, "Content-Type must be application/json");
  }
  // Boost.JSON rejects invalid UTF-8 unless parse_options::allow_invalid_utf8
  // is set; the default options are what we want (json_test.cpp pins this).
  boost::system::error_code ec;
  auto value = boost::json::parse(request.body(), ec);
  if (ec) throw Error(ErrorCode::kBadRequest, "request body is not valid JSON", ec.message());
  return value;
}

}  // namespace myspace::http
