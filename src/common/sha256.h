#pragma once
// SHA-256 of a text as 64 lower-case hex digits: migration checksums, the APQ
// hash of GraphQL documents, keys derived from personal data (so that the key
// never holds the data itself).

#include <string>
#include <string_view>

namespace myspace {

std::string sha256_hex(std::string_view text);

}  // namespace myspace
