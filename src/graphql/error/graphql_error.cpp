#include "graphql/error/graphql_error.h"

#include <boost/json/array.hpp>

namespace myspace::graphql {

GraphQLException::GraphQLException(std::string message, std::string code) {
  error_.message = std::move(message);
  if (!code.empty()) error_.extensions["code"] = code;
}

boost::json::object GraphQLError::to_json() const {
  boost::json::object out;
  out["message"] = message;
  if (!locations.empty()) {
    boost::json::array locs;
    for (const auto& loc : locations) locs.push_back({{"line", loc.line}, {"column", loc.column}});
    out["locations"] = std::move(locs);
  }
  if (!path.empty()) {
    boost::json::array segments;
    for (const auto& segment : path) {
      if (const auto* key = std::get_if<std::string>(&segment)) {
        segments.emplace_back(*key);
      } else {
        segments.emplace_back(std::get<std::size_t>(segment));
      }
    }
    out["path"] = std::move(segments);
  }
  if (!extensions.empty()) out["extensions"] = extensions;
  return out;
}

boost::json::array errors_to_json(const std::vector<GraphQLError>& errors) {
  boost::json::array out;
  out.reserve(errors.size());
  for (const auto& error : errors) out.emplace_back(error.to_json());
  return out;
}

}  // namespace myspace::graphql
