#pragma once
// A member's profile and the rules for changing it: what a member may edit
// about themselves and how each field is checked (validate()), so that every
// caller — GraphQL today, anything tomorrow — refuses the same bad input with
// the same error naming the field. Values are kept exactly as given once
// validated (HTML and SQL metacharacters included: escaping is the
// renderer's job). Who may read or change a profile is market/access's
// question, asked by the caller.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "market/users/user.h"

namespace myspace::market {

// A member's whole profile: the public User plus what only its owner may see.
struct Profile {
  User user;
  std::string email;

  friend bool operator==(const Profile&, const Profile&) = default;
};

// Bounds of the editable fields (characters are Unicode code points).
inline constexpr std::size_t kMaxDisplayNameChars = 100;
inline constexpr std::size_t kMaxHeadlineChars = 120;
inline constexpr std::size_t kMaxBioChars = 5000;
inline constexpr std::size_t kMaxSkills = 30;
inline constexpr std::size_t kMaxSkillChars = 50;
inline constexpr std::size_t kMaxAvatarUrlBytes = 2048;

// A requested change. An absent member leaves the field as it is; for the
// nullable fields an engaged-but-empty inner optional clears the field.
struct ProfileChanges {
  std::optional<std::string> display_name{};
  std::optional<std::optional<std::string>> headline{};
  std::optional<std::optional<std::string>> bio{};
  std::optional<std::vector<std::string>> skills{};
  std::optional<std::optional<std::string>> hourly_rate{};  // decimal string, >= 0
  std::optional<std::optional<std::string>> country{};      // ISO 3166-1 alpha-2
  std::optional<std::optional<std::string>> avatar_url{};   // https only

  bool empty() const noexcept {
    return !display_name && !headline && !bio && !skills && !hourly_rate && !country && !avatar_url;
  }
};

// The changes normalized (text trimmed, an empty optional text cleared,
// country upper-cased, skills trimmed), or throws myspace::Error(kBadRequest)
// with a message naming the first bad field ("headline must be at most 120
// characters"). update_profile() calls it itself.
ProfileChanges validate(ProfileChanges changes);

// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case).
bool is_country_code(std::string_view code) noexcept;

}  // namespace myspace::market
