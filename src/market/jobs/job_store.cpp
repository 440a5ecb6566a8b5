#include "market/jobs/job_store.h"

#include <algorithm>

#include "db/pool.h"
#include "market/sql.h"

namespace myspace::market {
namespace asio = boost::asio;

std::size_t clamp_jobs_limit(std::size_t requested) noexcept {
  return std::clamp<std::size_t>(requested, 1, kMaxJobsLimit);
}

asio::awaitable<std::vector<Job>> list_open_jobs(db::Pool& pool, std::size_t limit) {
  const auto bounded = static_cast<std::int64_t>(clamp_jobs_limit(limit));
  // NUMERIC comes back in its text form ("2500.00"): exact, never a float.
  const auto result = co_await pool.query(
      "SELECT id, msf_id, client_id, title, description, category, "
      "budget_min::text AS budget_min, budget_max::text AS budget_max, status::text AS status, "
      "skills_required, " MARKET_SQL_RFC3339("created_at") " AS created_at "
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

}  // namespace myspace::market
