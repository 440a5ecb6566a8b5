#pragma once
// How a profile is kept in the user:{msf_id} cache entry: a JSON object of
// its typed fields (the email included: the entry never leaves the server).
// Decoding refuses anything that is not exactly such an object, so an entry
// written by an older build reads as unreadable (and is refilled), never as
// a half-filled profile.

#include <optional>
#include <string>
#include <string_view>

#include "market/profiles/profile.h"

namespace myspace::api {

std::string profile_to_json(const market::Profile& profile);
std::optional<market::Profile> profile_from_json(std::string_view text);

}  // namespace myspace::api
