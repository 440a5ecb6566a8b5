#pragma once
// The /graphql endpoint: GraphQL over HTTP around our engine.
//   decode (GET / POST, request.h) -> automatic persisted query lookup ->
//   prepare (parse + validate, kept per document) -> refuse mutations over GET
//   -> execute -> status and media type from the Accept header.
// Knows nothing of the marketplace: the schema comes bound, and the caller
// hands each request's resolver context to handle(). One endpoint per worker
// thread (its persisted-query store and document cache are not thread-safe);
// the schema is shared read-only.
//
// Every error it answers has one shape (error_response()):
//   {"errors":[{"message", "extensions":{"code", "field"?}}]}
// Codes: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT (bad
// request shapes, variable coercion, operation selection, and a resolver's
// myspace::InvalidInput, which adds the offending input path as
// "extensions.field"), PERSISTED_QUERY_NOT_FOUND, NOT_ACCEPTABLE,
// METHOD_NOT_ALLOWED, and myspace::error_code_name() for our own errors thrown
// by resolvers; anything else a resolver throws is INTERNAL_SERVER_ERROR with
// its details kept in the log.

#include <any>
#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "graphql/document_cache.h"
#include "graphql/graphql.h"
#include "graphql/type/schema.h"
#include "graphql_http/persisted_queries.h"
#include "graphql_http/request.h"
#include "http/message.h"

namespace myspace::metrics {
class Counter;
class Histogram;
}  // namespace myspace::metrics

namespace myspace::graphql_http {

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

// The one error envelope, as `media`, with "Vary: Accept".
http::Response error_response(MediaType media, http::Status status, std::string_view code,
                              std::string_view message, unsigned version);

class Endpoint {
 public:
  Endpoint(std::shared_ptr<const graphql::Schema> schema, EndpointOptions options = {});

  // The answer when negotiate() found nothing acceptable in Accept (406),
  // counted like every other outcome.
  http::Response not_acceptable(const http::Context& http);

  // Runs one GraphQL request answered as `media` (the caller negotiated it
  // once); `context` is what resolvers see as info.context.
  boost::asio::awaitable<http::Response> handle(http::Context& http, MediaType media,
                                                std::any context);

 private:
  struct Outcome;
  boost::asio::awaitable<http::Response> run(http::Context& http, MediaType media, std::any context,
                                             Outcome& outcome);
  void record(const http::Context& http, const Outcome& outcome);

  std::shared_ptr<const graphql::Schema> schema_;
  EndpointOptions options_;
  PersistedQueries persisted_;
  graphql::RequestOptions prepare_options_;  // parse options and rules for prepare()
  graphql::DocumentCache documents_;
  // Series looked up once per (operation type, outcome) on this worker.
  std::vector<std::pair<std::string, metrics::Counter*>> counters_;
  std::vector<std::pair<std::string, metrics::Histogram*>> histograms_;
};

}  // namespace myspace::graphql_http
