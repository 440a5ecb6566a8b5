#include "auth/password_policy.h"

#include <algorithm>

namespace myspace::auth {
namespace {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

}  // namespace

std::size_t utf8_length(std::string_view text) noexcept {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

PasswordPolicy::PasswordPolicy(std::string_view common_list, PasswordPolicyOptions options)
    : options_(options) {
  while (!common_list.empty()) {
    const auto end = common_list.find('\n');
    std::string_view line = common_list.substr(0, end);
    common_list = end == std::string_view::npos ? std::string_view{} : common_list.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    common_.insert(ascii_lower(line));
  }
}

const PasswordPolicy& PasswordPolicy::standard() {
  static const PasswordPolicy policy(shipped_common_passwords());
  return policy;
}

bool PasswordPolicy::is_common(std::string_view password) const {
  return common_.contains(ascii_lower(password));
}

std::optional<std::string> PasswordPolicy::problem(
    std::string_view password, const std::vector<std::string_view>& context) const {
  const std::size_t length = utf8_length(password);
  if (length < options_.min_length) {
    return "password must be at least " + std::to_string(options_.min_length) + " characters";
  }
  if (length > options_.max_length) {
    return "password must be at most " + std::to_string(options_.max_length) + " characters";
  }
  if (is_common(password)) {
    return "password is too common: choose one that is harder to guess";
  }
  const std::string lowered = ascii_lower(password);
  for (const auto word : context) {
    if (!word.empty() && lowered == ascii_lower(word)) {
      return "password must not be your email address or username";
    }
  }
  return std::nullopt;
}

}  // namespace myspace::auth
