#pragma once
// The Authorization request header's Bearer scheme (RFC 6750), parsed in one
// place for every service: what is a token, what is anonymous, and what is a
// malformed header that must be refused rather than ignored.

#include <optional>
#include <string_view>

namespace myspace::http {

// The token of an "Authorization: Bearer <token>" header (scheme matched
// case-insensitively, spaces around the token trimmed); nullopt when the
// header is absent or blank, "" when it is present but not a Bearer token.
std::optional<std::string_view> bearer_token(std::string_view authorization) noexcept;

}  // namespace myspace::http
