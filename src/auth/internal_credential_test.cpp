// The gateway's internal credential: stable for one key, different for
// another, never the key itself, and compared without early exit.
#include "auth/internal_credential.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace myspace::auth {
namespace {

TEST(InternalCredential, IsAKeyedDigestOfTheLabel) {
  const std::string a = internal_credential("integration-test-secret-0123456789abcdef");
  EXPECT_EQ(a.size(), 64U);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(a, internal_credential("integration-test-secret-0123456789abcdef"));
  EXPECT_NE(a, internal_credential("integration-test-secret-0123456789abcdeF"));
  EXPECT_EQ(a.find("integration"), std::string::npos);
  EXPECT_THROW(internal_credential(""), std::invalid_argument);
}

TEST(InternalCredential, MatchesOnlyTheWholeValue) {
  const std::string expected = internal_credential("dev-secret-key");
  EXPECT_TRUE(internal_credential_matches(expected, expected));
  EXPECT_FALSE(internal_credential_matches("", expected));
  EXPECT_FALSE(internal_credential_matches(expected.substr(0, 63), expected));
  EXPECT_FALSE(internal_credential_matches(expected + "0", expected));
  std::string flipped = expected;
  flipped[40] = flipped[40] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(internal_credential_matches(flipped, expected));
  // No credential configured: nothing matches, not even an empty header.
  EXPECT_FALSE(internal_credential_matches("", ""));
}

}  // namespace
}  // namespace myspace::auth
