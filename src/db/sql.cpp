#include "db/sql.h"

#include <charconv>
#include <cmath>
#include <system_error>

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
