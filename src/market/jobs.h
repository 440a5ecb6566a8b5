#pragma once
// The marketplace's jobs and the public profiles of the people who post them:
// typed records and the queries that read them. Internal ids (`id`,
// `client_id`) exist so that callers can batch and join; they must never reach
// a client — every API speaks `public_id` (the msf_id). Money is a decimal
// string exactly as PostgreSQL's NUMERIC prints it ("2500.00"), never a float;
// times are RFC 3339 UTC strings with milliseconds ("2026-11-24T07:00:00.000Z").

#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myspace::db {
class Pool;
class Row;
}  // namespace myspace::db

namespace myspace::market {

struct Job {
  std::int64_t id = 0;         // internal; never leaves the server
  std::string public_id;       // msf_id, e.g. "job_demo00000001"
  std::int64_t client_id = 0;  // internal id of the user who posted it
  std::string title;
  std::string description;
  std::string category;
  std::optional<std::string> budget_min;  // decimal string, e.g. "2500.00"
  std::optional<std::string> budget_max;
  std::string status;  // OPEN | IN_PROGRESS | COMPLETED | CANCELLED
  std::vector<std::string> skills_required;
  std::string created_at;  // RFC 3339, UTC

  friend bool operator==(const Job&, const Job&) = default;
};

struct User {
  std::int64_t id = 0;    // internal; never leaves the server
  std::string public_id;  // msf_id, e.g. "usr_demoClient0001"
  std::string username;
  std::string display_name;
  std::string account_type;  // FREELANCER | CLIENT | COMPANY | AGENCY
  std::optional<std::string> avatar_url;
  int profile_completion = 0;  // 0..100
  std::string created_at;      // RFC 3339, UTC
  std::optional<std::string> headline;
  std::optional<std::string> bio;
  std::vector<std::string> skills;
  std::optional<std::string> hourly_rate;  // decimal string, e.g. "45.00"
  std::optional<std::string> country;      // ISO 3166-1 alpha-2, upper case

  friend bool operator==(const User&, const User&) = default;
};

// Decodes a row carrying the User columns by name (id, msf_id, username,
// display_name, account_type, avatar_url, profile_completion, created_at,
// headline, bio, skills, hourly_rate, country), as every user query selects them.
User user_from_row(const db::Row& row);

// Bounds of one listing page: a request can never make us read more rows.
inline constexpr std::size_t kDefaultJobsLimit = 50;
inline constexpr std::size_t kMaxJobsLimit = 100;

// The open jobs, newest first (ties broken by id, newest first), at most
// `limit` of them (clamped to 1..kMaxJobsLimit). Served by the index on
// (status, created_at DESC, id DESC).
boost::asio::awaitable<std::vector<Job>> list_open_jobs(db::Pool& pool,
                                                        std::size_t limit = kDefaultJobsLimit);

// The users with these internal ids, in one query; the result has one entry
// per distinct id that exists, in no particular order. Duplicate ids are
// allowed. At most kMaxUsersBatch ids per call (std::invalid_argument above).
inline constexpr std::size_t kMaxUsersBatch = 1000;
boost::asio::awaitable<std::vector<User>> users_by_ids(db::Pool& pool,
                                                       const std::vector<std::int64_t>& ids);

// The limit list_open_jobs() really uses for a requested one.
std::size_t clamp_jobs_limit(std::size_t requested) noexcept;

}  // namespace myspace::market
