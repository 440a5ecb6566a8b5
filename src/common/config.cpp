#include "common/config.h"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <charconv>
#include <cstdlib>

namespace myspace::config {

ConfigError::ConfigError(std::string_view variable, std::string_view problem)
    : std::runtime_error(std::string(variable) + ": " + std::string(problem)),
      variable_(variable) {}

Environment Environment::process() {
  return Environment([](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  });
}

std::optional<std::string> Environment::get(std::string_view name) const {
  auto value = lookup_(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::string Environment::string(std::string_view name, std::string_view fallback) const {
  return get(name).value_or(std::string(fallback));
}

std::string Environment::required(std::string_view name) const {
  auto value = get(name);
  if (!value) throw ConfigError(name, "is required but not set");
  return *value;
}

std::int64_t Environment::integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max) const {
  auto text = get(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw ConfigError(name, "must be an integer (got \"" + *text + "\")");
  }
  if (value < min || value > max) {
    throw ConfigError(name, "must be between " + std::to_string(min) + " and " +
                                std::to_string(max) + " (got " + *text + ")");
  }
  return value;
}

std::uint16_t Environment::port(std::string_view name, std::uint16_t fallback) const {
  return static_cast<std::uint16_t>(integer(name, fallback, 1, 65535));
}

bool Environment::boolean(std::string_view name, bool fallback) const {
  auto text = get(name);
  if (!text) return fallback;
  if (*text == "1" || *text == "true" || *text == "yes" || *text == "on") return true;
  if (*text == "0" || *text == "false" || *text == "no" || *text == "off") return false;
  throw ConfigError(name, "must be true or false (got \"" + *text + "\")");
}

std::chrono::milliseconds Environment::milliseconds(std::string_view name,
                                                    std::chrono::milliseconds fallback,
                                                    std::chrono::milliseconds min,
                                                    std::chrono::milliseconds max) const {
  return std::chrono::milliseconds(integer(name, fallback.count(), min.count(), max.count()));
}

std::string Environment::url(std::string_view name, std::string_view fallback,
                             const std::vector<std::string_view>& schemes) const {
  std::string text = string(name, fallback);
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) throw ConfigError(name, "is not a valid URL (got \"" + text + "\")");
  if (std::find(schemes.begin(), schemes.end(), parsed->scheme()) == schemes.end()) {
    std::string allowed;
    for (auto s : schemes) allowed += (allowed.empty() ? "" : ", ") + std::string(s);
    throw ConfigError(name, "must use one of the schemes: " + allowed);
  }
  if (parsed->host().empty()) throw ConfigError(name, "must name a host");
  return text;
}

std::vector<std::string> Environment::list(std::string_view name, std::string_view fallback) const {
  std::string text = string(name, fallback);
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) items.push_back(std::move(item));
    start = comma + 1;
  }
  return items;
}

}  // namespace myspace::config
