#include "services/gateway/auth_client.h"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <optional>

#include "auth/internal_credential.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/sleep.h"
#include "http/client.h"

namespace myspace::gateway {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

constexpr std::string_view kUnavailableMessage =
    "the sign-in service is unavailable, please try again shortly";

struct Metrics {
  metrics::Counter& calls_ok;
  metrics::Counter& calls_failed;
  metrics::Counter& retries;
  metrics::Counter& rejected_open;

  static Metrics& get() {
    auto& r = metrics::Registry::global();
    static Metrics m{
        r.counter("gateway_auth_calls_total", "Calls to the auth service by outcome.",
                  R"(outcome="answered")"),
        r.counter("gateway_auth_calls_total", "Calls to the auth service by outcome.",
                  R"(outcome="failed")"),
        r.counter("gateway_auth_retries_total", "Retried calls to the auth service."),
        r.counter("gateway_auth_calls_total", "Calls to the auth service by outcome.",
                  R"(outcome="breaker_open")"),
    };
    return m;
  }
};

// The auth service's {"error":{"message"}} text, or `fallback`.
std::string upstream_message(const json::value& body, std::string_view fallback) {
  if (const auto* object = body.if_object()) {
    if (const auto* error = object->if_contains("error"); error && error->is_object()) {
      if (const auto* message = error->as_object().if_contains("message");
          message && message->is_string()) {
        return std::string(message->get_string());
      }
    }
  }
  return std::string(fallback);
}

std::string string_at(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) {
    throw Error(ErrorCode::kInternal, "internal server error",
                "auth service answer without " + std::string(key));
  }
  return std::string(value->get_string());
}

api::AuthResult parse_payload(const json::value& body) {
  const auto* object = body.if_object();
  if (object == nullptr) {
    throw Error(ErrorCode::kInternal, "internal server error", "auth service answer not an object");
  }
  const auto* user = object->if_contains("user");
  const auto* expires = object->if_contains("expiresIn");
  if (user == nullptr || !user->is_object() || expires == nullptr || !expires->is_int64()) {
    throw Error(ErrorCode::kInternal, "internal server error",
                "auth service answer without user or expiresIn");
  }
  return api::AuthResult{string_at(*object, "accessToken"), expires->as_int64(),
                         string_at(user->as_object(), "id"),
                         string_at(user->as_object(), "accountType")};
}

std::chrono::seconds retry_after_of(const http::Response& response) {
  const auto header = response[http::beast_http::field::retry_after];
  std::int64_t seconds = 60;
  if (!header.empty()) {
    try {
      seconds = std::stoll(std::string(header));
    } catch (const std::exception&) {
      seconds = 60;
    }
  }
  return std::chrono::seconds(std::clamp<std::int64_t>(seconds, 1, 3600));
}

}  // namespace

bool may_retry(const Error& error, RetryPolicy policy) noexcept {
  const auto* upstream = dynamic_cast<const http::UpstreamError*>(&error);
  // A timeout may have struck after the request was sent; only unreachable counts.
  if (!upstream || upstream->code() != ErrorCode::kUnavailable) return false;
  switch (policy) {
    case RetryPolicy::kWhenNotConnected:
      return !upstream->request_sent();
    case RetryPolicy::kWhenRefused:
      return upstream->stage() == http::FailedStage::kConnect && upstream->refused();
  }
  return false;
}

BackoffPolicy retry_backoff(const AuthClientOptions& options) noexcept {
  return BackoffPolicy{.initial = options.backoff_base,
                       .max = options.backoff_max,
                       .multiplier = 2.0,
                       .jitter = 1.0};
}

AuthClient::AuthClient(http::Client& http, AuthClientOptions options)
    : http_(http), options_(std::move(options)), breaker_(options_.breaker) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/') {
    options_.base_url.pop_back();
  }
  Metrics::get();
}

asio::awaitable<api::AuthResult> AuthClient::register_user(api::RegisterRequest request,
                                                           std::string client_address,
                                                           std::string request_id) {
  const json::object body{{"email", request.email},
                          {"password", request.password},
                          {"accountType", request.account_type},
                          {"username", request.username},
                          {"displayName", request.display_name}};
  co_return co_await call("/register", json::serialize(body), std::move(client_address),
                          std::move(request_id), RetryPolicy::kWhenRefused);
}

asio::awaitable<api::AuthResult> AuthClient::login(std::string email, std::string password,
                                                   std::string client_address,
                                                   std::string request_id) {
  const json::object body{{"email", email}, {"password", password}};
  co_return co_await call("/login", json::serialize(body), std::move(client_address),
                          std::move(request_id), RetryPolicy::kWhenNotConnected);
}

asio::awaitable<api::AuthResult> AuthClient::call(std::string path, std::string body,
                                                  std::string client_address,
                                                  std::string request_id, RetryPolicy policy) {
  auto& m = Metrics::get();
  const std::string url = options_.base_url + path;
  // The auth service rate-limits by client address and believes
  // X-Forwarded-For from the gateway alone: from a TRUSTED_PROXIES address
  // with the internal credential.
  http::Headers headers = {{"Content-Type", "application/json"},
                           {"Accept", "application/json"},
                           {"X-Forwarded-For", client_address},
                           {"X-Request-Id", request_id}};
  if (!options_.internal_credential.empty()) {
    headers.emplace_back(std::string(auth::kInternalCredentialHeader),
                         options_.internal_credential);
  }
  std::optional<Backoff> backoff;  // made on the first retry only
  for (int attempt = 1;; ++attempt) {
    if (!breaker_.allow()) {
      m.rejected_open.inc();
      throw Error(ErrorCode::kUnavailable, std::string(kUnavailableMessage),
                  "circuit breaker " + std::string(state_name(breaker_.state())));
    }
    http::Response response;
    bool retry = false;
    try {
      response = co_await http_.request(http::Verb::post, url, body, headers, options_.timeout);
    } catch (const Error& e) {
      breaker_.record_failure();
      m.calls_failed.inc();
      retry = attempt < options_.max_attempts && may_retry(e, policy);
      log::warn("gateway.auth_call_failed", {{"path", path},
                                             {"attempt", attempt},
                                             {"retry", retry},
                                             {"breaker", state_name(breaker_.state())},
                                             {"code", error_code_name(e.code())},
                                             {"detail", e.detail()},
                                             {"request_id", request_id}});
      if (!retry)
        throw Error(ErrorCode::kUnavailable, std::string(kUnavailableMessage), e.detail());
    }
    if (retry) {
      // Outside the handler: a coroutine cannot suspend inside one.
      m.retries.inc();
      if (!backoff) backoff.emplace(retry_backoff(options_));
      co_await sleep_for(backoff->next());
      continue;
    }
    const auto status = static_cast<int>(response.result_int());
    if (status >= 500) {
      breaker_.record_failure();
      m.calls_failed.inc();
      throw Error(ErrorCode::kUnavailable, std::string(kUnavailableMessage),
                  "auth service answered " + std::to_string(status));
    }
    breaker_.record_success();
    m.calls_ok.inc();
    boost::system::error_code ec;
    const auto json_body = json::parse(response.body(), ec);
    if (status == 200 || status == 201) {
      if (ec) throw Error(ErrorCode::kInternal, "internal server error", "auth answer not JSON");
      co_return parse_payload(json_body);
    }
    const json::value error_body = ec ? json::value() : json_body;
    switch (status) {
      case 400:
      case 409:
        throw Error(ErrorCode::kBadRequest, upstream_message(error_body, "invalid input"));
      case 401:
        throw Error(ErrorCode::kUnauthenticated,
                    upstream_message(error_body, "invalid email or password"));
      case 429:
        throw api::UpstreamRateLimited(
            upstream_message(error_body, "too many requests, please try again later"),
            retry_after_of(response));
      default:
        throw Error(ErrorCode::kInternal, "internal server error",
                    "auth service answered " + std::to_string(status) + " to " + path);
    }
  }
}

}  // namespace myspace::gateway
