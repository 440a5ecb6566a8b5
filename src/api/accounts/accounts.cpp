#include "api/accounts/accounts.h"

#include "api/accounts/sign_in.h"
#include "api/profiles/profiles.h"
#include "api/request_context.h"
#include "common/error.h"
#include "common/log.h"

namespace myspace::api {
namespace asio = boost::asio;
using graphql::Resolved;
using graphql::ResolveInfo;

namespace {

// The typed parent of AuthPayload's fields.
struct AuthPayload {
  std::string token;
  std::int64_t expires_in = 0;
  std::shared_ptr<const market::Profile> user;
};

std::string text_field(const boost::json::object& object, std::string_view name,
                       std::string_view path) {
  const auto* value = object.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    throw InvalidInput(std::string(path), std::string(name) + " must be a string");
  }
  return std::string(value->get_string());
}

SignIn& sign_in(const RequestContext& context) {
  if (context.services.sign_in == nullptr) {
    throw Error(ErrorCode::kUnavailable, "the sign-in service is not configured",
                "no sign-in service in the API's services");
  }
  return *context.services.sign_in;
}

// Refuses the request (429) once this address used up `bucket`'s limit.
asio::awaitable<void> count_sensitive(RequestContext& context, std::string_view bucket) {
  cache::RateLimiter* limiter = context.services.limiter;
  if (limiter == nullptr) co_return;
  const auto& limit = context.services.sensitive;
  const auto decision =
      co_await limiter->hit("gateway:" + std::string(bucket) + ":" + context.client_address,
                            limit.per_window, limit.window);
  if (decision.allowed) co_return;
  context.refused = decision;
  log::warn("gateway.rate_limited", {{"bucket", bucket},
                                     {"client", context.client_address},
                                     {"local", decision.local},
                                     {"request_id", context.request_id}});
  throw Error(ErrorCode::kRateLimited, "too many attempts, please try again in " +
                                           std::to_string(decision.reset.count()) + " seconds");
}

// Calls the sign-in service; its 429 also becomes this response's 429.
template <typename Call>
asio::awaitable<AuthResult> call_sign_in(RequestContext& context, Call call) {
  try {
    co_return co_await call();
  } catch (const UpstreamRateLimited& e) {
    context.refused = cache::RateDecision{.allowed = false,
                                          .limit = context.services.sensitive.per_window,
                                          .remaining = 0,
                                          .reset = e.retry_after(),
                                          .local = false};
    throw;
  }
}

// The AuthPayload of a successful register or login; the request is signed
// in as that member from here on.
asio::awaitable<Resolved> signed_in(RequestContext& context, const AuthResult& result) {
  context.viewer = market::Viewer{result.user_id, result.account_type};
  auto user = co_await load_profile(context, result.user_id);
  if (!user) {
    throw Error(ErrorCode::kInternal, "internal server error",
                "user " + result.user_id + " signed in but not found");
  }
  co_return Resolved::object(std::make_shared<const AuthPayload>(
      AuthPayload{result.access_token, result.expires_in, std::move(user)}));
}

asio::awaitable<Resolved> resolve_register(ResolveInfo& info) {
  auto& context = context_of(info);
  const auto* input = info.args.if_contains("input");
  if (input == nullptr || !input->is_object()) {
    throw InvalidInput("input", "input must be an object");
  }
  const auto& fields = input->as_object();
  RegisterRequest request{text_field(fields, "email", "input.email"),
                          text_field(fields, "password", "input.password"),
                          text_field(fields, "accountType", "input.accountType"),
                          text_field(fields, "username", "input.username"),
                          text_field(fields, "displayName", "input.displayName")};
  co_await count_sensitive(context, "register");
  const auto result = co_await call_sign_in(context, [&] {
    return sign_in(context).register_user(std::move(request), context.client_address,
                                          context.request_id);
  });
  co_return co_await signed_in(context, result);
}

asio::awaitable<Resolved> resolve_login(ResolveInfo& info) {
  auto& context = context_of(info);
  std::string email = text_field(info.args, "email", "email");
  std::string password = text_field(info.args, "password", "password");
  co_await count_sensitive(context, "login");
  const auto result = co_await call_sign_in(context, [&] {
    return sign_in(context).login(std::move(email), std::move(password), context.client_address,
                                  context.request_id);
  });
  co_return co_await signed_in(context, result);
}

}  // namespace

void bind_accounts(graphql::Schema& schema) {
  schema.resolve("Mutation", "register", resolve_register);
  schema.resolve("Mutation", "login", resolve_login);
  schema.resolve_member("AuthPayload", "token", &AuthPayload::token);
  schema.resolve_member("AuthPayload", "expiresIn", &AuthPayload::expires_in);
  schema.resolve_sync("AuthPayload", "user", [](ResolveInfo& info) {
    return Resolved::object(info.parent.as<AuthPayload>().user);
  });
}

}  // namespace myspace::api
