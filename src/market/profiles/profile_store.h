#pragma once
// Reading one profile (by public id or username) and applying a member's
// changes to their own profile, in PostgreSQL. Parameterized SQL only; the
// update is scoped to the member's own row in the statement itself.

#include <boost/asio/awaitable.hpp>
#include <optional>
#include <string>

#include "market/profiles/profile.h"

namespace myspace::db {
class Pool;
}

namespace myspace::market {

boost::asio::awaitable<std::optional<Profile>> profile_by_public_id(db::Pool& pool,
                                                                    std::string public_id);
// Usernames match case-insensitively (they are unique that way).
boost::asio::awaitable<std::optional<Profile>> profile_by_username(db::Pool& pool,
                                                                   std::string username);

// Applies validated changes in one UPDATE … RETURNING; the profile after the
// change (profile_completion recomputed by the database), or nullopt when no
// such member exists. Throws Error(kBadRequest) for invalid changes.
boost::asio::awaitable<std::optional<Profile>> update_profile(db::Pool& pool, std::string public_id,
                                                              ProfileChanges changes);

}  // namespace myspace::market
