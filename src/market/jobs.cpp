#include "market/jobs.h"

#include <algorithm>
#include <stdexcept>

#include "db/pool.h"

namespace myspace::market {
namespace asio = boost::asio;

// Every timestamp leaves the database in one shape, formatted by PostgreSQL so
// that no time-zone arithmetic happens here: RFC 3339 in UTC with milliseconds.
#define MYSPACE_RFC3339(column) \
  "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

std::size_t clamp_jobs_limit(std::size_t requested) noexcept {
  return std::clamp<std::size_t>(requested, 1, kMaxJobsLimit);
}

asio::awaitable<std::vector<Job>> list_open_jobs(db::Pool& pool, std::size_t limit) {
  const auto bounded = static_cast<std::int64_t>(clamp_jobs_limit(limit));
  // NUMERIC comes back in its text form ("2500.00"): exact, never a float.
  const auto result = co_await pool.query(
      "SELECT id, msf_id, client_id, title, description, category, "
      "budget_min::text AS budget_min, budget_max::text AS budget_max, status::text AS status, "
      "skills_required, " MYSPACE_RFC3339("created_at") " AS created_at "
      "FROM jobs WHERE status = 'OPEN' "
      "ORDER BY created_at DESC, id DESC LIMIT $1",
      bounded);
  std::vector<Job> jobs;
  jobs.reserve(result.size());
  for (const auto& row : result) {
    Job job;
    job.id = row.get<std::int64_t>("id");
    job.public_id = row.get<std::string>("msf_id");
    job.client_id = row.get<std::int64_t>("client_id");
    job.title = row.get<std::string>("title");
    job.description = row.get<std::string>("description");
    job.category = row.get<std::string>("category");
    job.budget_min = row.get<std::optional<std::string>>("budget_min");
    job.budget_max = row.get<std::optional<std::string>>("budget_max");
    job.status = row.get<std::string>("status");
    job.skills_required = row.get<std::vector<std::string>>("skills_required");
    job.created_at = row.get<std::string>("created_at");
    jobs.push_back(std::move(job));
  }
  co_return jobs;
}

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
      "SELECT id, msf_id, username, display_name, account_type::text AS account_type, "
      "avatar_url, profile_completion, " MYSPACE_RFC3339("created_at") " AS created_at, "
      "headline, bio, skills, hourly_rate::text AS hourly_rate, country "
      "FROM users WHERE id = ANY($1::bigint[])",
      id_texts);
  users.reserve(result.size());
  for (const auto& row : result) {
    users.push_back(user_from_row(row));
  }
  co_return users;
}

#undef MYSPACE_RFC3339

}  // namespace myspace::market
