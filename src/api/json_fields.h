#pragma once
// Reading and writing the JSON objects the API keeps in Redis (profile_json,
// job_json) member by member, with types checked: a missing or mistyped
// member throws MalformedEntry, which a decoder turns into "unreadable"
// (the entry is refilled), never into a half-filled record.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myspace::api::json_fields {

struct MalformedEntry {};

std::string text(const boost::json::object& object, std::string_view name);
std::optional<std::string> optional_text(const boost::json::object& object, std::string_view name);
std::int64_t integer(const boost::json::object& object, std::string_view name);
std::vector<std::string> texts(const boost::json::object& object, std::string_view name);

// The JSON of an optional text: the string, or null.
boost::json::value optional_text_value(const std::optional<std::string>& text);

}  // namespace myspace::api::json_fields
