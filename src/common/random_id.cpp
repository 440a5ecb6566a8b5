#include "common/random_id.h"

#include <sys/random.h>

#include <cerrno>
#include <stdexcept>
#include <vector>

namespace myspace {
namespace {

void fill_random(unsigned char* out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = getrandom(out + done, n - done, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("getrandom failed");
    }
    done += static_cast<std::size_t>(got);
  }
}

constexpr std::string_view kAlphabet62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kAlphabet64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

std::string random_public_id(std::string_view prefix, std::size_t length) {
  std::string id(prefix);
  id.reserve(prefix.size() + length);
  unsigned char buffer[64];
  while (id.size() < prefix.size() + length) {
    fill_random(buffer, sizeof buffer);
    for (unsigned char byte : buffer) {
      // Rejection sampling keeps the distribution uniform: 248 = 62 * 4.
      if (byte >= 248) continue;
      id.push_back(kAlphabet62[byte % 62]);
      if (id.size() == prefix.size() + length) break;
    }
  }
  return id;
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  fill_random(raw.data(), raw.size());
  std::string out;
  out.reserve((bytes * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 2 < bytes; i += 3) {
    const unsigned v = (raw[i] << 16) | (raw[i + 1] << 8) | raw[i + 2];
    out += kAlphabet64[(v >> 18) & 63];
    out += kAlphabet64[(v >> 12) & 63];
    out += kAlphabet64[(v >> 6) & 63];
    out += kAlphabet64[v & 63];
  }
  if (bytes - i == 1) {
    const unsigned v = raw[i] << 16;
    out += kAlphabet64[(v >> 18) & 63];
    out += kAlphabet64[(v >> 12) & 63];
  } else if (bytes - i == 2) {
    const unsigned v = (raw[i] << 16) | (raw[i + 1] << 8);
    out += kAlphabet64[(v >> 18) & 63];
    out += kAlphabet64[(v >> 12) & 63];
    out += kAlphabet64[(v >> 6) & 63];
  }
  return out;
}

}  // namespace myspace
