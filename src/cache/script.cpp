#include "cache/script.h"

#include <openssl/sha.h>

#include <array>

namespace myspace::cache {

std::string sha1_hex(std::string_view text) {
  std::array<unsigned char, SHA_DIGEST_LENGTH> digest{};
  SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (const unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0f];
  }
  return out;
}

Script::Script(std::string source) {
  std::string sha1 = sha1_hex(source);
  data_ = std::make_shared<const Data>(Data{std::move(source), std::move(sha1)});
}

}  // namespace myspace::cache
