#include "services/gateway/marketplace_schema.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <unordered_map>

#include "cache/client.h"
#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "services/gateway/profiles.h"
#include "services/gateway/scalars.h"

namespace myspace::gateway {
namespace asio = boost::asio;
namespace json = boost::json;
namespace {

struct CacheMetrics {
  metrics::Counter& hits;
  metrics::Counter& misses;
  metrics::Counter& errors;
  metrics::Counter& user_batches;
  metrics::Counter& user_keys;
};

CacheMetrics& cache_metrics() {
  auto& registry = metrics::Registry::global();
  static CacheMetrics m{
      registry.counter("gateway_cache_requests_total", "jobs:list cache lookups by outcome.",
                       R"(key="jobs:list",outcome="hit")"),
      registry.counter("gateway_cache_requests_total", "jobs:list cache lookups by outcome.",
                       R"(key="jobs:list",outcome="miss")"),
      registry.counter("gateway_cache_requests_total", "jobs:list cache lookups by outcome.",
                       R"(key="jobs:list",outcome="error")"),
      registry.counter("gateway_loader_batches_total",
                       "DataLoader batch calls (one database query each).", R"(loader="users")"),
      registry.counter("gateway_loader_keys_total", "Keys loaded through DataLoaders.",
                       R"(loader="users")"),
  };
  return m;
}

json::value optional_string(const std::optional<std::string>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

asio::awaitable<std::vector<graphql::Value>> load_users(db::Pool& pool,
                                                        std::vector<std::int64_t> ids) {
  auto& m = cache_metrics();
  m.user_batches.inc();
  m.user_keys.inc(ids.size());
  const auto users = co_await market::users_by_ids(pool, ids);
  std::unordered_map<std::int64_t, const market::User*> by_id;
  for (const auto& user : users) by_id.emplace(user.id, &user);
  std::vector<graphql::Value> values;
  values.reserve(ids.size());
  for (const auto id : ids) {
    const auto it = by_id.find(id);
    values.push_back(it == by_id.end() ? graphql::Value(nullptr) : user_value(*it->second));
  }
  co_return values;
}

// The cached listing, or nullopt on a miss, a Redis failure or an unreadable
// entry (which the next write replaces).
asio::awaitable<std::optional<json::array>> read_cached(RequestContext& context) {
  auto& m = cache_metrics();
  if (context.redis == nullptr) co_return std::nullopt;
  try {
    const auto cached = co_await context.redis->get(std::string(kJobsListKey));
    if (!cached) {
      m.misses.inc();
      co_return std::nullopt;
    }
    boost::system::error_code ec;
    auto value = json::parse(*cached, ec);
    if (!ec && value.is_array()) {
      m.hits.inc();
      co_return std::move(value.get_array());
    }
    m.errors.inc();
    log::warn("gateway.cache_unreadable",
              {{"key", kJobsListKey}, {"request_id", context.request_id}});
  } catch (const Error& e) {
    m.errors.inc();
    log::warn("gateway.cache_unavailable", {{"key", kJobsListKey},
                                            {"request_id", context.request_id},
                                            {"code", error_code_name(e.code())},
                                            {"message", e.what()}});
  }
  co_return std::nullopt;
}

asio::awaitable<void> write_cached(RequestContext& context, const json::array& jobs) {
  if (context.redis == nullptr) co_return;
  try {
    co_await context.redis->set(
        std::string(kJobsListKey), json::serialize(jobs),
        std::chrono::duration_cast<std::chrono::milliseconds>(kJobsListTtl));
  } catch (const Error& e) {
    cache_metrics().errors.inc();
    log::warn("gateway.cache_unavailable", {{"key", kJobsListKey},
                                            {"request_id", context.request_id},
                                            {"code", error_code_name(e.code())},
                                            {"message", e.what()}});
  }
}

const RequestContextPtr& context_of(const graphql::ResolveInfo& info) {
  return info.context_as<RequestContextPtr>();
}

}  // namespace

RequestContext::RequestContext(db::Pool& db_pool, cache::Client* redis_client, std::string id)
    : pool(db_pool),
      redis(redis_client),
      request_id(std::move(id)),
      users(
          [&db_pool](std::vector<std::int64_t> ids) { return load_users(db_pool, std::move(ids)); },
          market::kMaxUsersBatch) {}

graphql::Value job_value(const market::Job& job) {
  json::array skills;
  skills.reserve(job.skills_required.size());
  for (const auto& skill : job.skills_required) skills.emplace_back(skill);
  return json::object{
      {"id", job.public_id},
      {"title", job.title},
      {"description", job.description},
      {"category", job.category},
      {"budgetMin", optional_string(job.budget_min)},
      {"budgetMax", optional_string(job.budget_max)},
      {"status", job.status},
      {"skillsRequired", std::move(skills)},
      {"createdAt", job.created_at},
      {"_clientId", job.client_id},
  };
}

graphql::Value user_value(const market::User& user) {
  json::array skills;
  skills.reserve(user.skills.size());
  for (const auto& skill : user.skills) skills.emplace_back(skill);
  return json::object{
      {"id", user.public_id},
      {"username", user.username},
      {"displayName", user.display_name},
      {"accountType", user.account_type},
      {"avatarUrl", optional_string(user.avatar_url)},
      {"profileCompletion", user.profile_completion},
      {"createdAt", user.created_at},
      {"headline", optional_string(user.headline)},
      {"bio", optional_string(user.bio)},
      {"skills", std::move(skills)},
      {"hourlyRate", optional_string(user.hourly_rate)},
      {"country", optional_string(user.country)},
  };
}

asio::awaitable<json::array> load_jobs_listing(RequestContext& context) {
  if (auto cached = co_await read_cached(context)) co_return std::move(*cached);
  const auto jobs = co_await market::list_open_jobs(context.pool, market::kDefaultJobsLimit);
  json::array values;
  values.reserve(jobs.size());
  for (const auto& job : jobs) values.push_back(job_value(job));
  co_await write_cached(context, values);
  co_return values;
}

void bind_marketplace(graphql::Schema& schema) {
  schema.scalar("Money", money_scalar());
  schema.scalar("DateTime", date_time_scalar());

  schema.resolve("Query", "jobs",
                 [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
                   const auto context = context_of(info);
                   co_return co_await load_jobs_listing(*context);
                 });

  schema.resolve(
      "Job", "client", [](graphql::ResolveInfo& info) -> asio::awaitable<graphql::Value> {
        const auto context = context_of(info);
        const auto* client_id = info.parent.as_object().if_contains("_clientId");
        if (client_id == nullptr || !client_id->is_int64()) {
          throw Error(ErrorCode::kInternal, "internal server error", "job value without _clientId");
        }
        auto user = co_await context->users.load(client_id->as_int64());
        // A job's client is a foreign key with ON DELETE RESTRICT; a miss means
        // the row vanished between the two reads.
        if (user.is_null()) throw Error(ErrorCode::kNotFound, "the job's client no longer exists");
        co_return user;
      });

  bind_profiles(schema);
}

}  // namespace myspace::gateway
