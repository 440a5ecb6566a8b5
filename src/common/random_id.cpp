#include "common/random_id.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
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

std::string base64url(const unsigned char* raw, std::size_t bytes) {
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
  return base64url(raw.data(), raw.size());
}

std::string unique_token() {
  // A random per-thread key, drawn once, and a counter pushed through
  // SplitMix64's finaliser, which is a bijection on 64 bits: distinct counter
  // values give distinct outputs, so no two tokens of a thread repeat.
  struct Sequence {
    std::uint64_t key = 0;
    std::uint32_t thread_prefix = 0;
    std::uint64_t counter = 0;
    Sequence() {
      unsigned char seed[12];
      fill_random(seed, sizeof seed);
      std::memcpy(&key, seed, sizeof key);
      std::memcpy(&thread_prefix, seed + sizeof key, sizeof thread_prefix);
    }
  };
  thread_local Sequence sequence;
  std::uint64_t z = sequence.key + ++sequence.counter * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  unsigned char raw[12];
  std::memcpy(raw, &sequence.thread_prefix, 4);
  std::memcpy(raw + 4, &z, 8);
  return base64url(raw, sizeof raw);
}

}  // namespace myspace
