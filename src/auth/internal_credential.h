#pragma once
// The credential by which the gateway proves to the auth service that a
// request is its own, so that the auth service believes the client address
// the gateway forwards in X-Forwarded-For (and so counts rate limits per real
// client). A source address cannot prove it: every process on the gateway's
// host connects from the same one.
//
// The credential is HMAC-SHA256(key, kInternalCredentialLabel) in hex, where
// the key is INTERNAL_API_SECRET when set and otherwise JWT_SECRET, which both
// services already share. The label keeps the value apart from anything else
// made with the same key (an access token's signature is an HMAC of a JWT,
// never of this label), and the key cannot be recovered from the value, so
// sending it over the internal connection does not expose the signing key.

#include <string>
#include <string_view>

namespace myspace::auth {

// The header the gateway sends the credential in.
inline constexpr std::string_view kInternalCredentialHeader = "X-Internal-Credential";
inline constexpr std::string_view kInternalCredentialLabel =
    "myspace internal api credential v1: the gateway forwarding a client address";

// 64 lower-case hex digits. Throws std::invalid_argument for an empty key.
std::string internal_credential(std::string_view key);

// Whether `presented` equals `expected`, in time that depends on neither's
// contents nor on `presented`'s length (both are hashed to a fixed size
// first), so a caller cannot guess the credential byte by byte.
bool internal_credential_matches(std::string_view presented, std::string_view expected) noexcept;

}  // namespace myspace::auth
