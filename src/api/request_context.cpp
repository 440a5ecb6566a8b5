#include "api/request_context.h"

#include <any>
#include <unordered_map>

#include "common/metrics.h"
#include "market/users/user_store.h"

namespace myspace::api {
namespace asio = boost::asio;

namespace {

struct LoaderMetrics {
  metrics::Counter& batches;
  metrics::Counter& keys;

  static LoaderMetrics& users() {
    auto& registry = metrics::Registry::global();
    static LoaderMetrics m{
        registry.counter("graphql_loader_batches_total",
                         "DataLoader batch calls (one database query each).", R"(loader="users")"),
        registry.counter("graphql_loader_keys_total", "Keys loaded through DataLoaders.",
                         R"(loader="users")"),
    };
    return m;
  }
};

asio::awaitable<std::vector<std::shared_ptr<const market::User>>> load_users(
    db::Pool& pool, std::vector<std::int64_t> ids) {
  auto& m = LoaderMetrics::users();
  m.batches.inc();
  m.keys.inc(ids.size());
  auto users = co_await market::users_by_ids(pool, ids);
  std::unordered_map<std::int64_t, std::shared_ptr<const market::User>> by_id;
  for (auto& user : users) {
    const auto id = user.id;
    by_id.emplace(id, std::make_shared<const market::User>(std::move(user)));
  }
  std::vector<std::shared_ptr<const market::User>> found;
  found.reserve(ids.size());
  for (const auto id : ids) {
    const auto it = by_id.find(id);
    found.push_back(it == by_id.end() ? nullptr : it->second);
  }
  co_return found;
}

}  // namespace

RequestContext::RequestContext(const Services& worker_services, std::string id, std::string address,
                               std::optional<market::Viewer> caller)
    : services(worker_services),
      request_id(std::move(id)),
      client_address(std::move(address)),
      viewer(std::move(caller)),
      users([&pool = worker_services.pool](
                std::vector<std::int64_t> ids) { return load_users(pool, std::move(ids)); },
            market::kMaxUsersBatch) {}

RequestContext& context_of(const graphql::ResolveInfo& info) {
  return *info.context_as<std::shared_ptr<RequestContext>>();
}

}  // namespace myspace::api
