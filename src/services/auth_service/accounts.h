#pragma once
// The auth service's view of the users table: create an account, find one by
// email or public id, change its password hash. Runs on one worker's db::Pool.
// Database errors propagate as db::DbError (a UniqueViolation names the
// violated constraint: users_email_key or users_username_key).

#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace myspace::db {
class Pool;
}

namespace myspace::auth_service {

struct UserRecord {
  std::string public_id;  // msf_id: the only id that leaves the server
  std::string email;
  std::string password_hash;
  std::string username;
  std::string display_name;
  std::string account_type;
  int profile_completion = 0;
  std::string created_at;  // ISO 8601, UTC, milliseconds
};

struct NewUser {
  std::string email;  // normalized
  std::string password_hash;
  std::string username;
  std::string display_name;
  std::string account_type;
};

class AccountStore {
 public:
  explicit AccountStore(db::Pool& pool) : pool_(pool) {}

  boost::asio::awaitable<UserRecord> create(NewUser user);
  boost::asio::awaitable<std::optional<UserRecord>> find_by_email(std::string email);
  boost::asio::awaitable<std::optional<UserRecord>> find_by_id(std::string id);
  // False when the user no longer exists.
  boost::asio::awaitable<bool> set_password_hash(std::string id, std::string password_hash);
  // Replaces the hash of the same password (a rehash at a higher cost) only if
  // it is still `current`: a password changed meanwhile is never overwritten.
  // Leaves password_changed_at alone, since the password did not change.
  boost::asio::awaitable<bool> upgrade_password_hash(std::string id, std::string current,
                                                     std::string upgraded);

 private:
  db::Pool& pool_;
};

}  // namespace myspace::auth_service
