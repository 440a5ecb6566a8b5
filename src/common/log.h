#pragma once
// Structured logging: one JSON object per line on stdout, e.g.
//   {"ts":"2026-11-24T07:01:02.123Z","level":"info","service":"gateway","event":"http.request","request_id":"…","status":200}
// Fields whose names suggest a secret (password, token, secret, authorization,
// cookie) are replaced by "[redacted]" here, so a careless call site cannot
// leak one.

#include <boost/json/object.hpp>
#include <string_view>

namespace myspace::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// Configures the process-wide logger. Safe to call more than once (tests).
void init(std::string_view service, Level min_level = Level::kInfo);

// Parses "debug" | "info" | "warn" | "error"; anything else is kInfo.
Level parse_level(std::string_view name) noexcept;

void write(Level level, std::string_view event, boost::json::object fields = {});

// Whether a line at `level` would be written. Hot paths check it before
// building the fields of a line that would be dropped.
bool enabled(Level level) noexcept;

inline void debug(std::string_view event, boost::json::object fields = {}) {
  write(Level::kDebug, event, std::move(fields));
}
inline void info(std::string_view event, boost::json::object fields = {}) {
  write(Level::kInfo, event, std::move(fields));
}
inline void warn(std::string_view event, boost::json::object fields = {}) {
  write(Level::kWarn, event, std::move(fields));
}
inline void error(std::string_view event, boost::json::object fields = {}) {
  write(Level::kError, event, std::move(fields));
}

// The line `write` would emit for these fields, without the timestamp/level/service
// prefix. Exposed for tests.
std::string format_fields(std::string_view event, const boost::json::object& fields);

}  // namespace myspace::log
