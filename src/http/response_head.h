#pragma once
// Serializes a finalized response's status line and header block, adding what
// every response of a server carries: the Date and the security headers (CSP,
// X-Content-Type-Options, Referrer-Policy, X-Frame-Options). Those lines are
// built once per server and copied into each head, instead of being set()
// into every Response's field list, where each costs an allocation and a
// name lookup.

#include <ctime>
#include <string>
#include <string_view>

#include "http/message.h"

namespace myspace::http {

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate) for a UTC time.
std::string format_http_date(std::time_t utc);

class ResponseHeadWriter {
 public:
  // Throws std::invalid_argument when the policy holds a control character
  // (it would split the header block).
  explicit ResponseHeadWriter(std::string_view content_security_policy);

  // Appends to `out` the status line, the response's own fields, `Date`, and
  // the security headers, then the blank line. A Content-Security-Policy the
  // response sets itself wins over the server's; its own X-Content-Type-Options,
  // Referrer-Policy and X-Frame-Options are replaced by the fixed values.
  void write(const Response& response, std::string_view http_date, std::string& out) const;

 private:
  std::string csp_line_;     // "Content-Security-Policy: …\r\n", or empty
  std::string fixed_lines_;  // the other three security headers
};

}  // namespace myspace::http
