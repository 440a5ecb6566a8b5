#include "auth/password_policy.h"

#include <gtest/gtest.h>

namespace myspace::auth {
namespace {

const PasswordPolicy& policy() {
  return PasswordPolicy::standard();
}

TEST(PasswordPolicy, ShipsAFewThousandCommonPasswords) {
  EXPECT_GE(policy().common_count(), 3000U);
  EXPECT_TRUE(policy().is_common("123456"));
  EXPECT_TRUE(policy().is_common("password"));
}

TEST(PasswordPolicy, RefusesCommonPasswordsWhateverTheirCase) {
  for (const char* weak : {"password123", "PASSWORD123", "Password1", "qwertyuiop", "iloveyou1",
                           "football1", "letmein123", "1q2w3e4r5t", "welcome2024", "11111111"}) {
    const auto problem = policy().problem(weak);
    ASSERT_TRUE(problem.has_value()) << weak;
    EXPECT_NE(problem->find("too common"), std::string::npos) << weak;
  }
}

TEST(PasswordPolicy, RequiresAtLeastEightCharacters) {
  EXPECT_EQ(policy().problem("Xk9#mQ2").value_or(""), "password must be at least 8 characters");
  EXPECT_FALSE(policy().problem("Xk9#mQ2v").has_value());
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // Four two-byte characters are eight bytes but only four characters.
  EXPECT_TRUE(policy().problem("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9").has_value());
  // Eight of them are enough.
  EXPECT_FALSE(policy()
                   .problem("\xC3\xA9\xC3\xA8\xC3\xA9\xC3\xA8\xC3\xA9\xC3\xA8\xC3\xA9\xC3\xAA")
                   .has_value());
  EXPECT_EQ(utf8_length("\xE2\x82\xAC"
                        "abc"),
            4U);
}

TEST(PasswordPolicy, AllowsLongPassphrasesUpToTheCap) {
  EXPECT_FALSE(policy().problem(std::string(64, 'x') + "y").has_value());
  EXPECT_FALSE(policy().problem(std::string(127, 'q') + "z").has_value());
  EXPECT_EQ(policy().problem(std::string(129, 'q')).value_or(""),
            "password must be at most 128 characters");
}

TEST(PasswordPolicy, HasNoCompositionRules) {
  EXPECT_FALSE(policy().problem("correct horse battery staple").has_value());
  EXPECT_FALSE(policy().problem("alllowercaseletters").has_value());
  EXPECT_FALSE(policy().problem("982734651029").has_value());
}

TEST(PasswordPolicy, RefusesTheAccountsOwnIdentifiers) {
  EXPECT_TRUE(policy().problem("Jane.Doe@example.com", {"jane.doe@example.com"}).has_value());
  EXPECT_TRUE(policy().problem("JaneDoe1987", {"jane@x.io", "janedoe1987"}).has_value());
  EXPECT_FALSE(policy().problem("JaneDoe1987!x", {"jane@x.io", "janedoe1987"}).has_value());
}

TEST(PasswordPolicy, ParsesListsWithCommentsAndCrlf) {
  const PasswordPolicy custom("# comment\r\nhunter2hunter2\r\n\r\nTrustNo1Ever\n");
  EXPECT_EQ(custom.common_count(), 2U);
  EXPECT_TRUE(custom.is_common("HUNTER2HUNTER2"));
  EXPECT_TRUE(custom.is_common("trustno1ever"));
  EXPECT_FALSE(custom.is_common("# comment"));
}

}  // namespace
}  // namespace myspace::auth
