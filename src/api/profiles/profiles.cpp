#include "api/profiles/profiles.h"

#include "api/cache_family.h"
#include "api/profiles/profile_json.h"
#include "common/error.h"
#include "common/log.h"
#include "market/access/policy.h"
#include "market/profiles/profile_store.h"

namespace myspace::api {
namespace asio = boost::asio;
namespace json = boost::json;
using graphql::Resolved;
using graphql::ResolveInfo;

namespace {

CacheFamily& user_cache() {
  static CacheFamily family("user");
  return family;
}

Resolved profile_value(std::shared_ptr<const market::Profile> profile) {
  return Resolved::object(std::move(profile));
}

asio::awaitable<void> cache_profile(RequestContext& context, const market::Profile& profile,
                                    bool only_if_absent) {
  co_await user_cache().write(
      context, user_cache_key(profile.user.public_id), profile_to_json(profile),
      std::chrono::duration_cast<std::chrono::milliseconds>(kUserCacheTtl), only_if_absent);
}

// The User a value of GraphQL type User holds, whichever typed parent it is.
const market::User& user_of(const Resolved& parent) {
  if (const auto* profile = parent.get_if<market::Profile>()) return profile->user;
  return parent.as<market::User>();
}

std::string string_argument(const ResolveInfo& info, std::string_view name) {
  const auto* value = info.args.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw InvalidInput(std::string(name), std::string(name) + " must be a string");
  }
  return std::string(value->get_string());
}

// --- Query ------------------------------------------------------------------

// The seed's `me: User`: null for anonymous callers, not an error.
asio::awaitable<Resolved> resolve_me(ResolveInfo& info) {
  auto& context = context_of(info);
  if (!context.viewer) co_return nullptr;
  market::authorize(context.viewer, market::Action::kViewPrivateProfile, context.viewer->user_id);
  co_return profile_value(co_await load_profile(context, context.viewer->user_id));
}

asio::awaitable<Resolved> resolve_user(ResolveInfo& info) {
  auto& context = context_of(info);
  std::string id = string_argument(info, "id");
  market::authorize(context.viewer, market::Action::kViewPublicProfile, id);
  co_return profile_value(co_await load_profile(context, std::move(id)));
}

asio::awaitable<Resolved> resolve_user_by_username(ResolveInfo& info) {
  auto& context = context_of(info);
  auto profile = co_await market::profile_by_username(context.services.pool,
                                                      string_argument(info, "username"));
  if (!profile) co_return nullptr;
  market::authorize(context.viewer, market::Action::kViewPublicProfile, profile->user.public_id);
  co_return profile_value(std::make_shared<const market::Profile>(std::move(*profile)));
}

// --- User -------------------------------------------------------------------

// Private fields: only the owner sees them, whatever path led to the user.
Resolved resolve_email(ResolveInfo& info) {
  const auto* profile = info.parent.get_if<market::Profile>();
  if (profile == nullptr) return nullptr;
  if (!market::permits(context_of(info).viewer, market::Action::kViewPrivateProfile,
                       profile->user.public_id)) {
    return nullptr;
  }
  return Resolved::text(std::string_view(profile->email));
}

// A public field of User: the member of whichever typed parent holds the user.
template <typename Member>
void bind_user_field(graphql::Schema& schema, std::string_view field,
                     Member market::User::*member) {
  schema.resolve_sync("User", field, [member](ResolveInfo& info) {
    return graphql::view_of(user_of(info.parent).*member);
  });
}

// --- Mutation.updateProfile -------------------------------------------------

// A nullable text member of UpdateProfileInput: absent = unchanged, null = clear.
std::optional<std::optional<std::string>> optional_change(const json::object& input,
                                                          std::string_view name) {
  const auto* value = input.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) {
    throw InvalidInput(std::string(name), std::string(name) + " must be a string");
  }
  return std::optional<std::string>(std::string(value->get_string()));
}

std::optional<std::vector<std::string>> skills_change(const json::object& input) {
  const auto* skills = input.if_contains("skills");
  if (skills == nullptr) return std::nullopt;
  std::vector<std::string> list;  // null clears the list
  if (!skills->is_array()) return list;
  // Bounded before copying: the engine has already checked the item types.
  if (skills->get_array().size() > market::kMaxSkills) {
    throw InvalidInput("skills",
                       "skills must have at most " + std::to_string(market::kMaxSkills) + " items");
  }
  for (const auto& skill : skills->get_array()) {
    if (!skill.is_string()) throw InvalidInput("skills", "skills must be strings");
    list.emplace_back(skill.get_string());
  }
  return list;
}

market::ProfileChanges changes_of(const json::object& input) {
  market::ProfileChanges changes;
  if (const auto* name = input.if_contains("displayName")) {
    if (!name->is_string()) throw InvalidInput("displayName", "displayName must not be null");
    changes.display_name = std::string(name->get_string());
  }
  changes.headline = optional_change(input, "headline");
  changes.bio = optional_change(input, "bio");
  changes.skills = skills_change(input);
  changes.hourly_rate = optional_change(input, "hourlyRate");
  changes.country = optional_change(input, "country");
  changes.avatar_url = optional_change(input, "avatarUrl");
  return changes;
}

// The domain checks each field and names it; the request carried them in `input`.
market::ProfileChanges checked_changes(const ResolveInfo& info) {
  const auto* input = info.args.if_contains("input");
  if (input == nullptr || !input->is_object()) {
    throw InvalidInput("input", "input must be an object");
  }
  try {
    return market::validate(changes_of(input->as_object()));
  } catch (const InvalidInput& e) {
    throw e.under("input");
  }
}

asio::awaitable<Resolved> resolve_update_profile(ResolveInfo& info) {
  auto& context = context_of(info);
  // There is no argument naming a user: the target is always the caller.
  const std::string owner = context.viewer ? context.viewer->user_id : std::string();
  market::authorize(context.viewer, market::Action::kUpdateProfile, owner);
  auto updated =
      co_await market::update_profile(context.services.pool, owner, checked_changes(info));
  if (!updated) {
    throw Error(ErrorCode::kUnauthenticated, "the account no longer exists",
                "update of missing user " + owner);
  }
  auto profile = std::make_shared<const market::Profile>(std::move(*updated));
  // Invalidate by overwriting: the cache holds the new profile at once.
  co_await cache_profile(context, *profile, false);
  log::info("api.profile_updated", {{"user_id", owner}, {"request_id", context.request_id}});
  co_return profile_value(std::move(profile));
}

}  // namespace

std::string user_cache_key(std::string_view public_id) {
  return "user:" + std::string(public_id);
}

asio::awaitable<std::shared_ptr<const market::Profile>> load_profile(RequestContext& context,
                                                                     std::string public_id) {
  const std::string key = user_cache_key(public_id);
  auto cached = co_await user_cache().read(context, key, profile_from_json);
  if (cached && cached->user.public_id == public_id) {
    co_return std::make_shared<const market::Profile>(std::move(*cached));
  }
  auto profile = co_await market::profile_by_public_id(context.services.pool, std::move(public_id));
  if (!profile) co_return nullptr;
  co_await cache_profile(context, *profile, true);
  co_return std::make_shared<const market::Profile>(std::move(*profile));
}

void bind_profiles(graphql::Schema& schema) {
  schema.resolve("Query", "me", resolve_me);
  schema.resolve("Query", "user", resolve_user);
  schema.resolve("Query", "userByUsername", resolve_user_by_username);
  schema.resolve("Mutation", "updateProfile", resolve_update_profile);

  bind_user_field(schema, "id", &market::User::public_id);
  bind_user_field(schema, "username", &market::User::username);
  bind_user_field(schema, "displayName", &market::User::display_name);
  bind_user_field(schema, "accountType", &market::User::account_type);
  bind_user_field(schema, "avatarUrl", &market::User::avatar_url);
  bind_user_field(schema, "profileCompletion", &market::User::profile_completion);
  bind_user_field(schema, "createdAt", &market::User::created_at);
  bind_user_field(schema, "headline", &market::User::headline);
  bind_user_field(schema, "bio", &market::User::bio);
  bind_user_field(schema, "skills", &market::User::skills);
  bind_user_field(schema, "hourlyRate", &market::User::hourly_rate);
  bind_user_field(schema, "country", &market::User::country);
  schema.resolve_sync("User", "email", resolve_email);
}

}  // namespace myspace::api
