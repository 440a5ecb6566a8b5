#pragma once
// The gateway's /graphql endpoint: GraphQL over HTTP around our engine.
//   decode (GET / POST, graphql_http.h) -> automatic persisted query lookup ->
//   parse -> validate -> refuse mutations over GET -> execute -> status and
//   media type from the Accept header.
// Knows nothing of the marketplace: the schema comes bound, and a factory
// makes each request's resolver context. One endpoint per worker thread (its
// persisted-query store is not thread-safe); the schema is shared read-only.
//
// Error codes in "extensions.code": GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// BAD_USER_INPUT (bad request shapes, variable coercion, operation selection),
// PERSISTED_QUERY_NOT_FOUND, and myspace::error_code_name() for our own errors
// thrown by resolvers; anything else a resolver throws is INTERNAL_SERVER_ERROR
// with its details kept in the log.

#include <any>
#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "graphql/document_cache.h"
#include "graphql/graphql.h"
#include "graphql/type/schema.h"
#include "http/message.h"
#include "services/gateway/persisted_queries.h"

namespace myspace::metrics {
class Counter;
class Histogram;
}  // namespace myspace::metrics

namespace myspace::gateway {

struct EndpointOptions {
  // Automatic persisted queries kept per worker.
  std::size_t persisted_queries_max_entries = 2000;
  std::size_t persisted_queries_max_bytes = 8 * 1024 * 1024;
  // Parsing bounds (max_tokens) and the validation rules, safety limits
  // included; documents that passed both are kept in a bounded LRU.
  graphql::ParseOptions parse;
  std::vector<graphql::RuleFactory> rules = graphql::specified_rules();
  std::size_t document_cache_entries = 1000;
};

// Makes the resolver context of one request (seen by resolvers as info.context).
using ContextFactory = std::function<std::any(const http::Context&)>;

class GraphqlEndpoint {
 public:
  GraphqlEndpoint(std::shared_ptr<const graphql::Schema> schema, ContextFactory make_context,
                  EndpointOptions options = {});

  // The handler for GET and POST /graphql.
  boost::asio::awaitable<http::Response> handle(http::Context& context);

  const PersistedQueries& persisted_queries() const noexcept { return persisted_; }

 private:
  struct Outcome;
  boost::asio::awaitable<http::Response> run(http::Context& context, Outcome& outcome);
  void record(const http::Context& context, const Outcome& outcome);

  std::shared_ptr<const graphql::Schema> schema_;
  ContextFactory make_context_;
  EndpointOptions options_;
  PersistedQueries persisted_;
  graphql::RequestOptions prepare_options_;  // parse options and rules for prepare()
  graphql::DocumentCache documents_;
  // Series looked up once per (operation type, outcome) on this worker.
  std::vector<std::pair<std::string, metrics::Counter*>> counters_;
  std::vector<std::pair<std::string, metrics::Histogram*>> histograms_;
};

}  // namespace myspace::gateway
