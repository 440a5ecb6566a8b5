#include "auth/password.h"

#include <gtest/gtest.h>

namespace myspace::auth {
namespace {

TEST(Password, HashesAndVerifies) {
  const std::string hash = hash_password("correct horse battery staple", kMinBcryptCost);
  EXPECT_EQ(hash.substr(0, 7), "$2b$10$");
  EXPECT_EQ(bcrypt_cost(hash), 10);
  EXPECT_TRUE(verify_password("correct horse battery staple", hash));
  EXPECT_FALSE(verify_password("correct horse battery stapler", hash));
  EXPECT_FALSE(verify_password("", hash));
}

TEST(Password, SaltsEveryHash) {
  EXPECT_NE(hash_password("same password", 10), hash_password("same password", 10));
}

TEST(Password, LongPasswordsAreNotTruncatedAt72Bytes) {
  const std::string base(72, 'a');
  const std::string hash = hash_password(base + "X", 10);
  EXPECT_TRUE(verify_password(base + "X", hash));
  EXPECT_FALSE(verify_password(base + "Y", hash));
  EXPECT_FALSE(verify_password(base, hash));
}

TEST(Password, EmbeddedNulDoesNotCutThePasswordShort) {
  const std::string with_nul("abc\0def", 7);
  const std::string hash = hash_password(with_nul, 10);
  EXPECT_TRUE(verify_password(with_nul, hash));
  EXPECT_FALSE(verify_password("abc", hash));
}

TEST(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_FALSE(verify_password("x", "$1$abc$def"));
  EXPECT_FALSE(verify_password("x", std::string(60, '*')));
  EXPECT_EQ(bcrypt_cost("$2b$xx$"), 0);
}

TEST(Password, RefusesWeakOrAbsurdCost) {
  EXPECT_THROW(hash_password("x", 4), std::invalid_argument);
  EXPECT_THROW(hash_password("x", 20), std::invalid_argument);
}

}  // namespace
}  // namespace myspace::auth
