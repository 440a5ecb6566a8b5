#pragma once
// A member of the marketplace as everyone may see them: the public fields of
// a user row. The internal id exists so that callers can batch and join; it
// must never reach a client — every API speaks `public_id` (the msf_id).
// Money is a decimal string exactly as PostgreSQL's NUMERIC prints it
// ("45.00"), never a float; times are RFC 3339 UTC strings with milliseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myspace::market {

struct User {
  std::int64_t id = 0;    // internal; never leaves the server
  std::string public_id;  // msf_id, e.g. "usr_demoClient0001"
  std::string username;
  std::string display_name;
  std::string account_type;  // FREELANCER | CLIENT | COMPANY | AGENCY
  std::optional<std::string> avatar_url;
  int profile_completion = 0;  // 0..100
  std::string created_at;      // RFC 3339, UTC
  std::optional<std::string> headline;
  std::optional<std::string> bio;
  std::vector<std::string> skills;
  std::optional<std::string> hourly_rate;  // decimal string, e.g. "45.00"
  std::optional<std::string> country;      // ISO 3166-1 alpha-2, upper case

  friend bool operator==(const User&, const User&) = default;
};

}  // namespace myspace::market
