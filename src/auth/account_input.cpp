#include "auth/account_input.h"

#include <algorithm>
#include <array>

#include "auth/password_policy.h"
#include "common/error.h"

namespace myspace::auth {
namespace {

[[noreturn]] void invalid(std::string message) {
  throw Error(ErrorCode::kBadRequest, std::move(message));
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_local_part_char(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~.-";
  return is_alnum(c) || kSpecials.find(c) != std::string_view::npos;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string_view::npos) {
    return false;
  }
  while (!domain.empty()) {
    const auto dot = domain.find('.');
    const auto label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; })) {
      return false;
    }
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
    if (domain.empty()) return false;  // trailing dot
  }
  return true;
}

// C0 controls, DEL, and the C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F).
bool has_control_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  email = trim(email);
  if (email.empty()) invalid("email is required");
  if (email.size() > kMaxEmailBytes) {
    invalid("email must be at most " + std::to_string(kMaxEmailBytes) + " characters");
  }
  const auto at = email.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64) {
    invalid("email must be a valid email address");
  }
  const auto local = email.substr(0, at);
  const auto domain = email.substr(at + 1);
  if (!std::all_of(local.begin(), local.end(), is_local_part_char) || local.front() == '.' ||
      local.back() == '.' || local.find("..") != std::string_view::npos || !valid_domain(domain)) {
    invalid("email must be a valid email address");
  }
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

std::string validate_username(std::string_view username) {
  if (username.empty()) invalid("username is required");
  if (username.size() < 3 || username.size() > 50) {
    invalid("username must be 3 to 50 characters");
  }
  if (!std::all_of(username.begin(), username.end(),
                   [](char c) { return is_alnum(c) || c == '_' || c == '.' || c == '-'; })) {
    invalid("username may contain only letters, digits, '_', '.' and '-'");
  }
  return std::string(username);
}

std::string normalize_display_name(std::string_view display_name) {
  display_name = trim(display_name);
  if (display_name.empty()) invalid("displayName is required");
  if (utf8_length(display_name) > kMaxDisplayNameChars) {
    invalid("displayName must be at most " + std::to_string(kMaxDisplayNameChars) + " characters");
  }
  if (has_control_characters(display_name)) {
    invalid("displayName must not contain control characters");
  }
  return std::string(display_name);
}

std::string validate_account_type(std::string_view account_type) {
  static constexpr std::array<std::string_view, 4> kTypes = {"FREELANCER", "CLIENT", "COMPANY",
                                                             "AGENCY"};
  if (std::find(kTypes.begin(), kTypes.end(), account_type) == kTypes.end()) {
    invalid("accountType must be one of FREELANCER, CLIENT, COMPANY, AGENCY");
  }
  return std::string(account_type);
}

}  // namespace myspace::auth
