#include "common/random_id.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

namespace myspace {
namespace {

TEST(RandomId, HasPrefixLengthAndUrlSafeAlphabet) {
  const std::string id = random_public_id("job_", 14);
  ASSERT_EQ(id.size(), 18u);
  EXPECT_EQ(id.substr(0, 4), "job_");
  for (char c : id.substr(4)) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << id;
}

TEST(RandomId, DoesNotRepeatAcrossManyDraws) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(random_public_id("u_"));
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(RandomToken, EncodesBase64UrlWithoutPadding) {
  EXPECT_EQ(random_token(32).size(), 43u);
  EXPECT_EQ(random_token(16).size(), 22u);
  const std::string t = random_token(48);
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(UniqueToken, IsSixteenUrlSafeCharacters) {
  const std::string t = unique_token();
  EXPECT_EQ(t.size(), 16u);
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(UniqueToken, NeverRepeatsWithinOrAcrossThreads) {
  constexpr int kPerThread = 50000;
  std::vector<std::string> other(kPerThread);
  std::thread worker([&other] {
    for (auto& token : other) token = unique_token();
  });
  std::set<std::string> seen;
  for (int i = 0; i < kPerThread; ++i) seen.insert(unique_token());
  worker.join();
  seen.insert(other.begin(), other.end());
  EXPECT_EQ(seen.size(), 2u * kPerThread);
}

TEST(UniqueToken, ConsecutiveTokensDoNotShareTheirTail) {
  // The counter is mixed, so ids of one thread do not look sequential.
  const std::string a = unique_token();
  const std::string b = unique_token();
  EXPECT_EQ(a.substr(0, 5), b.substr(0, 5));  // the per-thread prefix
  EXPECT_NE(a.substr(6), b.substr(6));
}

}  // namespace
}  // namespace myspace
