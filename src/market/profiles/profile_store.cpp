#include "market/profiles/profile_store.h"

#include "db/pool.h"
#include "market/sql.h"
#include "market/users/user_store.h"

namespace myspace::market {
namespace asio = boost::asio;

namespace {

// A profile is a user plus the fields only its owner sees.
#define MYSPACE_PROFILE_COLUMNS MARKET_SQL_USER_COLUMNS ", email"

Profile profile_of(const db::Row& row) {
  Profile profile;
  profile.user = user_from_row(row);
  profile.email = row.get<std::string>("email");
  return profile;
}

std::optional<Profile> first_profile(const db::Result& result) {
  const auto row = result.maybe_one();
  if (!row) return std::nullopt;
  return profile_of(*row);
}

}  // namespace

asio::awaitable<std::optional<Profile>> profile_by_public_id(db::Pool& pool,
                                                             std::string public_id) {
  const auto result = co_await pool.query(
      "SELECT " MYSPACE_PROFILE_COLUMNS " FROM users WHERE msf_id = $1", public_id);
  co_return first_profile(result);
}

asio::awaitable<std::optional<Profile>> profile_by_username(db::Pool& pool, std::string username) {
  // lower(username) is the unique index.
  const auto result = co_await pool.query(
      "SELECT " MYSPACE_PROFILE_COLUMNS " FROM users WHERE lower(username) = lower($1)", username);
  co_return first_profile(result);
}

asio::awaitable<std::optional<Profile>> update_profile(db::Pool& pool, std::string public_id,
                                                       ProfileChanges changes) {
  changes = validate(std::move(changes));
  // One statement whatever is changed: each field has a "set it" flag.
  const auto flag = [](const auto& change) { return change.has_value(); };
  const auto value = [](const std::optional<std::optional<std::string>>& change) {
    return change ? *change : std::optional<std::string>();
  };
  const auto result = co_await pool.query(
      "UPDATE users SET "
      "display_name = CASE WHEN $2 THEN $3 ELSE display_name END, "
      "headline = CASE WHEN $4 THEN $5 ELSE headline END, "
      "bio = CASE WHEN $6 THEN $7 ELSE bio END, "
      "skills = CASE WHEN $8 THEN $9::text[] ELSE skills END, "
      "hourly_rate = CASE WHEN $10 THEN $11::numeric ELSE hourly_rate END, "
      "country = CASE WHEN $12 THEN $13 ELSE country END, "
      "avatar_url = CASE WHEN $14 THEN $15 ELSE avatar_url END "
      "WHERE msf_id = $1 RETURNING " MYSPACE_PROFILE_COLUMNS,
      public_id, flag(changes.display_name), changes.display_name.value_or(std::string()),
      flag(changes.headline), value(changes.headline), flag(changes.bio), value(changes.bio),
      flag(changes.skills), changes.skills.value_or(std::vector<std::string>()),
      flag(changes.hourly_rate), value(changes.hourly_rate), flag(changes.country),
      value(changes.country), flag(changes.avatar_url), value(changes.avatar_url));
  co_return first_profile(result);
}

#undef MYSPACE_PROFILE_COLUMNS

}  // namespace myspace::market
