#include "graphql_http/endpoint.h"

#include <boost/json/serialize.hpp>
#include <chrono>

#include "common/error.h"
#include "common/log.h"
#include "common/metrics.h"
#include "common/sha256.h"
#include "graphql/execution/execute.h"

namespace myspace::graphql_http {
namespace asio = boost::asio;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

struct Endpoint::Outcome {
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

// What a resolver's exception tells the client: our own errors keep their
// message and code (and an input error names its field); anything else is an
// internal fault the client learns only the existence of.
void format_resolver_error(const std::string& request_id, const std::exception& exception,
                           graphql::GraphQLError& error) {
  if (const auto* ours = dynamic_cast<const Error*>(&exception)) {
    error.extensions["code"] = error_code_name(ours->code());
    if (ours->code() != ErrorCode::kInternal) {
      error.message = ours->what();
      if (const auto* input = dynamic_cast<const InvalidInput*>(ours)) {
        error.extensions["field"] = input->field();
      }
      if (!ours->detail().empty()) {
        log::warn("graphql.resolver_error", {{"request_id", request_id},
                                             {"code", error_code_name(ours->code())},
                                             {"message", ours->what()},
                                             {"detail", ours->detail()}});
      }
      return;
    }
  }
  log::error("graphql.resolver_exception",
             {{"request_id", request_id}, {"what", exception.what()}});
  error.message = "internal server error";
  error.extensions["code"] = error_code_name(ErrorCode::kInternal);
}

// Request errors (variable coercion, operation selection) are the client's
// input problems, reported like Apollo does.
void mark_request_errors(json::object& result) {
  auto* errors = result.if_contains("errors");
  if (errors == nullptr || !errors->is_array()) return;
  for (auto& error : errors->get_array()) {
    auto& extensions = error.as_object()["extensions"];
    if (!extensions.is_object()) extensions = json::object{};
    if (!extensions.as_object().contains("code")) {
      extensions.as_object()["code"] = error_code_name(ErrorCode::kBadRequest);
    }
  }
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

http::Response error_response(MediaType media, http::Status status, std::string_view code,
                              std::string_view message, unsigned version) {
  return respond(media, status, error_body(code, message), version);
}

Endpoint::Endpoint(std::shared_ptr<const graphql::Schema> schema, EndpointOptions options)
    : schema_(std::move(schema)),
      options_(std::move(options)),
      persisted_(options_.persisted_queries_max_entries, options_.persisted_queries_max_bytes),
      documents_(options_.document_cache_entries) {
  prepare_options_.parse = options_.parse;
  prepare_options_.rules = options_.rules;
  prepare_options_.cache = &documents_;
}

http::Response Endpoint::not_acceptable(const http::Context& http) {
  Outcome outcome;
  outcome.result = "not_acceptable";
  record(http, outcome);
  return error_response(MediaType::kJson, http::Status::not_acceptable, "NOT_ACCEPTABLE",
                        "Accept must allow application/graphql-response+json or application/json",
                        http.request.version());
}

asio::awaitable<http::Response> Endpoint::handle(http::Context& http, MediaType media,
                                                 std::any context) {
  Outcome outcome;
  auto response = co_await run(http, media, std::move(context), outcome);
  record(http, outcome);
  co_return response;
}

asio::awaitable<http::Response> Endpoint::run(http::Context& http, MediaType media,
                                              std::any context, Outcome& outcome) {
  const auto& request = http.request;
  const unsigned version = request.version();
  const bool is_get = request.method() != http::Verb::post;
  GraphqlRequest graphql_request;
  try {
    graphql_request = is_get ? decode_get(request.target()) : decode_post(request);
  } catch (const RequestError& e) {
    outcome.result = "bad_request";
    co_return error_response(media, e.status(), e.code(), e.what(), version);
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
        co_return respond(media, response_status(media, body), body, version);
      }
      graphql_request.query = std::move(*found);
    } else if (sha256_hex(*graphql_request.query) != hash) {
      outcome.result = "bad_request";
      co_return error_response(media, http::Status::bad_request,
                               error_code_name(ErrorCode::kBadRequest),
                               "provided sha does not match query", version);
    } else {
      persisted_.insert(hash, *graphql_request.query);
    }
  }

  // Stage 1 of the engine's pipeline: parse and validate once per distinct
  // document (bounded LRU).
  auto prepared = graphql::prepare_cached(*schema_, *graphql_request.query, prepare_options_);
  if (!prepared->errors.empty()) {
    const bool parsed = prepared->document != nullptr;
    outcome.result = parsed ? "validation_failed" : "parse_failed";
    const std::string_view code = parsed ? "GRAPHQL_VALIDATION_FAILED" : "GRAPHQL_PARSE_FAILED";
    auto errors = prepared->errors;
    for (auto& error : errors) error.extensions["code"] = code;
    const auto body = json::object{{"errors", graphql::errors_to_json(errors)}};
    co_return respond(media, response_status(media, body), body, version);
  }

  const auto* operation = selected_operation(*prepared->document, graphql_request.operation_name);
  if (operation != nullptr) {
    outcome.operation_type = graphql::ast::operation_type_name(operation->operation);
    if (outcome.operation_name.empty()) outcome.operation_name = std::string(operation->name);
    // GET must be safe: only queries may run over it (spec: 405 otherwise).
    if (is_get && operation->operation != graphql::ast::OperationType::kQuery) {
      outcome.result = "method_not_allowed";
      auto response = error_response(media, http::Status::method_not_allowed, "METHOD_NOT_ALLOWED",
                                     "Can only perform a " + std::string(outcome.operation_type) +
                                         " operation from a POST request.",
                                     version);
      response.set(http::beast_http::field::allow, "POST");
      co_return response;
    }
  }

  // Text holding NUL never reaches a resolver (see nul_character_in).
  if (auto nul = nul_character_in(*prepared->document, graphql_request.variables)) {
    outcome.result = "request_error";
    nul->extensions["code"] = error_code_name(ErrorCode::kBadRequest);
    const auto body = json::object{{"errors", graphql::errors_to_json({std::move(*nul)})}};
    co_return respond(media, response_status(media, body), body, version);
  }

  // Stage 2: execution.
  graphql::RequestOptions execute_options;
  execute_options.context = std::move(context);
  execute_options.format_error = [request_id = http.request_id](const std::exception& exception,
                                                                graphql::GraphQLError& error) {
    format_resolver_error(request_id, exception, error);
  };
  // Named, then moved: g++ 12 miscompiles a prvalue aggregate passed by value
  // to a coroutine inside co_await (a short string member is freed from the
  // caller's frame).
  graphql::Request execute_request;
  execute_request.operation_name = std::move(graphql_request.operation_name);
  execute_request.variables = std::move(graphql_request.variables);
  auto result = co_await graphql::execute_prepared(
      *schema_, std::move(prepared), std::move(execute_request), std::move(execute_options));

  if (!result.contains("data")) {
    outcome.result = "request_error";
    mark_request_errors(result);
  } else if (result.contains("errors")) {
    outcome.result = "field_errors";
  }
  co_return respond(media, response_status(media, result), result, version);
}

void Endpoint::record(const http::Context& http, const Outcome& outcome) {
  const auto elapsed = std::chrono::duration<double>(Clock::now() - outcome.started).count();
  const std::string histogram_labels = metrics::label("operation", outcome.operation_type);
  const std::string counter_labels =
      histogram_labels + "," + metrics::label("outcome", outcome.result);
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
  log::info("graphql.request", {{"request_id", http.request_id},
                                {"operation", outcome.operation_name.substr(0, kMaxLoggedName)},
                                {"operation_type", outcome.operation_type},
                                {"outcome", outcome.result},
                                {"duration_us", static_cast<std::int64_t>(elapsed * 1e6)}});
}

}  // namespace myspace::graphql_http
