#include "api/profiles/profile_json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/json_fields.h"

namespace myspace::api {
namespace json = boost::json;

namespace {

using json_fields::integer;
using json_fields::MalformedEntry;
using json_fields::optional_text;
using json_fields::optional_text_value;
using json_fields::text;
using json_fields::texts;

market::Profile decode(const json::object& object) {
  market::Profile profile;
  market::User& user = profile.user;
  user.id = integer(object, "id");
  user.public_id = text(object, "publicId");
  user.username = text(object, "username");
  user.display_name = text(object, "displayName");
  user.account_type = text(object, "accountType");
  user.avatar_url = optional_text(object, "avatarUrl");
  user.profile_completion = static_cast<int>(integer(object, "profileCompletion"));
  user.created_at = text(object, "createdAt");
  user.headline = optional_text(object, "headline");
  user.bio = optional_text(object, "bio");
  user.skills = texts(object, "skills");
  user.hourly_rate = optional_text(object, "hourlyRate");
  user.country = optional_text(object, "country");
  profile.email = text(object, "email");
  return profile;
}

}  // namespace

std::string profile_to_json(const market::Profile& profile) {
  const market::User& user = profile.user;
  json::array skills(user.skills.begin(), user.skills.end());
  return json::serialize(json::object{
      {"id", user.id},
      {"publicId", user.public_id},
      {"username", user.username},
      {"displayName", user.display_name},
      {"accountType", user.account_type},
      {"avatarUrl", optional_text_value(user.avatar_url)},
      {"profileCompletion", user.profile_completion},
      {"createdAt", user.created_at},
      {"headline", optional_text_value(user.headline)},
      {"bio", optional_text_value(user.bio)},
      {"skills", std::move(skills)},
      {"hourlyRate", optional_text_value(user.hourly_rate)},
      {"country", optional_text_value(user.country)},
      {"email", profile.email},
  });
}

std::optional<market::Profile> profile_from_json(std::string_view text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  try {
    return decode(value.get_object());
  } catch (const MalformedEntry&) {
    return std::nullopt;
  }
}

}  // namespace myspace::api
