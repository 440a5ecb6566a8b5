#include "services/gateway/access_guard.h"

#include <boost/json/serialize.hpp>

#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "http/errors.h"
#include "services/gateway/graphql_http.h"

namespace myspace::gateway {
namespace asio = boost::asio;
namespace json = boost::json;
using http::beast_http::field;

namespace {

metrics::Counter& rate_limited_counter() {
  static auto& counter = metrics::Registry::global().counter(
      "gateway_rate_limited_total", "GraphQL requests refused by a rate limit.");
  return counter;
}

void set_rate_headers(http::Response& response, const auth::RateDecision& decision) {
  response.set("RateLimit-Limit", std::to_string(decision.limit));
  response.set("RateLimit-Remaining", std::to_string(decision.remaining));
  response.set("RateLimit-Reset", std::to_string(decision.reset.count()));
}

void refuse(http::Response& response, const auth::RateDecision& decision) {
  rate_limited_counter().inc();
  response.result(http::Status::too_many_requests);
  response.set(field::retry_after,
               std::to_string(std::max<std::int64_t>(1, decision.reset.count())));
  set_rate_headers(response, decision);
}

http::Response graphql_error(MediaType media, http::Status status, ErrorCode code,
                             std::string_view message, unsigned version) {
  const json::object body{
      {"errors",
       json::array{json::object{{"message", message},
                                {"extensions", json::object{{"code", error_code_name(code)}}}}}}};
  http::Response response{status, version};
  response.set(field::content_type, content_type_of(media));
  response.set(field::vary, "Accept");
  response.body() = json::serialize(body);
  response.prepare_payload();
  return response;
}

}  // namespace

AccessGuard::AccessGuard(GuardDependencies deps, RateLimits limits) : deps_(deps), limits_(limits) {
  rate_limited_counter();
}

ContextFactory AccessGuard::context_factory() {
  return [](const http::Context& context) { return context.user_data; };
}

asio::awaitable<http::Response> AccessGuard::handle(http::Context& context,
                                                    GraphqlEndpoint& endpoint) {
  const auto media = negotiate(context.request[field::accept]);
  const unsigned version = context.request.version();
  const std::string address = context.peer.to_string();
  auto request_context =
      std::make_shared<RequestContext>(deps_.pool, deps_.redis, context.request_id);
  request_context->client_address = address;
  request_context->auth = &deps_.auth;
  request_context->limiter = &deps_.limiter;
  request_context->limits = limits_;
  context.user_data = request_context;
  // Unacceptable media types are the endpoint's to answer (406).
  if (!media) co_return co_await endpoint.handle(context);

  std::optional<Error> refused;
  try {
    request_context->viewer =
        co_await deps_.authenticator.authenticate(context.request[field::authorization]);
  } catch (const Error& e) {
    refused = e;
  }
  if (refused) {
    const bool unauthenticated = refused->code() == ErrorCode::kUnauthenticated;
    log::info("gateway.authentication_failed", {{"request_id", context.request_id},
                                                {"code", error_code_name(refused->code())},
                                                {"detail", refused->detail()}});
    const auto status = !unauthenticated             ? http::status_for(refused->code())
                        : *media == MediaType::kJson ? http::Status::ok
                                                     : http::Status::unauthorized;
    auto response = graphql_error(*media, status, refused->code(), refused->what(), version);
    if (unauthenticated) response.set(field::www_authenticate, R"(Bearer error="invalid_token")");
    co_return response;
  }

  const auto& viewer = request_context->viewer;
  // Built outside the co_await: GCC miscompiles a conditional of temporaries there.
  std::string bucket = viewer ? "gateway:user:" + viewer->user_id : "gateway:anon:" + address;
  const std::int64_t limit = viewer ? limits_.authenticated : limits_.anonymous;
  const auto decision = co_await deps_.limiter.hit(std::move(bucket), limit, limits_.window);
  if (!decision.allowed) {
    log::warn("gateway.rate_limited", {{"bucket", viewer ? "user" : "anonymous"},
                                       {"client", address},
                                       {"local", decision.local},
                                       {"request_id", context.request_id}});
    auto response = graphql_error(*media, http::Status::too_many_requests, ErrorCode::kRateLimited,
                                  "too many requests, please try again in " +
                                      std::to_string(decision.reset.count()) + " seconds",
                                  version);
    refuse(response, decision);
    co_return response;
  }

  auto response = co_await endpoint.handle(context);
  if (request_context->refused) {
    refuse(response, *request_context->refused);
  } else {
    set_rate_headers(response, decision);
  }
  co_return response;
}

}  // namespace myspace::gateway
