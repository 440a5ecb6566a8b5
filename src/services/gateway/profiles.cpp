#include "services/gateway/profiles.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "cache/client.h"
#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "market/users.h"
#include "services/gateway/auth_client.h"
#include "services/gateway/marketplace_schema.h"
#include "services/gateway/policy.h"

namespace myspace::gateway {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

constexpr std::string_view kEmailKey = "_email";

struct Metrics {
  metrics::Counter& hits;
  metrics::Counter& misses;
  metrics::Counter& errors;

  static Metrics& get() {
    auto& r = metrics::Registry::global();
    static Metrics m{
        r.counter("gateway_cache_requests_total", "jobs:list cache lookups by outcome.",
                  R"(key="user",outcome="hit")"),
        r.counter("gateway_cache_requests_total", "jobs:list cache lookups by outcome.",
                  R"(key="user",outcome="miss")"),
        r.counter("gateway_cache_requests_total", "jobs:list cache lookups by outcome.",
                  R"(key="user",outcome="error")"),
    };
    return m;
  }
};

const RequestContextPtr& context_of(const graphql::ResolveInfo& info) {
  return info.context_as<RequestContextPtr>();
}

graphql::Value profile_value(const market::Profile& profile) {
  auto value = user_value(profile.user);
  value.as_object()[kEmailKey] = profile.email;
  return value;
}

void cache_failed(const RequestContext& context, std::string_view key, const Error& e) {
  Metrics::get().errors.inc();
  log::warn("gateway.cache_unavailable", {{"key", key},
                                          {"request_id", context.request_id},
                                          {"code", error_code_name(e.code())},
                                          {"message", e.what()}});
}

// Writes the profile under user:{id}; `only_if_absent` for fills after a miss.
asio::awaitable<void> cache_profile(RequestContext& context, const graphql::Value& value,
                                    bool only_if_absent) {
  if (context.redis == nullptr) co_return;
  const std::string key = user_cache_key(value.at("id").as_string());
  const auto ttl = std::chrono::duration_cast<std::chrono::milliseconds>(kUserCacheTtl);
  try {
    if (only_if_absent) {
      co_await context.redis->set_nx(key, json::serialize(value), ttl);
    } else {
      co_await context.redis->set(key, json::serialize(value), ttl);
    }
  } catch (const Error& e) {
    cache_failed(context, key, e);
  }
}

std::string string_arg(const json::object& args, std::string_view name) {
  const auto* value = args.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw Error(ErrorCode::kBadRequest, std::string(name) + " must be a string");
  }
  return std::string(value->get_string());
}

// Refuses the request (429) once this address used up `bucket`'s limit.
asio::awaitable<void> count_sensitive(RequestContext& context, std::string_view bucket) {
  if (context.limiter == nullptr) co_return;
  const auto decision =
      co_await context.limiter->hit("gateway:" + std::string(bucket) + ":" + context.client_address,
                                    context.limits.sensitive, context.limits.window);
  if (decision.allowed) co_return;
  context.refused = decision;
  log::warn("gateway.rate_limited", {{"bucket", bucket},
                                     {"client", context.client_address},
                                     {"local", decision.local},
                                     {"request_id", context.request_id}});
  throw Error(ErrorCode::kRateLimited, "too many attempts, please try again in " +
                                           std::to_string(decision.reset.count()) + " seconds");
}

AuthClient& auth_client(const RequestContext& context) {
  if (context.auth == nullptr) {
    throw Error(ErrorCode::kUnavailable, "the sign-in service is not configured",
                "no auth client in the request context");
  }
  return *context.auth;
}

// The AuthPayload of a successful register or login; the request is signed
// in as that user from here on.
asio::awaitable<graphql::Value> auth_payload(RequestContext& context, const AuthResult& result) {
  context.viewer = Viewer{result.user_id, result.account_type};
  auto user = co_await load_profile(context, result.user_id);
  if (!user) {
    throw Error(ErrorCode::kInternal, "internal server error",
                "user " + result.user_id + " signed in but not found");
  }
  co_return json::object{
      {"token", result.access_token}, {"expiresIn", result.expires_in}, {"user", std::move(*user)}};
}

// Calls the auth service; its 429 also becomes this response's 429.
template <typename Call>
asio::awaitable<AuthResult> call_auth(RequestContext& context, Call call) {
  try {
    co_return co_await call();
  } catch (const UpstreamRateLimited& e) {
    context.refused = auth::RateDecision{.allowed = false,
                                         .limit = context.limits.sensitive,
                                         .remaining = 0,
                                         .reset = e.retry_after(),
                                         .local = false};
    throw;
  }
}

// A nullable text member of UpdateProfileInput: absent = unchanged, null = clear.
std::optional<std::optional<std::string>> optional_change(const json::object& input,
                                                          std::string_view name) {
  const auto* value = input.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_null()) return std::optional<std::string>();
  if (!value->is_string())
    throw Error(ErrorCode::kBadRequest, std::string(name) + " must be a string");
  return std::optional<std::string>(std::string(value->get_string()));
}

market::ProfileChanges changes_of(const json::object& input) {
  market::ProfileChanges changes;
  if (const auto* name = input.if_contains("displayName")) {
    if (!name->is_string()) throw Error(ErrorCode::kBadRequest, "displayName must not be null");
    changes.display_name = std::string(name->get_string());
  }
  changes.headline = optional_change(input, "headline");
  changes.bio = optional_change(input, "bio");
  if (const auto* skills = input.if_contains("skills")) {
    std::vector<std::string> list;
    if (skills->is_array()) {
      // Bounded before copying: the engine has already checked the item types.
      if (skills->get_array().size() > market::kMaxSkills) {
        throw Error(ErrorCode::kBadRequest,
                    "skills must have at most " + std::to_string(market::kMaxSkills) + " items");
      }
      for (const auto& skill : skills->get_array()) {
        if (!skill.is_string()) throw Error(ErrorCode::kBadRequest, "skills must be strings");
        list.emplace_back(skill.get_string());
      }
    }
    changes.skills = std::move(list);  // null clears the list
  }
  changes.hourly_rate = optional_change(input, "hourlyRate");
  changes.country = optional_change(input, "country");
  changes.avatar_url = optional_change(input, "avatarUrl");
  return changes;
}

}  // namespace

std::string user_cache_key(std::string_view public_id) {
  return "user:" + std::string(public_id);
}

asio::awaitable<std::optional<graphql::Value>> load_profile(RequestContext& context,
                                                            std::string public_id) {
  auto& m = Metrics::get();
  const std::string key = user_cache_key(public_id);
  if (context.redis != nullptr) {
    try {
      if (const auto cached = co_await context.redis->get(key)) {
        boost::system::error_code ec;
        auto value = json::parse(*cached, ec);
        if (!ec && value.is_object() && value.as_object().contains("id")) {
          m.hits.inc();
          co_return std::move(value);
        }
        m.errors.inc();
        log::warn("gateway.cache_unreadable", {{"key", key}, {"request_id", context.request_id}});
      } else {
        m.misses.inc();
      }
    } catch (const Error& e) {
      cache_failed(context, key, e);
    }
  }
  const auto profile = co_await market::profile_by_public_id(context.pool, std::move(public_id));
  if (!profile) co_return std::nullopt;
  auto value = profile_value(*profile);
  co_await cache_profile(context, value, true);
  co_return value;
}

void bind_profiles(graphql::Schema& schema) {
  schema.resolve("Query", "me", [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
    const auto context = context_of(info);
    // The seed's `me: User`: null for anonymous callers, not an error.
    if (!context->viewer) co_return nullptr;
    authorize(context->viewer, Action::kViewPrivateProfile, context->viewer->user_id);
    auto profile = co_await load_profile(*context, context->viewer->user_id);
    co_return profile ? std::move(*profile) : graphql::Value(nullptr);
  });

  schema.resolve("Query", "user",
                 [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
                   const auto context = context_of(info);
                   const std::string id = string_arg(info.args, "id");
                   authorize(context->viewer, Action::kViewPublicProfile, id);
                   auto profile = co_await load_profile(*context, id);
                   co_return profile ? std::move(*profile) : graphql::Value(nullptr);
                 });

  schema.resolve(
      "Query", "userByUsername", [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
        const auto context = context_of(info);
        const auto profile =
            co_await market::profile_by_username(context->pool, string_arg(info.args, "username"));
        if (!profile) co_return nullptr;
        authorize(context->viewer, Action::kViewPublicProfile, profile->user.public_id);
        co_return profile_value(*profile);
      });

  // Private fields: only the owner sees them, whatever path led to the user.
  schema.resolve_sync("User", "email", [](graphql::ResolveInfo& info) -> graphql::Value {
    const auto& parent = info.parent.as_object();
    const auto* email = parent.if_contains(kEmailKey);
    const auto* id = parent.if_contains("id");
    if (email == nullptr || id == nullptr || !id->is_string()) return nullptr;
    if (!permits(context_of(info)->viewer, Action::kViewPrivateProfile, id->as_string())) {
      return nullptr;
    }
    return *email;
  });

  schema.resolve("Mutation", "updateProfile",
                 [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
                   const auto context = context_of(info);
                   // There is no argument naming a user: the target is always the caller.
                   const std::string owner =
                       context->viewer ? context->viewer->user_id : std::string();
                   authorize(context->viewer, Action::kUpdateProfile, owner);
                   const auto* input = info.args.if_contains("input");
                   if (input == nullptr || !input->is_object()) {
                     throw Error(ErrorCode::kBadRequest, "input must be an object");
                   }
                   const auto updated = co_await market::update_profile(
                       context->pool, owner, changes_of(input->as_object()));
                   if (!updated) {
                     throw Error(ErrorCode::kUnauthenticated, "the account no longer exists",
                                 "update of missing user " + owner);
                   }
                   auto value = profile_value(*updated);
                   // Invalidate by overwriting: the cache holds the new profile at once.
                   co_await cache_profile(*context, value, false);
                   log::info("gateway.profile_updated",
                             {{"user_id", owner}, {"request_id", context->request_id}});
                   co_return value;
                 });

  schema.resolve(
      "Mutation", "register", [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
        const auto context = context_of(info);
        const auto* input = info.args.if_contains("input");
        if (input == nullptr || !input->is_object()) {
          throw Error(ErrorCode::kBadRequest, "input must be an object");
        }
        const auto& fields = input->as_object();
        RegisterRequest request{string_arg(fields, "email"), string_arg(fields, "password"),
                                string_arg(fields, "accountType"), string_arg(fields, "username"),
                                string_arg(fields, "displayName")};
        co_await count_sensitive(*context, "register");
        const auto result = co_await call_auth(*context, [&] {
          return auth_client(*context).register_user(std::move(request), context->client_address,
                                                     context->request_id);
        });
        co_return co_await auth_payload(*context, result);
      });

  schema.resolve(
      "Mutation", "login", [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
        const auto context = context_of(info);
        std::string email = string_arg(info.args, "email");
        std::string password = string_arg(info.args, "password");
        co_await count_sensitive(*context, "login");
        const auto result = co_await call_auth(*context, [&] {
          return auth_client(*context).login(std::move(email), std::move(password),
                                             context->client_address, context->request_id);
        });
        co_return co_await auth_payload(*context, result);
      });
}

}  // namespace myspace::gateway
