#include "graphql/graphql.h"

namespace myspace::graphql {
namespace {

boost::json::object error_response(const std::vector<GraphQLError>& errors) {
  boost::json::object response;
  response["errors"] = errors_to_json(errors);
  return response;
}

}  // namespace

PreparedDocument prepare(const Schema& schema, const std::string& query,
                         const RequestOptions& options) {
  PreparedDocument prepared;
  try {
    auto document = std::make_shared<ast::Document>(parse(query, options.parse));
    prepared.errors = validate(schema, *document, options.rules);
    prepared.document = std::move(document);
  } catch (const GraphQLException& e) {
    prepared.errors.push_back(e.error());
  }
  return prepared;
}

std::shared_ptr<const PreparedDocument> prepare_cached(const Schema& schema,
                                                       const std::string& query,
                                                       const RequestOptions& options) {
  std::shared_ptr<const PreparedDocument> prepared;
  if (options.cache != nullptr) prepared = options.cache->find(query);
  if (!prepared) {
    prepared = std::make_shared<const PreparedDocument>(prepare(schema, query, options));
    // The cache keeps the text: not that of a document refused for its length.
    const std::size_t max_length = options.parse.max_source_length;
    const bool refused_for_length =
        prepared->document == nullptr && max_length != 0 && query.size() > max_length;
    if (options.cache != nullptr && !refused_for_length) options.cache->insert(query, prepared);
  }
  return prepared;
}

boost::asio::awaitable<boost::json::object> execute_prepared(
    const Schema& schema, std::shared_ptr<const PreparedDocument> prepared, Request request,
    RequestOptions options) {
  if (!options.request_rules.empty()) {
    auto errors = validate(schema, *prepared->document, options.request_rules);
    if (!errors.empty()) co_return error_response(errors);
  }
  ExecuteOptions execute_options;
  execute_options.variables = std::move(request.variables);
  execute_options.operation_name = std::move(request.operation_name);
  execute_options.context = std::move(options.context);
  execute_options.root_value = std::move(options.root_value);
  execute_options.format_error = std::move(options.format_error);
  co_return co_await execute(schema, *prepared->document, std::move(execute_options));
}

boost::asio::awaitable<boost::json::object> graphql(const Schema& schema, Request request,
                                                    RequestOptions options) {
  auto prepared = prepare_cached(schema, request.query, options);
  if (!prepared->errors.empty()) co_return error_response(prepared->errors);
  co_return co_await execute_prepared(schema, std::move(prepared), std::move(request),
                                      std::move(options));
}

}  // namespace myspace::graphql
