#pragma once
// The profiles feature (profiles.graphql): members' public profiles and the
// caller's own — Query.me / user / userByUsername, Mutation.updateProfile and
// the User type, whose private field (email) only its owner sees. Every read
// or change of someone's data asks market/access first.
//
// A User value is a typed parent: a market::User (a job's client, loaded in
// batches) or a market::Profile (a profile read in full, which carries the
// email). Profiles go through the seed's user cache:
//   user:{msf_id}  the profile (profile_json.h), 1 hour
// filled on a miss (SET NX, so a reader holding an older row never
// overwrites a newer entry) and overwritten after every profile change made
// here. Redis failures are logged and counted; PostgreSQL answers instead. A
// change made while Redis is unreachable can leave an older entry readable
// until its TTL ends (at most 1 hour).

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "api/request_context.h"
#include "graphql/type/schema.h"
#include "market/profiles/profile.h"

namespace myspace::api {

inline constexpr std::chrono::hours kUserCacheTtl{1};
std::string user_cache_key(std::string_view public_id);

// The profile from the cache or PostgreSQL; null when no such member exists.
boost::asio::awaitable<std::shared_ptr<const market::Profile>> load_profile(RequestContext& context,
                                                                            std::string public_id);

void bind_profiles(graphql::Schema& schema);

}  // namespace myspace::api
