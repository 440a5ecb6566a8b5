#pragma once
// Accounts and profiles over GraphQL: Query.me / user / userByUsername,
// Mutation.register / login / updateProfile and User.email. Every read or
// change of someone's data asks policy.h first. Profiles go through the
// seed's user cache:
//   user:{msf_id}  the profile's GraphQL value as JSON, 1 hour
// filled on a miss (SET NX, so a reader holding an older row never overwrites
// a newer entry) and overwritten after every profile change made here. Redis
// failures are logged and counted; PostgreSQL answers instead. A change made
// while Redis is unreachable can leave an older entry readable until its TTL
// ends (at most 1 hour).
//
// register and login are counted against a per-address limit of their own
// (RateLimits::sensitive) before the auth service is called, and mark the
// request context so the response becomes 429 when refused.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "graphql/type/schema.h"

namespace myspace::gateway {

struct RequestContext;

inline constexpr std::chrono::hours kUserCacheTtl{1};
std::string user_cache_key(std::string_view public_id);

// The profile (public fields plus the private "_email" key), from the cache or
// PostgreSQL; nullopt when no such member exists.
boost::asio::awaitable<std::optional<graphql::Value>> load_profile(RequestContext& context,
                                                                   std::string public_id);

void bind_profiles(graphql::Schema& schema);

}  // namespace myspace::gateway
