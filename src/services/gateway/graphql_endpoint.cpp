#include "services/gateway/graphql_endpoint.h"

#include <boost/json/serialize.hpp>
#include <chrono>

#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "graphql/execution/execute.h"
#include "services/gateway/graphql_http.h"

namespace myspace::gateway {
namespace asio = boost::asio;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

struct GraphqlEndpoint::Outcome {
  std::string_view operation_type = "unknown";  // query | mutation | subscription | unknown
  std::string operation_name;
  // ok | field_errors | request_error | parse_failed | validation_failed |
  // persisted_query_not_found | bad_request | not_acceptable | method_not_allowed
  std::string_view result = "ok";
  Clock::time_point started = Clock::now();
};

namespace {

http::Response respond(MediaType media, http::Status status, const json::object& body,
                       unsigned version) {
  http::Response response{status, version};
  response.set(http::beast_http::field::content_type, content_type_of(media));
  // The body depends on Accept; caches must keep the variants apart.
  response.set(http::beast_http::field::vary, "Accept");
  response.body() = json::serialize(body);
  response.prepare_payload();
  return response;
}

json::object error_body(std::string_view code, std::string_view message) {
  return json::object{
      {"errors", json::array{json::object{{"message", message},
                                          {"extensions", json::object{{"code", code}}}}}}};
}

json::object errors_body(std::vector<graphql::GraphQLError> errors, std::string_view code) {
  for (auto& error : errors) {
    if (!error.extensions.contains("code")) error.extensions["code"] = code;
  }
  return json::object{{"errors", graphql::errors_to_json(errors)}};
}

// The operation execute() will run, when the document names it unambiguously.
const graphql::ast::OperationDefinition* selected_operation(const graphql::ast::Document& document,
                                                            std::string_view operation_name) {
  const graphql::ast::OperationDefinition* found = nullptr;
  std::size_t count = 0;
  for (const auto& definition : document.definitions) {
    const auto* op = std::get_if<graphql::ast::OperationDefinition>(&definition);
    if (op == nullptr) continue;
    ++count;
    if (operation_name.empty() ? found == nullptr : op->name == operation_name) found = op;
  }
  if (operation_name.empty() && count > 1) return nullptr;
  return found;
}

}  // namespace

GraphqlEndpoint::GraphqlEndpoint(std::shared_ptr<const graphql::Schema> schema,
                                 ContextFactory make_context, EndpointOptions options)
    : schema_(std::move(schema)),
      make_context_(std::move(make_context)),
      options_(std::move(options)),
      persisted_(options_.persisted_queries_max_entries, options_.persisted_queries_max_bytes),
      documents_(options_.document_cache_entries) {
  prepare_options_.parse = options_.parse;
  prepare_options_.rules = options_.rules;
}

asio::awaitable<http::Response> GraphqlEndpoint::handle(http::Context& context) {
  Outcome outcome;
  auto response = co_await run(context, outcome);
  outcome.result = outcome.result.empty() ? "ok" : outcome.result;
  record(context, outcome);
  co_return response;
}

asio::awaitable<http::Response> GraphqlEndpoint::run(http::Context& context, Outcome& outcome) {
  const auto& request = context.request;
  const unsigned version = request.version();
  const auto media = negotiate(request[http::beast_http::field::accept]);
  if (!media) {
    outcome.result = "not_acceptable";
    co_return respond(MediaType::kJson, http::Status::not_acceptable,
                      error_body("NOT_ACCEPTABLE",
                                 "Accept must allow application/graphql-response+json or "
                                 "application/json"),
                      version);
  }

  const bool is_get = request.method() != http::Verb::post;
  GraphqlRequest graphql_request;
  try {
    graphql_request = is_get ? decode_get(request.target()) : decode_post(request);
  } catch (const RequestError& e) {
    outcome.result = "bad_request";
    co_return respond(*media, e.status(), error_body(e.code(), e.what()), version);
  }
  outcome.operation_name = graphql_request.operation_name;

  // Automatic persisted queries: a hash alone looks the document up; a hash
  // with its document registers it once the hash is checked.
  if (graphql_request.persisted_query) {
    const auto& hash = graphql_request.persisted_query->sha256_hash;
    if (!graphql_request.query) {
      auto found = persisted_.find(hash);
      if (!found) {
        outcome.result = "persisted_query_not_found";
        const auto body = error_body("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
        co_return respond(*media, response_status(*media, body), body, version);
      }
      graphql_request.query = std::move(*found);
    } else if (sha256_hex(*graphql_request.query) != hash) {
      outcome.result = "bad_request";
      co_return respond(
          *media, http::Status::bad_request,
          error_body(error_code_name(ErrorCode::kBadRequest), "provided sha does not match query"),
          version);
    } else {
      persisted_.insert(hash, *graphql_request.query);
    }
  }

  // Parse and validate once per distinct document (bounded LRU).
  auto prepared = documents_.find(*graphql_request.query);
  if (!prepared) {
    prepared = std::make_shared<const graphql::PreparedDocument>(
        graphql::prepare(*schema_, *graphql_request.query, prepare_options_));
    // The cache keeps the text: not that of a document refused for its length.
    const std::size_t max_length = options_.parse.max_source_length;
    if (prepared->document != nullptr || max_length == 0 ||
        graphql_request.query->size() <= max_length) {
      documents_.insert(*graphql_request.query, prepared);
    }
  }
  if (!prepared->errors.empty()) {
    const bool parsed = prepared->document != nullptr;
    outcome.result = parsed ? "validation_failed" : "parse_failed";
    const std::string_view code = parsed ? "GRAPHQL_VALIDATION_FAILED" : "GRAPHQL_PARSE_FAILED";
    auto errors = prepared->errors;
    for (auto& error : errors) error.extensions["code"] = code;
    const auto body = errors_body(std::move(errors), code);
    co_return respond(*media, response_status(*media, body), body, version);
  }
  const graphql::ast::Document& document = *prepared->document;

  const auto* operation = selected_operation(document, graphql_request.operation_name);
  if (operation != nullptr) {
    outcome.operation_type = graphql::ast::operation_type_name(operation->operation);
    if (outcome.operation_name.empty()) outcome.operation_name = std::string(operation->name);
    // GET must be safe: only queries may run over it (spec: 405 otherwise).
    if (is_get && operation->operation != graphql::ast::OperationType::kQuery) {
      outcome.result = "method_not_allowed";
      auto response =
          respond(*media, http::Status::method_not_allowed,
                  error_body("METHOD_NOT_ALLOWED", "Can only perform a " +
                                                       std::string(outcome.operation_type) +
                                                       " operation from a POST request."),
                  version);
      response.set(http::beast_http::field::allow, "POST");
      co_return response;
    }
  }

  graphql::ExecuteOptions execute_options;
  execute_options.variables = std::move(graphql_request.variables);
  execute_options.operation_name = graphql_request.operation_name;
  execute_options.context = make_context_(context);
  execute_options.format_error = [request_id = context.request_id](const std::exception& exception,
                                                                   graphql::GraphQLError& error) {
    if (const auto* ours = dynamic_cast<const Error*>(&exception)) {
      error.extensions["code"] = error_code_name(ours->code());
      if (ours->code() != ErrorCode::kInternal) {
        error.message = ours->what();
        if (!ours->detail().empty()) {
          log::warn("graphql.resolver_error", {{"request_id", request_id},
                                               {"code", error_code_name(ours->code())},
                                               {"message", ours->what()},
                                               {"detail", ours->detail()}});
        }
        return;
      }
    }
    // Internal faults: the client learns only that something went wrong.
    log::error("graphql.resolver_exception",
               {{"request_id", request_id}, {"what", exception.what()}});
    error.message = "internal server error";
    error.extensions["code"] = error_code_name(ErrorCode::kInternal);
  };
  auto result = co_await graphql::execute(*schema_, document, std::move(execute_options));

  if (!result.contains("data")) {
    // Request errors (variable coercion, operation selection) are the
    // client's input problems, reported like Apollo does.
    outcome.result = "request_error";
    if (auto* errors = result.if_contains("errors"); errors != nullptr && errors->is_array()) {
      for (auto& error : errors->get_array()) {
        auto& object = error.as_object();
        auto& extensions = object["extensions"];
        if (!extensions.is_object()) extensions = json::object{};
        if (!extensions.as_object().contains("code")) {
          extensions.as_object()["code"] = error_code_name(ErrorCode::kBadRequest);
        }
      }
    }
  } else if (result.contains("errors")) {
    outcome.result = "field_errors";
  }
  co_return respond(*media, response_status(*media, result), result, version);
}

void GraphqlEndpoint::record(const http::Context& context, const Outcome& outcome) {
  const auto elapsed = std::chrono::duration<double>(Clock::now() - outcome.started).count();
  const std::string counter_labels = "operation=\"" + std::string(outcome.operation_type) +
                                     "\",outcome=\"" + std::string(outcome.result) + "\"";
  const std::string histogram_labels = "operation=\"" + std::string(outcome.operation_type) + "\"";
  auto find = [](auto& cache, const std::string& labels, auto make) {
    for (auto& [key, series] : cache) {
      if (key == labels) return series;
    }
    auto* series = make();
    cache.emplace_back(labels, series);
    return series;
  };
  find(counters_, counter_labels, [&] {
    return &metrics::Registry::global().counter("graphql_requests_total",
                                                "GraphQL requests by operation type and outcome.",
                                                counter_labels);
  })->inc();
  find(histograms_, histogram_labels, [&] {
    return &metrics::Registry::global().histogram("graphql_request_duration_seconds",
                                                  "GraphQL request latency by operation type.",
                                                  histogram_labels);
  })->observe(elapsed);
  // Operation names come from the client: bounded before they reach the log.
  constexpr std::size_t kMaxLoggedName = 128;
  log::info("graphql.request", {{"request_id", context.request_id},
                                {"operation", outcome.operation_name.substr(0, kMaxLoggedName)},
                                {"operation_type", outcome.operation_type},
                                {"outcome", outcome.result},
                                {"duration_us", static_cast<std::int64_t>(elapsed * 1e6)}});
}

}  // namespace myspace::gateway
