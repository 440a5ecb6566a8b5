#include "api/cache_family.h"

#include "cache/client.h"
#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"

namespace myspace::api {
namespace asio = boost::asio;

namespace {

metrics::Counter& requests(std::string_view family, std::string_view outcome) {
  return metrics::Registry::global().counter(
      "cache_requests_total", "API cache lookups by family and outcome.",
      metrics::label("family", family) + "," + metrics::label("outcome", outcome));
}

}  // namespace

CacheFamily::CacheFamily(std::string_view family)
    : family_(family),
      hits_(requests(family, "hit")),
      misses_(requests(family, "miss")),
      errors_(requests(family, "error")) {}

asio::awaitable<std::optional<std::string>> CacheFamily::fetch(RequestContext& context,
                                                               const std::string& key) {
  cache::Client* redis = context.services.redis;
  if (redis == nullptr) co_return std::nullopt;
  try {
    auto text = co_await redis->get(key);
    if (!text) misses_.inc();
    co_return text;
  } catch (const Error& e) {
    failed(context, key, e);
  }
  co_return std::nullopt;
}

asio::awaitable<void> CacheFamily::write(RequestContext& context, const std::string& key,
                                         std::string text, std::chrono::milliseconds ttl,
                                         bool only_if_absent) {
  cache::Client* redis = context.services.redis;
  if (redis == nullptr) co_return;
  try {
    if (only_if_absent) {
      co_await redis->set_nx(key, std::move(text), ttl);
    } else {
      co_await redis->set(key, std::move(text), ttl);
    }
  } catch (const Error& e) {
    failed(context, key, e);
  }
}

void CacheFamily::hit() {
  hits_.inc();
}

void CacheFamily::unreadable(const RequestContext& context, const std::string& key) {
  errors_.inc();
  log::warn("api.cache_unreadable",
            {{"family", family_}, {"key", key}, {"request_id", context.request_id}});
}

void CacheFamily::failed(const RequestContext& context, const std::string& key,
                         const Error& error) {
  errors_.inc();
  log::warn("api.cache_unavailable", {{"family", family_},
                                      {"key", key},
                                      {"request_id", context.request_id},
                                      {"code", error_code_name(error.code())},
                                      {"message", error.what()}});
}

}  // namespace myspace::api
