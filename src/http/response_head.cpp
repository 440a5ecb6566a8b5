#include "http/response_head.h"

#include <array>
#include <stdexcept>

#include "http/text.h"

namespace myspace::http {

using field = beast_http::field;

std::string format_http_date(std::time_t utc) {
  std::tm parts{};
  gmtime_r(&utc, &parts);
  std::array<char, 40> text{};
  const auto size = std::strftime(text.data(), text.size(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return {text.data(), size};
}

namespace {

bool has_control_character(std::string_view value) {
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

// Headers whose value the server fixes: a handler's own copy is dropped.
bool is_fixed_by_server(const Response::value_type& header) {
  const auto name = header.name();
  if (name == field::x_frame_options) return true;
  if (name != field::unknown) return false;
  const auto text = header.name_string();
  return iequals(text, "X-Content-Type-Options") || iequals(text, "Referrer-Policy");
}

}  // namespace

ResponseHeadWriter::ResponseHeadWriter(std::string_view content_security_policy) {
  if (has_control_character(content_security_policy)) {
    throw std::invalid_argument("the Content-Security-Policy holds a control character");
  }
  if (!content_security_policy.empty()) {
    csp_line_.append("Content-Security-Policy: ").append(content_security_policy).append("\r\n");
  }
  fixed_lines_ =
      "X-Content-Type-Options: nosniff\r\n"
      "Referrer-Policy: strict-origin-when-cross-origin\r\n"
      "X-Frame-Options: DENY\r\n";
}

void ResponseHeadWriter::write(const Response& response, std::string_view http_date,
                               std::string& out) const {
  out += response.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(response.result_int());
  out += ' ';
  out += response.reason();
  out += "\r\n";
  bool own_csp = false;
  for (const auto& header : response) {
    if (is_fixed_by_server(header)) continue;
    own_csp = own_csp || iequals(header.name_string(), "Content-Security-Policy");
    out += header.name_string();
    out += ": ";
    out += header.value();
    out += "\r\n";
  }
  if (!http_date.empty()) out.append("Date: ").append(http_date).append("\r\n");
  if (!own_csp) out += csp_line_;
  out += fixed_lines_;
  out += "\r\n";
}

}  // namespace myspace::http
