#include "db/sql.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

#include "db/errors.h"

namespace myspace::db {
namespace {

// Shortest text that parses back to exactly `value` (float8 input accepts it).
std::string format_double(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace

Param::Param(double value) : type_(kFloat8), value_(format_double(value)) {}

Param::Param(const std::vector<std::string>& values)
    : type_(kTextArray), value_(format_text_array(values)) {}

void check_text_params(const Params& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& text = params[i].text();
    if (!text) continue;
    const void* nul = std::memchr(text->data(), '\0', text->size());
    if (nul == nullptr) continue;
    // The position only: the value may be personal data and never goes to a log.
    const auto offset = static_cast<const char*>(nul) - text->data();
    throw InvalidTextParameter(client_side("parameter $" + std::to_string(i + 1) +
                                               " holds a NUL byte at offset " +
                                               std::to_string(offset),
                                           "22021"));
  }
}

std::string format_text_array(const std::vector<std::string>& values) {
  // Every element is quoted, so NULL, empty strings, commas, braces and spaces
  // need no special cases; only '"' and '\' are escaped.
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace myspace::db
