#include "common/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <string>

namespace myspace::log {
namespace {

constexpr std::array<std::string_view, 6> kSecretFieldMarkers = {
    "password", "token", "secret", "authorization", "cookie", "hash"};

bool looks_secret(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(
      kSecretFieldMarkers.begin(), kSecretFieldMarkers.end(),
      [&](std::string_view marker) { return lower.find(marker) != std::string::npos; });
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

std::shared_ptr<spdlog::logger> make_logger(std::string_view service) {
  auto logger = std::make_shared<spdlog::logger>(std::string(service),
                                                 std::make_shared<spdlog::sinks::stdout_sink_mt>());
  // Every line is a JSON object; `%v` is the already-serialized tail of fields.
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","service":"%n",%v})",
                      spdlog::pattern_time_type::utc);
  logger->flush_on(spdlog::level::info);
  return logger;
}

std::shared_ptr<spdlog::logger>& logger_slot() {
  static std::shared_ptr<spdlog::logger> logger = make_logger("myspace");
  return logger;
}

}  // namespace

void init(std::string_view service, Level min_level) {
  auto logger = make_logger(service);
  logger->set_level(to_spdlog(min_level));
  logger_slot() = std::move(logger);
}

Level parse_level(std::string_view name) noexcept {
  if (name == "debug") return Level::kDebug;
  if (name == "warn") return Level::kWarn;
  if (name == "error") return Level::kError;
  return Level::kInfo;
}

std::string format_fields(std::string_view event, const boost::json::object& fields) {
  boost::json::object line;
  line["event"] = event;
  for (const auto& [key, value] : fields) {
    // The pattern writes these itself: a second "service" would make the
    // line's meaning depend on which duplicate a reader keeps.
    if (key == "ts" || key == "level" || key == "service") continue;
    line[key] = looks_secret(key) ? boost::json::value("[redacted]") : value;
  }
  std::string text = boost::json::serialize(line);
  // Strip the braces: the pattern supplies the object's opening fields and braces.
  return text.substr(1, text.size() - 2);
}

bool enabled(Level level) noexcept {
  return logger_slot()->should_log(to_spdlog(level));
}

void write(Level level, std::string_view event, boost::json::object fields) {
  auto& logger = logger_slot();
  const auto spd_level = to_spdlog(level);
  if (!logger->should_log(spd_level)) return;
  logger->log(spd_level, "{}", format_fields(event, fields));
}

}  // namespace myspace::log
