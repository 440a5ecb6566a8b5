#pragma once
// Internal helpers for request targets (not part of the public API).

#include <optional>
#include <string>
#include <string_view>

namespace myspace::http {

// "%41b" -> "Ab"; nullopt on a malformed escape or an encoded NUL. '+' stays '+'
// (it only means space in form bodies, not in paths).
std::optional<std::string> percent_decode(std::string_view text);

// The target without its query string ("/a?b=1" -> "/a").
inline std::string_view target_path(std::string_view target) noexcept {
  return target.substr(0, target.find('?'));
}

}  // namespace myspace::http
