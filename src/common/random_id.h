#pragma once
// Random, URL-safe, non-sequential public identifiers (the `msf_id` columns).
// Internal serial ids never leave the server; these do.

#include <cstddef>
#include <string>
#include <string_view>

namespace myspace {

// `prefix` + `length` characters drawn uniformly from [0-9A-Za-z] using the
// kernel's CSPRNG (getrandom). 14 characters carry ~83 bits.
std::string random_public_id(std::string_view prefix, std::size_t length = 14);

// `bytes` random bytes, base64url-encoded without padding: secrets (refresh
// tokens, session ids). One getrandom call each.
std::string random_token(std::size_t bytes);

// 16 base64url characters that never repeat within a thread and practically
// never across threads or processes (a random 32-bit per-thread prefix), and
// look random, but are not secret: correlation ids such as request ids, made
// per request without a system call. Never use one as a credential.
std::string unique_token();

}  // namespace myspace
