#pragma once
// gzip (RFC 1952) in memory via zlib. Bodies are bounded by the server's
// limits, so one-shot buffers are fine.

#include <cstddef>
#include <string>
#include <string_view>

namespace myspace::http {

std::string gzip_compress(std::string_view data, int level = 6);
// Throws std::runtime_error on corrupt input or when the output would exceed
// `max_output` bytes (a gzip bomb).
std::string gzip_decompress(std::string_view data, std::size_t max_output = 64 * 1024 * 1024);

}  // namespace myspace::http
