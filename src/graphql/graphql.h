#pragma once
// The whole pipeline for one request, as graphql-js's graphql(): parse →
// validate → execute, returning early with {"errors": [...]} at the first
// stage that fails. Optionally reuses prepared documents from a DocumentCache.
// Its two stages are exposed too, for a transport that must look between them
// (GraphQL over HTTP refuses a mutation sent with GET before it runs): both
// graphql() and such a transport run exactly these functions.

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "graphql/document_cache.h"
#include "graphql/execution/execute.h"
#include "graphql/language/parser.h"
#include "graphql/validation/validate.h"

namespace myspace::graphql {

struct Request {
  std::string query;
  std::string operation_name;
  boost::json::object variables;
};

struct RequestOptions {
  ParseOptions parse;
  // Rules whose result depends only on the document: cached with it.
  std::vector<RuleFactory> rules = specified_rules();
  // Rules that depend on the request too (e.g. a cost limit that reads the
  // variables): run on every request.
  std::vector<RuleFactory> request_rules;
  DocumentCache* cache = nullptr;  // optional; must match schema and `rules`
  std::any context;
  Value root_value;
  std::function<void(const std::exception&, GraphQLError&)> format_error;
};

// Parses and validates a document (no cache involved).
PreparedDocument prepare(const Schema& schema, const std::string& query,
                         const RequestOptions& options);

// Stage 1: the document parsed and validated with options.rules, from
// options.cache when it holds it (and stored there otherwise).
std::shared_ptr<const PreparedDocument> prepare_cached(const Schema& schema,
                                                       const std::string& query,
                                                       const RequestOptions& options);

// Stage 2: options.request_rules, then execution of a document that passed
// stage 1 (its errors are empty). `prepared` is kept alive until execution ends.
boost::asio::awaitable<boost::json::object> execute_prepared(
    const Schema& schema, std::shared_ptr<const PreparedDocument> prepared, Request request,
    RequestOptions options);

boost::asio::awaitable<boost::json::object> graphql(const Schema& schema, Request request,
                                                    RequestOptions options);

}  // namespace myspace::graphql
