#pragma once
// Password hashing with bcrypt. The password is first reduced to
// base64(SHA-256(password)) — 44 ASCII bytes — so that bcrypt's 72-byte input
// limit never silently truncates a long password and NUL bytes cannot cut it
// short. Stored hashes are ordinary "$2b$<cost>$…" strings.
//
// Both functions take ~2^cost bcrypt rounds of CPU (≈250 ms at cost 12): call
// them off the event loop.

#include <string>
#include <string_view>

namespace myspace::auth {

inline constexpr int kMinBcryptCost = 10;
inline constexpr int kMaxBcryptCost = 15;

// Throws std::invalid_argument for a cost outside [kMinBcryptCost, kMaxBcryptCost].
std::string hash_password(std::string_view password, int cost);

// True when `password` matches `stored_hash`. A malformed hash is false, never
// an exception. Comparison is constant-time.
bool verify_password(std::string_view password, std::string_view stored_hash);

// The cost recorded in a "$2b$NN$…" hash, or 0 when malformed (for rehash-on-login).
int bcrypt_cost(std::string_view stored_hash) noexcept;

}  // namespace myspace::auth
