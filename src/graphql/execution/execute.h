#pragma once
// Execution (spec section 6): runs one operation of a validated document
// against a schema and returns the response object {"errors"?, "data"}.
// Sibling fields of queries resolve concurrently (resolvers that do I/O
// overlap); mutation fields run one after another. Field errors become
// entries of "errors" with message, locations, path and extensions.code, and
// nulls propagate per the spec. A request runs on a strand of the caller's
// executor, so resolvers need no locking of request state. Fields with no
// asynchronous resolver anywhere below them complete inline, without
// coroutines; the response's values share one arena per request.

#include <any>
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <string>

#include "graphql/language/ast.h"
#include "graphql/type/schema.h"

namespace myspace::graphql {

struct ExecuteOptions {
  boost::json::object variables;  // raw JSON variables of the request
  std::string operation_name;     // required if the document has several operations
  std::any context;               // per-request context, seen by resolvers as info.context
  Value root_value;               // the parent value of root fields
  // Turns exceptions other than GraphQLException thrown by resolvers into
  // client errors; the gateway maps its error codes here and hides internal
  // details. Default: the exception's message, code INTERNAL_SERVER_ERROR.
  std::function<void(const std::exception& exception, GraphQLError& error)> format_error;
};

// The document and schema must outlive the returned awaitable. The document
// keeps execution plans for its next executions (see ast::ExecutionCache),
// so it must not change once executed.
boost::asio::awaitable<boost::json::object> execute(const Schema& schema,
                                                    const ast::Document& document,
                                                    ExecuteOptions options);

}  // namespace myspace::graphql
