#include "common/sha256.h"

#include <gtest/gtest.h>

namespace myspace {
namespace {

// FIPS 180-2's test vectors.
TEST(Sha256Hex, MatchesTheStandardVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

// The APQ hash a client computes: what `printf '%s' '{ __typename }' | sha256sum` prints.
TEST(Sha256Hex, MatchesWhatClientsSendForPersistedQueries) {
  EXPECT_EQ(sha256_hex("{ __typename }"),
            "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b");
}

}  // namespace
}  // namespace myspace
