#pragma once
// Which passwords may be chosen (OWASP ASVS 5, V6.2): at least 8 characters,
// at least 64 allowed (we cap at 128 so a login cannot submit megabytes to
// hash), no composition rules, and none of the few thousand most common leaked
// passwords (src/auth/data/common-passwords.txt, compiled in and loaded once).
// Length is counted in Unicode code points, not bytes. Knows nothing of HTTP.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace myspace::auth {

struct PasswordPolicyOptions {
  std::size_t min_length = 8;
  std::size_t max_length = 128;
};

class PasswordPolicy {
 public:
  // `common_list`: one password per line, '#' lines are comments.
  explicit PasswordPolicy(std::string_view common_list, PasswordPolicyOptions options = {});

  // The policy with the shipped common-password list; built on first use and
  // immutable afterwards (safe to share between threads).
  static const PasswordPolicy& standard();

  // nullopt when `password` is acceptable, otherwise a message for the user
  // that names the field ("password must be at least 8 characters"). `context`
  // holds words the password must not equal (email, its local part, username).
  std::optional<std::string> problem(std::string_view password,
                                     const std::vector<std::string_view>& context = {}) const;

  // Case-insensitive (ASCII) membership in the common list.
  bool is_common(std::string_view password) const;
  std::size_t common_count() const noexcept { return common_.size(); }
  const PasswordPolicyOptions& options() const noexcept { return options_; }

 private:
  PasswordPolicyOptions options_;
  std::unordered_set<std::string> common_;
};

// Code points in valid UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view text) noexcept;

// The common-password list compiled into the binary.
std::string_view shipped_common_passwords() noexcept;

}  // namespace myspace::auth
