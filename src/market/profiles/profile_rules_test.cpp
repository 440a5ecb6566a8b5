// Profile field rules: every editable field's bounds, normalization and the
// message and the field path naming the field (the store itself is tested against PostgreSQL in
// tests/integration/gateway).

#include <gtest/gtest.h>

#include "common/error.h"
#include "market/profiles/profile.h"

namespace myspace::market {
namespace {

std::string refusal(const ProfileChanges& changes) {
  try {
    validate(changes);
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
    // The field the error names for the form is the one its message starts with.
    EXPECT_EQ(std::string_view(e.what()).substr(0, e.field().size()), e.field()) << e.what();
    return e.what();
  }
  return "accepted";
}

TEST(ProfileRules, NothingChangedIsValid) {
  EXPECT_TRUE(validate({}).empty());
}

TEST(ProfileRules, DisplayNameIsTrimmedRequiredAndBounded) {
  EXPECT_EQ(validate({.display_name = "  Ada  "}).display_name, "Ada");
  EXPECT_EQ(refusal({.display_name = "   "}), "displayName must not be empty");
  EXPECT_EQ(refusal({.display_name = std::string(101, 'a')}),
            "displayName must be at most 100 characters");
  // Characters, not bytes: 100 two-byte letters fit.
  std::string umlauts;
  for (int i = 0; i < 100; ++i) umlauts += "\xC3\xA4";
  EXPECT_EQ(validate({.display_name = umlauts}).display_name, umlauts);
  EXPECT_EQ(refusal({.display_name = "a\x01"}), "displayName must not contain control characters");
}

TEST(ProfileRules, TextIsKeptLiterallyAndBlankClears) {
  const std::string attack = "<script>alert(1)</script>'; DROP TABLE users; --";
  const auto changes = validate({.headline = attack, .bio = "line one\nline two"});
  EXPECT_EQ(changes.headline, std::optional<std::string>(attack));
  EXPECT_EQ(changes.bio, std::optional<std::string>("line one\nline two"));
  const auto cleared = validate({.headline = std::optional<std::string>("  ")});
  ASSERT_TRUE(cleared.headline.has_value());
  EXPECT_FALSE(cleared.headline->has_value());
  EXPECT_EQ(refusal({.headline = std::string(121, 'h')}),
            "headline must be at most 120 characters");
  EXPECT_EQ(refusal({.headline = "tab\there"}), "headline must not contain control characters");
  EXPECT_EQ(refusal({.bio = std::string(5001, 'b')}), "bio must be at most 5000 characters");
}

TEST(ProfileRules, SkillsAreBoundedInCountAndLength) {
  EXPECT_EQ(validate({.skills = std::vector<std::string>{" C++ ", "SQL", "C++"}}).skills,
            (std::vector<std::string>{"C++", "SQL"}));
  EXPECT_EQ(refusal({.skills = std::vector<std::string>(31, "x")}),
            "skills must have at most 30 items");
  EXPECT_EQ(validate({.skills = std::vector<std::string>(30, "x")}).skills->size(), 1u);
  EXPECT_EQ(refusal({.skills = std::vector<std::string>{std::string(51, 's')}}),
            "skills must be at most 50 characters");
  EXPECT_EQ(refusal({.skills = std::vector<std::string>{""}}),
            "skills must not contain empty items");
}

TEST(ProfileRules, HourlyRateIsANonNegativeAmount) {
  EXPECT_EQ(validate({.hourly_rate = std::optional<std::string>("45.50")}).hourly_rate,
            std::optional<std::optional<std::string>>("45.50"));
  EXPECT_EQ(refusal({.hourly_rate = std::optional<std::string>("-1.00")}),
            "hourlyRate must not be negative");
  EXPECT_NE(refusal({.hourly_rate = std::optional<std::string>("123456789")}), "accepted");
  EXPECT_NE(refusal({.hourly_rate = std::optional<std::string>("1.234")}), "accepted");
  EXPECT_EQ(refusal({.hourly_rate = std::optional<std::string>("99999999.99")}), "accepted");
}

TEST(ProfileRules, CountryIsAnAssignedAlpha2Code) {
  EXPECT_EQ(validate({.country = std::optional<std::string>("de")}).country,
            std::optional<std::optional<std::string>>("DE"));
  EXPECT_TRUE(is_country_code("US"));
  EXPECT_FALSE(is_country_code("XX"));
  EXPECT_FALSE(is_country_code("DEU"));
  EXPECT_EQ(refusal({.country = std::optional<std::string>("XX")}),
            "country must be an ISO 3166-1 alpha-2 code such as \"DE\"");
  EXPECT_NE(refusal({.country = std::optional<std::string>("D")}), "accepted");
}

TEST(ProfileRules, AvatarUrlMustBeHttps) {
  EXPECT_EQ(refusal({.avatar_url = std::optional<std::string>("https://cdn.example/a.png")}),
            "accepted");
  EXPECT_EQ(refusal({.avatar_url = std::optional<std::string>("http://cdn.example/a.png")}),
            "avatarUrl must be an https:// URL");
  EXPECT_EQ(refusal({.avatar_url = std::optional<std::string>("javascript:alert(1)")}),
            "avatarUrl must be an https:// URL");
  EXPECT_NE(refusal({.avatar_url = std::optional<std::string>("https://")}), "accepted");
  EXPECT_NE(refusal({.avatar_url = std::optional<std::string>("https://x.example/\"onerror=")}),
            "accepted");
  EXPECT_NE(refusal({.avatar_url = std::optional<std::string>("https://x.example/" +
                                                              std::string(2048, 'a'))}),
            "accepted");
}

}  // namespace
}  // namespace myspace::market
