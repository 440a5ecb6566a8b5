#include "api/json_fields.h"

namespace myspace::api::json_fields {
namespace json = boost::json;

namespace {

const json::value& member(const json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  if (value == nullptr) throw MalformedEntry{};
  return *value;
}

}  // namespace

std::string text(const json::object& object, std::string_view name) {
  const auto& value = member(object, name);
  if (!value.is_string()) throw MalformedEntry{};
  return std::string(value.get_string());
}

std::optional<std::string> optional_text(const json::object& object, std::string_view name) {
  const auto& value = member(object, name);
  if (value.is_null()) return std::nullopt;
  if (!value.is_string()) throw MalformedEntry{};
  return std::string(value.get_string());
}

std::int64_t integer(const json::object& object, std::string_view name) {
  const auto& value = member(object, name);
  if (!value.is_int64()) throw MalformedEntry{};
  return value.get_int64();
}

std::vector<std::string> texts(const json::object& object, std::string_view name) {
  const auto& value = member(object, name);
  if (!value.is_array()) throw MalformedEntry{};
  std::vector<std::string> out;
  out.reserve(value.get_array().size());
  for (const auto& item : value.get_array()) {
    if (!item.is_string()) throw MalformedEntry{};
    out.emplace_back(item.get_string());
  }
  return out;
}

json::value optional_text_value(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

}  // namespace myspace::api::json_fields
