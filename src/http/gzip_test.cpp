#include "http/gzip.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace myspace::http {
namespace {

TEST(Gzip, RoundTrips) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "hello gzip " + std::to_string(i) + "\n";
  const auto compressed = gzip_compress(text);
  EXPECT_LT(compressed.size(), text.size() / 2);
  ASSERT_GE(compressed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
  EXPECT_EQ(gzip_decompress(compressed), text);
}

TEST(Gzip, RoundTripsEmpty) {
  EXPECT_EQ(gzip_decompress(gzip_compress("")), "");
}

TEST(Gzip, RejectsCorruptAndTruncatedInput) {
  EXPECT_THROW(gzip_decompress("not gzip at all"), std::runtime_error);
  const auto compressed = gzip_compress(std::string(10000, 'x'));
  EXPECT_THROW(gzip_decompress(compressed.substr(0, compressed.size() / 2)), std::runtime_error);
}

TEST(Gzip, BoundsOutput) {
  const auto bomb = gzip_compress(std::string(1 << 20, 'a'));
  EXPECT_THROW(gzip_decompress(bomb, 1000), std::runtime_error);
}

}  // namespace
}  // namespace myspace::http
