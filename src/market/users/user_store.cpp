#include "market/users/user_store.h"

#include <stdexcept>
#include <string>

#include "db/pool.h"
#include "market/sql.h"

namespace myspace::market {
namespace asio = boost::asio;

User user_from_row(const db::Row& row) {
  User user;
  user.id = row.get<std::int64_t>("id");
  user.public_id = row.get<std::string>("msf_id");
  user.username = row.get<std::string>("username");
  user.display_name = row.get<std::string>("display_name");
  user.account_type = row.get<std::string>("account_type");
  user.avatar_url = row.get<std::optional<std::string>>("avatar_url");
  user.profile_completion = row.get<std::int16_t>("profile_completion");
  user.created_at = row.get<std::string>("created_at");
  user.headline = row.get<std::optional<std::string>>("headline");
  user.bio = row.get<std::optional<std::string>>("bio");
  user.skills = row.get<std::vector<std::string>>("skills");
  user.hourly_rate = row.get<std::optional<std::string>>("hourly_rate");
  user.country = row.get<std::optional<std::string>>("country");
  return user;
}

asio::awaitable<std::vector<User>> users_by_ids(db::Pool& pool,
                                                const std::vector<std::int64_t>& ids) {
  if (ids.size() > kMaxUsersBatch) {
    throw std::invalid_argument("users_by_ids: " + std::to_string(ids.size()) + " ids, at most " +
                                std::to_string(kMaxUsersBatch) + " per call");
  }
  std::vector<User> users;
  if (ids.empty()) co_return users;
  // One parameter for the whole batch: the ids travel as a text[] array and
  // PostgreSQL casts them, so the statement text never changes with the count.
  std::vector<std::string> id_texts;
  id_texts.reserve(ids.size());
  for (const auto id : ids) id_texts.push_back(std::to_string(id));
  const auto result = co_await pool.query(
      "SELECT " MARKET_SQL_USER_COLUMNS " FROM users WHERE id = ANY($1::bigint[])", id_texts);
  users.reserve(result.size());
  for (const auto& row : result) users.push_back(user_from_row(row));
  co_return users;
}

}  // namespace myspace::market
