#include "auth/password.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <sys/random.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace myspace::auth {
namespace {

// base64(SHA-256(password)): 44 printable bytes, within bcrypt's 72.
std::string prehash(std::string_view password) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(password.data()), password.size(), digest.data());
  std::array<unsigned char, 4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1> encoded{};
  const int length = EVP_EncodeBlock(encoded.data(), digest.data(), digest.size());
  return std::string(reinterpret_cast<const char*>(encoded.data()),
                     static_cast<std::size_t>(length));
}

// crypt_r's state is large (~32 KiB): keep it off the stack.
std::string crypt_with(const std::string& phrase, const char* setting) {
  auto data = std::make_unique<crypt_data>();
  const char* result = crypt_r(phrase.c_str(), setting, data.get());
  // libxcrypt returns a string starting with '*' on failure (never NULL by default).
  if (result == nullptr || result[0] == '*') return {};
  return result;
}

}  // namespace

std::string hash_password(std::string_view password, int cost) {
  if (cost < kMinBcryptCost || cost > kMaxBcryptCost) {
    throw std::invalid_argument("bcrypt cost must be between 10 and 15");
  }
  std::array<char, 16> entropy{};
  if (getrandom(entropy.data(), entropy.size(), 0) != static_cast<ssize_t>(entropy.size())) {
    throw std::runtime_error("getrandom failed");
  }
  std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> salt{};
  if (crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), entropy.data(),
                       static_cast<int>(entropy.size()), salt.data(),
                       static_cast<int>(salt.size())) == nullptr) {
    throw std::runtime_error("crypt_gensalt_rn failed");
  }
  std::string hashed = crypt_with(prehash(password), salt.data());
  if (hashed.empty()) throw std::runtime_error("bcrypt hashing failed");
  return hashed;
}

bool verify_password(std::string_view password, std::string_view stored_hash) {
  if (bcrypt_cost(stored_hash) == 0) return false;
  const std::string hashed = crypt_with(prehash(password), std::string(stored_hash).c_str());
  return hashed.size() == stored_hash.size() &&
         CRYPTO_memcmp(hashed.data(), stored_hash.data(), hashed.size()) == 0;
}

int bcrypt_cost(std::string_view stored_hash) noexcept {
  // "$2b$12$" + 53 characters of salt and hash.
  if (stored_hash.size() != 60 || stored_hash.substr(0, 4) != "$2b$" || stored_hash[6] != '$') {
    return 0;
  }
  const char tens = stored_hash[4];
  const char ones = stored_hash[5];
  if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return 0;
  return (tens - '0') * 10 + (ones - '0');
}

}  // namespace myspace::auth
