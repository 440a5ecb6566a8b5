#include "auth/internal_credential.h"

#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace myspace::auth {

std::string internal_credential(std::string_view key) {
  if (key.empty()) throw std::invalid_argument("the internal credential needs a key");
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(kInternalCredentialLabel.data()),
       kInternalCredentialLabel.size(), mac.data(), &length);
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[mac[i] >> 4U]);
    out.push_back(kHex[mac[i] & 0x0FU]);
  }
  return out;
}

bool internal_credential_matches(std::string_view presented, std::string_view expected) noexcept {
  if (expected.empty()) return false;
  std::array<unsigned char, SHA256_DIGEST_LENGTH> a{};
  std::array<unsigned char, SHA256_DIGEST_LENGTH> b{};
  SHA256(reinterpret_cast<const unsigned char*>(presented.data()), presented.size(), a.data());
  SHA256(reinterpret_cast<const unsigned char*>(expected.data()), expected.size(), b.data());
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace myspace::auth
