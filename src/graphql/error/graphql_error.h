#pragma once
// error: the one error shape of the engine. A GraphQLError is what a client
// sees in the response's "errors" list: message, source locations, response
// path and extensions (notably "code"). Syntax, validation, coercion and
// resolver errors all end up here. It knows nothing of HTTP or of the
// application's own error vocabulary; the gateway maps its codes into
// `extensions.code` through the execution options.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <exception>
#include <string>
#include <variant>
#include <vector>

namespace myspace::graphql {

// 1-based line and column of a point in a GraphQL source text.
struct SourceLocation {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// One step of a response path: a field's response key or a list index.
using PathSegment = std::variant<std::string, std::size_t>;
using Path = std::vector<PathSegment>;

struct GraphQLError {
  std::string message;
  std::vector<SourceLocation> locations;
  Path path;
  boost::json::object extensions;

  // The spec's error shape: {"message", "locations"?, "path"?, "extensions"?}.
  boost::json::object to_json() const;
};

boost::json::array errors_to_json(const std::vector<GraphQLError>& errors);

// Thrown by the parser (syntax errors) and by resolvers that want full control
// of the error a client sees (message, extensions.code).
class GraphQLException : public std::exception {
 public:
  explicit GraphQLException(GraphQLError error) : error_(std::move(error)) {}
  GraphQLException(std::string message, std::string code);
  const char* what() const noexcept override { return error_.message.c_str(); }
  const GraphQLError& error() const noexcept { return error_; }
  GraphQLError& error() noexcept { return error_; }

 private:
  GraphQLError error_;
};

}  // namespace myspace::graphql
