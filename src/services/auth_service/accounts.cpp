#include "services/auth_service/accounts.h"

#include "common/random_id.h"
#include "db/pool.h"

namespace myspace::auth_service {
namespace asio = boost::asio;
namespace {

#define MYSPACE_USER_COLUMNS                                                                   \
  "msf_id, email, password_hash, username, display_name, account_type::text AS account_type, " \
  "profile_completion::int AS profile_completion, "                                            \
  "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created_at"

UserRecord from_row(const db::Row& row) {
  UserRecord user;
  user.public_id = row.get<std::string>("msf_id");
  user.email = row.get<std::string>("email");
  user.password_hash = row.get<std::string>("password_hash");
  user.username = row.get<std::string>("username");
  user.display_name = row.get<std::string>("display_name");
  user.account_type = row.get<std::string>("account_type");
  user.profile_completion = row.get<std::int32_t>("profile_completion");
  user.created_at = row.get<std::string>("created_at");
  return user;
}

}  // namespace

asio::awaitable<UserRecord> AccountStore::create(NewUser user) {
  const db::Result result = co_await pool_.query(
      "INSERT INTO users (msf_id, email, password_hash, username, display_name, account_type) "
      "VALUES ($1, $2, $3, $4, $5, $6::account_type) RETURNING " MYSPACE_USER_COLUMNS,
      random_public_id("usr_"), std::move(user.email), std::move(user.password_hash),
      std::move(user.username), std::move(user.display_name), std::move(user.account_type));
  co_return from_row(result.one());
}

asio::awaitable<std::optional<UserRecord>> AccountStore::find_by_email(std::string email) {
  const db::Result result = co_await pool_.query(
      "SELECT " MYSPACE_USER_COLUMNS " FROM users WHERE email = $1", std::move(email));
  const auto row = result.maybe_one();
  if (!row) co_return std::nullopt;
  co_return from_row(*row);
}

asio::awaitable<std::optional<UserRecord>> AccountStore::find_by_id(std::string id) {
  const db::Result result = co_await pool_.query(
      "SELECT " MYSPACE_USER_COLUMNS " FROM users WHERE msf_id = $1", std::move(id));
  const auto row = result.maybe_one();
  if (!row) co_return std::nullopt;
  co_return from_row(*row);
}

asio::awaitable<bool> AccountStore::set_password_hash(std::string id, std::string password_hash) {
  const db::Result result = co_await pool_.query(
      "UPDATE users SET password_hash = $2, password_changed_at = now() WHERE msf_id = $1",
      std::move(id), std::move(password_hash));
  co_return result.affected_rows() == 1;
}

asio::awaitable<bool> AccountStore::upgrade_password_hash(std::string id, std::string current,
                                                          std::string upgraded) {
  const db::Result result = co_await pool_.query(
      "UPDATE users SET password_hash = $3 WHERE msf_id = $1 AND password_hash = $2", std::move(id),
      std::move(current), std::move(upgraded));
  co_return result.affected_rows() == 1;
}

#undef MYSPACE_USER_COLUMNS

}  // namespace myspace::auth_service
