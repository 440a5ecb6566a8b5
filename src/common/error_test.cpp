#include "common/error.h"

#include <gtest/gtest.h>

namespace myspace {
namespace {

TEST(Error, KeepsClientMessageApartFromLogDetail) {
  Error e(ErrorCode::kConflict, "email already registered", "duplicate key users_email_key");
  EXPECT_EQ(e.code(), ErrorCode::kConflict);
  EXPECT_STREQ(e.what(), "email already registered");
  EXPECT_EQ(e.detail(), "duplicate key users_email_key");
}

TEST(Error, CodeNamesMatchGraphQLConventions) {
  EXPECT_EQ(error_code_name(ErrorCode::kBadRequest), "BAD_USER_INPUT");
  EXPECT_EQ(error_code_name(ErrorCode::kUnauthenticated), "UNAUTHENTICATED");
  EXPECT_EQ(error_code_name(ErrorCode::kRateLimited), "RATE_LIMITED");
  EXPECT_EQ(error_code_name(ErrorCode::kUnavailable), "SERVICE_UNAVAILABLE");
}

}  // namespace
}  // namespace myspace
