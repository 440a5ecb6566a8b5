#pragma once
// Reading configuration from environment variables. Every reader validates and
// throws ConfigError naming the variable and what is wrong with it, so a
// service refuses to start with a message a person can act on.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace myspace::config {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string_view variable, std::string_view problem);
  const std::string& variable() const noexcept { return variable_; }

 private:
  std::string variable_;
};

// A source of variables: the process environment, or a map in tests.
class Environment {
 public:
  using Lookup = std::function<std::optional<std::string>(std::string_view)>;

  explicit Environment(Lookup lookup) : lookup_(std::move(lookup)) {}
  static Environment process();

  std::optional<std::string> get(std::string_view name) const;  // unset or empty -> nullopt
  std::string string(std::string_view name, std::string_view fallback) const;
  std::string required(std::string_view name) const;
  std::int64_t integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const;
  std::uint16_t port(std::string_view name, std::uint16_t fallback) const;
  bool boolean(std::string_view name, bool fallback) const;
  std::chrono::milliseconds milliseconds(std::string_view name, std::chrono::milliseconds fallback,
                                         std::chrono::milliseconds min,
                                         std::chrono::milliseconds max) const;
  // A URL whose scheme is one of `schemes` (e.g. {"http", "https"}).
  std::string url(std::string_view name, std::string_view fallback,
                  const std::vector<std::string_view>& schemes) const;
  // Comma-separated list; blanks dropped.
  std::vector<std::string> list(std::string_view name, std::string_view fallback) const;

 private:
  Lookup lookup_;
};

}  // namespace myspace::config
