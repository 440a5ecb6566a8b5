// The Authorization header's parsing: absent means anonymous, anything that
// is not a Bearer token is refused rather than ignored.

#include "http/authorization.h"

#include <gtest/gtest.h>

namespace myspace::http {
namespace {

TEST(BearerToken, AbsentOrBlankHeaderIsAnonymous) {
  EXPECT_EQ(bearer_token(""), std::nullopt);
  EXPECT_EQ(bearer_token("   "), std::nullopt);
}

TEST(BearerToken, TheSchemeIsCaseInsensitiveAndSpacesAreTrimmed) {
  EXPECT_EQ(bearer_token("Bearer abc.def.ghi"), std::optional<std::string_view>("abc.def.ghi"));
  EXPECT_EQ(bearer_token("bearer   abc "), std::optional<std::string_view>("abc"));
  EXPECT_EQ(bearer_token("BEARER x"), std::optional<std::string_view>("x"));
}

TEST(BearerToken, OtherSchemesAndEmptyTokensAreInvalidNotAnonymous) {
  EXPECT_EQ(bearer_token("Basic dXNlcjpwYXNz"), std::optional<std::string_view>(""));
  EXPECT_EQ(bearer_token("Bearer"), std::optional<std::string_view>(""));
  EXPECT_EQ(bearer_token("Bearer "), std::optional<std::string_view>(""));
  EXPECT_EQ(bearer_token("Token abc"), std::optional<std::string_view>(""));
}

}  // namespace
}  // namespace myspace::http
