#include "api/jobs/jobs.h"

#include <memory>
#include <vector>

#include "api/cache_family.h"
#include "api/jobs/job_json.h"
#include "api/request_context.h"
#include "common/error.h"
#include "market/jobs/job_store.h"

namespace myspace::api {
namespace asio = boost::asio;
using graphql::Resolved;
using graphql::ResolveInfo;

namespace {

using JobList = std::shared_ptr<const std::vector<market::Job>>;

CacheFamily& jobs_list_cache() {
  static CacheFamily family(kJobsListKey);
  return family;
}

// The open-jobs listing: from Redis when cached, otherwise from PostgreSQL
// (then cached).
asio::awaitable<JobList> load_open_jobs(RequestContext& context) {
  const std::string key(kJobsListKey);
  if (auto cached = co_await jobs_list_cache().read(context, key, jobs_from_json)) {
    co_return std::make_shared<const std::vector<market::Job>>(std::move(*cached));
  }
  auto jobs = std::make_shared<const std::vector<market::Job>>(
      co_await market::list_open_jobs(context.services.pool, market::kDefaultJobsLimit));
  co_await jobs_list_cache().write(
      context, key, jobs_to_json(*jobs),
      std::chrono::duration_cast<std::chrono::milliseconds>(kJobsListTtl));
  co_return jobs;
}

asio::awaitable<Resolved> resolve_jobs(ResolveInfo& info) {
  co_return Resolved::objects(co_await load_open_jobs(context_of(info)));
}

asio::awaitable<Resolved> resolve_client(ResolveInfo& info) {
  const auto& job = info.parent.as<market::Job>();
  auto client = co_await context_of(info).users.load(job.client_id);
  // A job's client is a foreign key with ON DELETE RESTRICT; a miss means
  // the row vanished between the two reads.
  if (!client) throw Error(ErrorCode::kNotFound, "the job's client no longer exists");
  co_return Resolved::object(std::move(client));
}

}  // namespace

void bind_jobs(graphql::Schema& schema) {
  schema.resolve("Query", "jobs", resolve_jobs);
  schema.resolve_member("Job", "id", &market::Job::public_id);
  schema.resolve_member("Job", "title", &market::Job::title);
  schema.resolve_member("Job", "description", &market::Job::description);
  schema.resolve_member("Job", "category", &market::Job::category);
  schema.resolve_member("Job", "budgetMin", &market::Job::budget_min);
  schema.resolve_member("Job", "budgetMax", &market::Job::budget_max);
  schema.resolve_member("Job", "status", &market::Job::status);
  schema.resolve_member("Job", "skillsRequired", &market::Job::skills_required);
  schema.resolve_member("Job", "createdAt", &market::Job::created_at);
  schema.resolve("Job", "client", resolve_client);
}

}  // namespace myspace::api
