// The user:{id} cache entry: what is written reads back equal, and anything
// else (an older build's entry, a truncated one) reads as unreadable.

#include "api/profiles/profile_json.h"

#include <gtest/gtest.h>

namespace myspace::api {
namespace {

market::Profile ada() {
  market::Profile profile;
  profile.user = {.id = 7,
                  .public_id = "usr_ada000000001",
                  .username = "ada.codes",
                  .display_name = "Ada \"<b>\" Okafor",
                  .account_type = "FREELANCER",
                  .avatar_url = std::nullopt,
                  .profile_completion = 80,
                  .created_at = "2026-11-24T07:00:00.000Z",
                  .headline = "Backend engineer",
                  .bio = std::nullopt,
                  .skills = {"C++", "PostgreSQL"},
                  .hourly_rate = "85.50",
                  .country = "NG"};
  profile.email = "ada@example.com";
  return profile;
}

TEST(ProfileJson, RoundTrips) {
  const auto profile = ada();
  EXPECT_EQ(profile_from_json(profile_to_json(profile)), profile);
}

TEST(ProfileJson, RefusesWhatItDidNotWrite) {
  EXPECT_EQ(profile_from_json(""), std::nullopt);
  EXPECT_EQ(profile_from_json("[]"), std::nullopt);
  // An older build's entry: the GraphQL value with a hidden "_email" key.
  EXPECT_EQ(profile_from_json(R"({"id":"usr_ada000000001","username":"ada.codes","_email":"x"})"),
            std::nullopt);
  auto text = profile_to_json(ada());
  EXPECT_EQ(profile_from_json(text.substr(0, text.size() - 1)), std::nullopt);
  const std::string wrong_type = R"({"id":"7")" + text.substr(text.find(','));
  EXPECT_EQ(profile_from_json(wrong_type), std::nullopt);
}

}  // namespace
}  // namespace myspace::api
