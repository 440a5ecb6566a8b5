#include "market/profiles/profile.h"

#include <algorithm>
#include <array>

#include "common/error.h"

namespace myspace::market {
namespace {

// Every officially assigned ISO 3166-1 alpha-2 code, sorted (binary search).
constexpr std::array<std::string_view, 249> kCountryCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"};

// Every message starts with the field's name, as the form shows it.
[[noreturn]] void bad(std::string_view field, std::string message) {
  throw InvalidInput(std::string(field), std::move(message));
}

// Code points in valid UTF-8 (our input arrives as JSON strings, so it is).
std::size_t char_count(std::string_view text) noexcept {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

bool is_control(unsigned char c, bool allow_newlines) noexcept {
  if (allow_newlines && (c == '\n' || c == '\r' || c == '\t')) return false;
  return c < 0x20 || c == 0x7F;
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

// Trimmed text of at most `max_chars`, without control characters (line
// breaks and tabs allowed when `multiline`).
std::string checked_text(std::string_view field, std::string_view value, std::size_t max_chars,
                         bool multiline = false) {
  std::string text = trimmed(value);
  if (char_count(text) > max_chars) {
    bad(field,
        std::string(field) + " must be at most " + std::to_string(max_chars) + " characters");
  }
  if (std::any_of(text.begin(), text.end(), [multiline](char c) {
        return is_control(static_cast<unsigned char>(c), multiline);
      })) {
    bad(field, std::string(field) + " must not contain control characters");
  }
  return text;
}

// An optional text field: null or blank clears it.
std::optional<std::string> optional_text(std::string_view field,
                                         const std::optional<std::string>& value,
                                         std::size_t max_chars, bool multiline = false) {
  if (!value) return std::nullopt;
  std::string text = checked_text(field, *value, max_chars, multiline);
  if (text.empty()) return std::nullopt;
  return text;
}

bool is_money_amount(std::string_view text) noexcept {
  // NUMERIC(10,2), not negative: up to 8 integer digits, up to 2 fraction digits.
  const auto dot = text.find('.');
  const auto whole = text.substr(0, dot);
  if (whole.empty() || whole.size() > 8) return false;
  if (!std::all_of(whole.begin(), whole.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (dot == std::string_view::npos) return true;
  const auto fraction = text.substr(dot + 1);
  return !fraction.empty() && fraction.size() <= 2 &&
         std::all_of(fraction.begin(), fraction.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string checked_avatar_url(std::string_view value) {
  constexpr std::string_view kScheme = "https://";
  if (value.size() > kMaxAvatarUrlBytes) {
    bad("avatarUrl", "avatarUrl must be at most " + std::to_string(kMaxAvatarUrlBytes) + " bytes");
  }
  std::string lower(value.substr(0, std::min(value.size(), kScheme.size())));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower != kScheme) bad("avatarUrl", "avatarUrl must be an https:// URL");
  const auto rest = value.substr(kScheme.size());
  const auto host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty() || host.find('@') != std::string_view::npos) {
    bad("avatarUrl", "avatarUrl must be an https:// URL with a host");
  }
  // No spaces, controls, quotes or angle brackets: the value is put into an
  // attribute by every renderer.
  if (std::any_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
               c == '\\' || c == '`';
      })) {
    bad("avatarUrl",
        "avatarUrl must not contain spaces, quotes, angle brackets or control characters");
  }
  return std::string(value);
}

}  // namespace

bool is_country_code(std::string_view code) noexcept {
  return std::binary_search(kCountryCodes.begin(), kCountryCodes.end(), code);
}

ProfileChanges validate(ProfileChanges changes) {
  if (changes.display_name) {
    auto name = checked_text("displayName", *changes.display_name, kMaxDisplayNameChars);
    if (name.empty()) bad("displayName", "displayName must not be empty");
    changes.display_name = std::move(name);
  }
  if (changes.headline) {
    changes.headline = optional_text("headline", *changes.headline, kMaxHeadlineChars);
  }
  if (changes.bio) changes.bio = optional_text("bio", *changes.bio, kMaxBioChars, true);
  if (changes.skills) {
    if (changes.skills->size() > kMaxSkills) {
      bad("skills", "skills must have at most " + std::to_string(kMaxSkills) + " items");
    }
    std::vector<std::string> skills;
    for (const auto& skill : *changes.skills) {
      auto text = checked_text("skills", skill, kMaxSkillChars);
      if (text.empty()) bad("skills", "skills must not contain empty items");
      // Kept once each, in the order given.
      if (std::find(skills.begin(), skills.end(), text) == skills.end()) {
        skills.push_back(std::move(text));
      }
    }
    changes.skills = std::move(skills);
  }
  if (changes.hourly_rate && *changes.hourly_rate) {
    const auto& rate = **changes.hourly_rate;
    if (!rate.empty() && rate.front() == '-') bad("hourlyRate", "hourlyRate must not be negative");
    if (!is_money_amount(rate)) {
      bad("hourlyRate",
          "hourlyRate must be a decimal amount with at most 8 digits before the point and 2 after");
    }
  }
  if (changes.country && *changes.country) {
    std::string code = **changes.country;
    std::transform(code.begin(), code.end(), code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (!is_country_code(code))
      bad("country", "country must be an ISO 3166-1 alpha-2 code such as \"DE\"");
    changes.country = std::move(code);
  }
  if (changes.avatar_url && *changes.avatar_url) {
    if (changes.avatar_url->value().empty()) {
      changes.avatar_url = std::optional<std::string>();
    } else {
      changes.avatar_url = checked_avatar_url(**changes.avatar_url);
    }
  }
  return changes;
}

}  // namespace myspace::market
