#pragma once
// GraphQL over HTTP (the GraphQL-over-HTTP spec, plus Apollo's automatic
// persisted queries): the pure part — turning an HTTP request into a GraphQL
// request, choosing the response media type from Accept, and the status code
// of a GraphQL response. No I/O and no execution here, so that every decision
// is unit-tested directly (request_test.cpp). The endpoint
// (endpoint.h) runs the pipeline around these.

#include <boost/json/object.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "graphql/error/graphql_error.h"
#include "graphql/language/ast.h"
#include "http/message.h"

namespace myspace::graphql_http {

// The two media types a GraphQL response may have.
enum class MediaType {
  kJson,                 // application/json: GraphQL errors travel with 200
  kGraphqlResponseJson,  // application/graphql-response+json: the spec's status codes
};
std::string_view content_type_of(MediaType type) noexcept;

// The response media type for an Accept header value (RFC 9110 proactive
// negotiation: q-values, "type/*" and "*/*"). An absent or empty header means
// application/json, as the spec says for legacy clients. When both types are
// equally acceptable, an explicit application/graphql-response+json wins and a
// wildcard gets application/json. nullopt: nothing acceptable (406).
std::optional<MediaType> negotiate(std::string_view accept);

// A request that cannot become a GraphQL request: answered with `status` and
// {"errors":[{"message", "extensions":{"code"}}]} before anything is parsed.
class RequestError : public std::runtime_error {
 public:
  RequestError(http::Status status, std::string code, std::string message)
      : std::runtime_error(std::move(message)), status_(status), code_(std::move(code)) {}
  http::Status status() const noexcept { return status_; }
  const std::string& code() const noexcept { return code_; }

 private:
  http::Status status_;
  std::string code_;
};

// Apollo's automatic persisted query: extensions.persistedQuery.
struct PersistedQueryRef {
  std::string sha256_hash;  // 64 lower-case hex digits
};

struct GraphqlRequest {
  std::optional<std::string> query;  // absent: only a persisted query hash was sent
  std::string operation_name;        // empty: not given (or null)
  boost::json::object variables;
  boost::json::object extensions;
  std::optional<PersistedQueryRef> persisted_query;
};

// GET /graphql?query=…&variables=<JSON>&operationName=…&extensions=<JSON>.
// Throws RequestError (400) on a malformed target or parameters.
GraphqlRequest decode_get(std::string_view target);

// POST with Content-Type application/json (charset, if given, must be utf-8)
// and a JSON object body. Throws RequestError: 415 for another content type,
// 400 for an empty, malformed or non-object body or parameters of the wrong
// type.
GraphqlRequest decode_post(const http::Request& request);

// Text holding a NUL character (U+0000) anywhere in what the request carries:
// a variable's value at any depth (keys too), or a string literal of the
// document (argument, directive argument, variable default), written as
// "\u0000" or "\u{0}". The error names the variable or the argument and,
// for a literal, where it is. Such a request is refused before execution with
// BAD_USER_INPUT: below the resolvers text becomes a C string (libpq), so a
// check made on the whole string and a query run on its prefix would
// disagree ("northwind\u0000-anything" found the member northwind). The
// GraphQL spec and graphql-js allow U+0000 in strings, so this is the
// gateway's rule, not the engine's.
std::optional<graphql::GraphQLError> nul_character_in(const graphql::ast::Document& document,
                                                      const boost::json::object& variables);

// The HTTP status of a GraphQL response. With application/json every
// well-formed request gets 200 (errors are in the body). With
// application/graphql-response+json a response without "data" (the request
// failed before execution: parse, validation, variable coercion, unknown
// operation) gets 400, and one with "data" gets 200.
http::Status response_status(MediaType type, const boost::json::object& response) noexcept;

}  // namespace myspace::graphql_http
