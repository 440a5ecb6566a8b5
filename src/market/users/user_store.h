#pragma once
// Reading members by internal id, in batches (what a DataLoader asks for), and
// the one decoder of user rows that every store selecting users shares.

#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "market/users/user.h"

namespace myspace::db {
class Pool;
class Row;
}  // namespace myspace::db

namespace myspace::market {

// Decodes a row carrying MARKET_SQL_USER_COLUMNS (market/sql.h) by name.
User user_from_row(const db::Row& row);

// The users with these internal ids, in one query; the result has one entry
// per distinct id that exists, in no particular order. Duplicate ids are
// allowed. At most kMaxUsersBatch ids per call (std::invalid_argument above).
inline constexpr std::size_t kMaxUsersBatch = 1000;
boost::asio::awaitable<std::vector<User>> users_by_ids(db::Pool& pool,
                                                       const std::vector<std::int64_t>& ids);

}  // namespace myspace::market
