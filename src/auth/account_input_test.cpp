#include "auth/account_input.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace myspace::auth {
namespace {

std::string message_of(auto&& call) {
  try {
    call();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadRequest);
    return e.what();
  }
  return "";
}

TEST(AccountInput, EmailIsTrimmedAndLowerCased) {
  EXPECT_EQ(normalize_email("  Jane.Doe+work@Example.COM "), "jane.doe+work@example.com");
  EXPECT_EQ(normalize_email("o'brien@example.ie"), "o'brien@example.ie");
}

TEST(AccountInput, EmailMustLookLikeAnAddress) {
  for (const char* bad : {"", "plain", "@example.com", "a@", "a@localhost", "a b@example.com",
                          "a@exa mple.com", ".a@example.com", "a..b@example.com", "a@-x.com",
                          "a@example..com", "<script>@x.com", "a@x.com."}) {
    const auto message = message_of([&] { normalize_email(bad); });
    EXPECT_NE(message.find("email"), std::string::npos) << bad;
  }
  EXPECT_NE(message_of([] { normalize_email(std::string(250, 'a') + "@x.io"); }).find("at most"),
            std::string::npos);
}

TEST(AccountInput, UsernameFollowsTheDatabaseRule) {
  EXPECT_EQ(validate_username("jane_doe.99-x"), "jane_doe.99-x");
  EXPECT_NE(message_of([] { validate_username("ab"); }).find("3 to 50"), std::string::npos);
  EXPECT_NE(message_of([] { validate_username(std::string(51, 'a')); }).find("3 to 50"),
            std::string::npos);
  EXPECT_NE(message_of([] { validate_username("jane doe"); }).find("username"), std::string::npos);
  EXPECT_NE(message_of([] { validate_username("'; DROP--"); }).find("username"), std::string::npos);
}

TEST(AccountInput, DisplayNameKeepsMarkupLiterally) {
  EXPECT_EQ(normalize_display_name("  <b>Jane</b> & 'Co'; DROP TABLE users;-- "),
            "<b>Jane</b> & 'Co'; DROP TABLE users;--");
  EXPECT_NE(message_of([] { normalize_display_name("   "); }).find("displayName is required"),
            std::string::npos);
  EXPECT_NE(message_of([] { normalize_display_name("a\x01z"); }).find("control"),
            std::string::npos);
  EXPECT_NE(message_of([] { normalize_display_name(std::string(101, 'x')); }).find("at most"),
            std::string::npos);
  EXPECT_EQ(normalize_display_name(std::string(100, 'x')).size(), 100U);
}

TEST(AccountInput, AccountTypeIsOneOfFour) {
  for (const char* type : {"FREELANCER", "CLIENT", "COMPANY", "AGENCY"}) {
    EXPECT_EQ(validate_account_type(type), type);
  }
  EXPECT_NE(message_of([] { validate_account_type("ADMIN"); }).find("accountType"),
            std::string::npos);
  EXPECT_NE(message_of([] { validate_account_type("client"); }).find("accountType"),
            std::string::npos);
}

}  // namespace
}  // namespace myspace::auth
