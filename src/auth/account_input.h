#pragma once
// Validation and normalization of what a person types when registering:
// email, username, display name and account type. Each function either returns
// the normalized value or throws myspace::Error(kBadRequest) with a message that
// names the field ("email must be a valid email address"). Values are never
// escaped or rewritten here (HTML and SQL metacharacters are stored literally;
// output encoding is the renderer's job, SQL uses bound parameters).

#include <string>
#include <string_view>

namespace myspace::auth {

inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxDisplayNameChars = 100;

// Trimmed and lower-cased (the database stores emails lower-case). Requires
// local@domain with a dotted domain, no spaces or control characters.
std::string normalize_email(std::string_view email);

// 3..50 of [A-Za-z0-9_.-] (the database's rule); case is kept, uniqueness is
// case-insensitive.
std::string validate_username(std::string_view username);

// Trimmed; 1..kMaxDisplayNameChars characters; no control characters.
std::string normalize_display_name(std::string_view display_name);

// FREELANCER | CLIENT | COMPANY | AGENCY (exactly; the seed's four types).
std::string validate_account_type(std::string_view account_type);

}  // namespace myspace::auth
