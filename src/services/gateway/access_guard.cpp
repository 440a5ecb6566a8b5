#include "services/gateway/access_guard.h"

#include <memory>

#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "http/errors.h"
#include "services/rate_limit_headers.h"

namespace myspace::gateway {
namespace asio = boost::asio;
using graphql_http::MediaType;
using http::beast_http::field;

namespace {

metrics::Counter& rate_limited_counter() {
  static auto& counter = metrics::Registry::global().counter(
      "gateway_rate_limited_total", "GraphQL requests refused by a rate limit.");
  return counter;
}

void refuse(http::Response& response, const cache::RateDecision& decision) {
  rate_limited_counter().inc();
  service::refuse_rate_limited(response, decision);
}

// A request whose credentials could not be accepted, in the GraphQL error
// envelope: 401 where the media type carries status codes, else 200.
http::Response authentication_failed(const http::Context& http, MediaType media,
                                     const Error& error) {
  const bool unauthenticated = error.code() == ErrorCode::kUnauthenticated;
  log::info("gateway.authentication_failed", {{"request_id", http.request_id},
                                              {"code", error_code_name(error.code())},
                                              {"detail", error.detail()}});
  const auto status = !unauthenticated            ? http::status_for(error.code())
                      : media == MediaType::kJson ? http::Status::ok
                                                  : http::Status::unauthorized;
  auto response = graphql_http::error_response(media, status, error_code_name(error.code()),
                                               error.what(), http.request.version());
  if (unauthenticated) response.set(field::www_authenticate, R"(Bearer error="invalid_token")");
  return response;
}

}  // namespace

AccessGuard::AccessGuard(Authenticator& authenticator, cache::RateLimiter& limiter,
                         RateLimits limits, const api::Services& services,
                         graphql_http::Endpoint& endpoint)
    : authenticator_(authenticator),
      limiter_(limiter),
      limits_(limits),
      services_(services),
      endpoint_(endpoint) {
  rate_limited_counter();
}

asio::awaitable<http::Response> AccessGuard::handle(http::Context& http) {
  const auto media = graphql_http::negotiate(http.request[field::accept]);
  if (!media) co_return endpoint_.not_acceptable(http);

  std::optional<Viewer> viewer;
  std::optional<Error> refused;
  try {
    viewer = co_await authenticator_.authenticate(http.request[field::authorization]);
  } catch (const Error& e) {
    refused = e;
  }
  if (refused) co_return authentication_failed(http, *media, *refused);

  std::string address = http.peer.to_string();
  // Built outside the co_await: GCC miscompiles a conditional of temporaries there.
  std::string bucket = viewer ? "gateway:user:" + viewer->user_id : "gateway:anon:" + address;
  const std::int64_t limit = viewer ? limits_.authenticated : limits_.anonymous;
  const auto decision = co_await limiter_.hit(std::move(bucket), limit, limits_.window);
  if (!decision.allowed) {
    log::warn("gateway.rate_limited", {{"bucket", viewer ? "user" : "anonymous"},
                                       {"client", address},
                                       {"local", decision.local},
                                       {"request_id", http.request_id}});
    auto response = graphql_http::error_response(
        *media, http::Status::too_many_requests, error_code_name(ErrorCode::kRateLimited),
        "too many requests, please try again in " + std::to_string(decision.reset.count()) +
            " seconds",
        http.request.version());
    refuse(response, decision);
    co_return response;
  }

  auto context = std::make_shared<api::RequestContext>(services_, http.request_id,
                                                       std::move(address), std::move(viewer));
  auto response = co_await endpoint_.handle(http, *media, context);
  if (context->refused) {
    refuse(response, *context->refused);
  } else {
    service::set_rate_headers(response, decision);
  }
  co_return response;
}

}  // namespace myspace::gateway
