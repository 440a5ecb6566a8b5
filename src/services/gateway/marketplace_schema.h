#pragma once
// The marketplace behind the gateway's GraphQL schema: resolvers for the
// schema's fields (Query.jobs, Job.client), its custom scalars, and the
// per-request context they read. Resolvers call the domain library (market)
// and never build SQL themselves.
//
// Query.jobs reads the open-jobs listing through Redis (`jobs:list`, 5 minutes,
// as the seed's caching table says) and falls back to PostgreSQL whenever
// Redis is down or slow. Job.client goes through a per-request DataLoader, so
// a page of N jobs costs one users query, not N. Accounts and profiles (me,
// user, userByUsername, register, login, updateProfile, User.email) are bound
// by profiles.h.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "auth/rate_limit.h"
#include "graphql/execution/data_loader.h"
#include "graphql/type/schema.h"
#include "market/jobs.h"
#include "services/gateway/policy.h"

namespace myspace::cache {
class Client;
}

namespace myspace::gateway {

class AuthClient;

// Requests per window (RATE_LIMIT_* variables): per client address while
// anonymous, per user once signed in, and per address for each of the
// sensitive mutations (register, login).
struct RateLimits {
  std::int64_t anonymous = 100;
  std::int64_t authenticated = 1000;
  std::int64_t sensitive = 10;
  std::chrono::milliseconds window{60'000};
};

inline constexpr std::string_view kJobsListKey = "jobs:list";
inline constexpr std::chrono::minutes kJobsListTtl{5};

// What one request's resolvers share. Built per request; never shared.
struct RequestContext {
  RequestContext(db::Pool& pool, cache::Client* redis, std::string request_id);

  db::Pool& pool;
  cache::Client* redis;  // null when the gateway runs without Redis
  std::string request_id;
  // Internal user id -> the user's GraphQL value (null when missing).
  graphql::DataLoader<std::int64_t, graphql::Value> users;

  // Who is asking (nullopt: anonymous). register and login set it for the
  // rest of their request: the caller has just proved who they are.
  std::optional<Viewer> viewer;
  std::string client_address;
  AuthClient* auth = nullptr;            // the worker's auth service client
  auth::RateLimiter* limiter = nullptr;  // the worker's Redis-backed limiter
  RateLimits limits;
  // Set when a resolver's rate limit refused the request: the HTTP response
  // becomes 429 with Retry-After and RateLimit-* from it.
  std::optional<auth::RateDecision> refused;
};
using RequestContextPtr = std::shared_ptr<RequestContext>;

// Binds the resolvers and scalars above to a schema parsed from
// schema/schema.graphql. Throws graphql::SchemaError when the schema lacks a
// field or scalar they need.
void bind_marketplace(graphql::Schema& schema);

// GraphQL parent values for jobs and users, as resolvers hand them on. A job
// keeps the internal id of its client under "_clientId" for Job.client; the
// key is not a schema field, so it can never appear in a response.
graphql::Value job_value(const market::Job& job);
// A user's public fields; a private "_email" key is added for profiles read
// in full, which only User.email reads (and only for the owner).
graphql::Value user_value(const market::User& user);

// The open-jobs listing as GraphQL values: from Redis when cached, otherwise
// from PostgreSQL (then cached). Redis failures are logged and counted, never
// passed on to the client.
boost::asio::awaitable<boost::json::array> load_jobs_listing(RequestContext& context);

}  // namespace myspace::gateway
