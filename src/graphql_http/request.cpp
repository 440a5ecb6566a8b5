#include "graphql_http/request.h"

#include <array>
#include <boost/json/parse.hpp>
#include <boost/url/parse.hpp>
#include <charconv>
#include <vector>

#include "common/error.h"

namespace myspace::graphql_http {
namespace json = boost::json;
namespace {

constexpr std::string_view kJsonType = "application/json";
constexpr std::string_view kGraphqlResponseType = "application/graphql-response+json";

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Splits "a, b ,c" on `separator`, trimming each part (quoted strings in
// parameters are not expected in Accept or Content-Type values we honour).
std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = s.find(separator);
    parts.push_back(trim(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return parts;
}

// A quality value "0", "0.5", "1.000"; nullopt when malformed.
std::optional<double> parse_q(std::string_view text) {
  if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  double q = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), q);
  if (ec != std::errc{} || end != text.data() + text.size() || q < 0 || q > 1) return std::nullopt;
  return q;
}

struct Preference {
  double q = 0;
  int specificity = -1;  // -1: no range matched; 0 "*/*", 1 "type/*", 2 exact
};

Preference preference_for(std::string_view accept, std::string_view media_type) {
  const auto slash = media_type.find('/');
  const auto type = media_type.substr(0, slash);
  Preference best;
  for (const auto range_text : split(accept, ',')) {
    if (range_text.empty()) continue;
    const auto params = split(range_text, ';');
    const auto range = params.front();
    int specificity = -1;
    if (iequals(range, media_type)) {
      specificity = 2;
    } else if (range == "*/*") {
      specificity = 0;
    } else if (range.size() == type.size() + 2 && iequals(range.substr(0, type.size()), type) &&
               range.substr(type.size()) == "/*") {
      specificity = 1;
    }
    if (specificity < best.specificity || specificity < 0) continue;
    double q = 1;
    for (std::size_t i = 1; i < params.size(); ++i) {
      const auto eq = params[i].find('=');
      if (eq == std::string_view::npos || !iequals(trim(params[i].substr(0, eq)), "q")) continue;
      q = parse_q(trim(params[i].substr(eq + 1))).value_or(0);
    }
    // The most specific matching range decides (RFC 9110 section 12.5.1).
    if (specificity > best.specificity) best = {q, specificity};
  }
  return best;
}

RequestError bad_request(std::string message) {
  return {http::Status::bad_request, std::string(error_code_name(ErrorCode::kBadRequest)),
          std::move(message)};
}

json::object json_object_parameter(const json::value& value, std::string_view name) {
  if (value.is_null()) return {};
  if (!value.is_object()) {
    throw bad_request("\"" + std::string(name) + "\" must be an object");
  }
  return value.get_object();
}

std::string string_parameter(const json::value& value, std::string_view name) {
  if (value.is_null()) return {};
  if (!value.is_string()) throw bad_request("\"" + std::string(name) + "\" must be a string");
  return std::string(value.get_string());
}

bool is_lower_hex_sha256(std::string_view s) noexcept {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// Reads extensions.persistedQuery and checks that a query or a hash is present.
GraphqlRequest finish(GraphqlRequest request) {
  if (const auto* pq = request.extensions.if_contains("persistedQuery")) {
    if (!pq->is_object()) throw bad_request("\"extensions.persistedQuery\" must be an object");
    const auto& object = pq->get_object();
    const auto* version = object.if_contains("version");
    if (version == nullptr || !version->is_number() || version->to_number<double>() != 1.0) {
      throw bad_request("Unsupported persisted query version");
    }
    const auto* hash = object.if_contains("sha256Hash");
    if (hash == nullptr || !hash->is_string() || !is_lower_hex_sha256(hash->get_string())) {
      throw bad_request(
          "\"extensions.persistedQuery.sha256Hash\" must be 64 lower-case hexadecimal digits");
    }
    request.persisted_query = PersistedQueryRef{std::string(hash->get_string())};
  }
  if (!request.query && !request.persisted_query) {
    throw bad_request("\"query\" is required: a GraphQL document as a string");
  }
  return request;
}

json::value parse_json_parameter(std::string_view text, std::string_view name) {
  boost::system::error_code ec;
  auto value = json::parse(text, ec);
  if (ec) throw bad_request("\"" + std::string(name) + "\" is not valid JSON");
  return value;
}

}  // namespace

std::string_view content_type_of(MediaType type) noexcept {
  return type == MediaType::kJson ? "application/json; charset=utf-8"
                                  : "application/graphql-response+json; charset=utf-8";
}

std::optional<MediaType> negotiate(std::string_view accept) {
  if (trim(accept).empty()) return MediaType::kJson;
  const auto graphql = preference_for(accept, kGraphqlResponseType);
  const auto plain = preference_for(accept, kJsonType);
  const bool graphql_ok = graphql.specificity >= 0 && graphql.q > 0;
  const bool plain_ok = plain.specificity >= 0 && plain.q > 0;
  if (!graphql_ok && !plain_ok) return std::nullopt;
  if (!plain_ok) return MediaType::kGraphqlResponseJson;
  if (!graphql_ok) return MediaType::kJson;
  if (graphql.q != plain.q) {
    return graphql.q > plain.q ? MediaType::kGraphqlResponseJson : MediaType::kJson;
  }
  if (graphql.specificity != plain.specificity) {
    return graphql.specificity > plain.specificity ? MediaType::kGraphqlResponseJson
                                                   : MediaType::kJson;
  }
  return graphql.specificity == 2 ? MediaType::kGraphqlResponseJson : MediaType::kJson;
}

GraphqlRequest decode_get(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) throw bad_request("malformed request target");
  GraphqlRequest request;
  bool seen[4] = {false, false, false, false};
  constexpr std::array<std::string_view, 4> kNames = {"query", "operationName", "variables",
                                                      "extensions"};
  for (const auto& param : parsed->params()) {
    std::size_t index = 0;
    while (index < kNames.size() && kNames[index] != param.key) ++index;
    if (index == kNames.size()) continue;  // other parameters are not ours
    if (seen[index]) throw bad_request("\"" + param.key + "\" is given more than once");
    seen[index] = true;
    switch (index) {
      case 0:
        request.query = param.value;
        break;
      case 1:
        request.operation_name = param.value;
        break;
      case 2:
        request.variables =
            json_object_parameter(parse_json_parameter(param.value, "variables"), "variables");
        break;
      default:
        request.extensions =
            json_object_parameter(parse_json_parameter(param.value, "extensions"), "extensions");
        break;
    }
  }
  return finish(std::move(request));
}

GraphqlRequest decode_post(const http::Request& http_request) {
  const auto content_type = http_request[http::beast_http::field::content_type];
  const auto params = split(content_type, ';');
  bool utf8 = true;
  for (std::size_t i = 1; i < params.size(); ++i) {
    const auto eq = params[i].find('=');
    if (eq == std::string_view::npos || !iequals(trim(params[i].substr(0, eq)), "charset")) {
      continue;
    }
    auto charset = trim(params[i].substr(eq + 1));
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
      charset = charset.substr(1, charset.size() - 2);
    }
    utf8 = iequals(charset, "utf-8") || iequals(charset, "utf8");
  }
  if (!iequals(params.front(), kJsonType) || !utf8) {
    throw RequestError(http::Status::unsupported_media_type, "UNSUPPORTED_MEDIA_TYPE",
                       "Content-Type must be application/json (UTF-8)");
  }
  if (trim(http_request.body()).empty()) throw bad_request("request body is empty");
  // Boost.JSON refuses invalid UTF-8 and bounds nesting depth by default.
  boost::system::error_code ec;
  const auto body = json::parse(http_request.body(), ec);
  if (ec) throw bad_request("request body is not valid JSON");
  if (!body.is_object()) throw bad_request("request body must be a JSON object");
  const auto& object = body.get_object();

  GraphqlRequest request;
  if (const auto* query = object.if_contains("query"); query != nullptr && !query->is_null()) {
    if (!query->is_string()) throw bad_request("\"query\" must be a string");
    request.query = std::string(query->get_string());
  }
  if (const auto* name = object.if_contains("operationName")) {
    request.operation_name = string_parameter(*name, "operationName");
  }
  if (const auto* variables = object.if_contains("variables")) {
    request.variables = json_object_parameter(*variables, "variables");
  }
  if (const auto* extensions = object.if_contains("extensions")) {
    request.extensions = json_object_parameter(*extensions, "extensions");
  }
  return finish(std::move(request));
}

http::Status response_status(MediaType type, const json::object& response) noexcept {
  if (type == MediaType::kJson) return http::Status::ok;
  return response.contains("data") ? http::Status::ok : http::Status::bad_request;
}

namespace {

constexpr std::string_view kNulRule = " must not contain a NUL character (U+0000).";

bool json_holds_nul(const json::value& value) {
  switch (value.kind()) {
    case json::kind::string:
      return value.get_string().find('\0') != json::string::npos;
    case json::kind::array:
      for (const auto& item : value.get_array()) {
        if (json_holds_nul(item)) return true;
      }
      return false;
    case json::kind::object:
      for (const auto& [key, member] : value.get_object()) {
        if (key.find('\0') != json::string_view::npos || json_holds_nul(member)) return true;
      }
      return false;
    default:
      return false;
  }
}

// The first string literal in `value` (lists and input objects included)
// holding a NUL.
const graphql::ast::Value* literal_with_nul(const graphql::ast::Value& value) {
  using graphql::ast::ValueKind;
  if (value.kind == ValueKind::kString) {
    return value.string.find('\0') == std::string::npos ? nullptr : &value;
  }
  for (const auto& item : value.list) {
    if (const auto* found = literal_with_nul(item)) return found;
  }
  for (const auto& field : value.fields) {
    if (const auto* found = literal_with_nul(field.value)) return found;
  }
  return nullptr;
}

std::optional<graphql::GraphQLError> literal_error(std::string_view what,
                                                   const graphql::ast::Value& literal) {
  graphql::GraphQLError error;
  error.message = std::string(what) + std::string(kNulRule);
  error.locations.push_back(literal.loc);
  return error;
}

std::optional<graphql::GraphQLError> nul_in_arguments(
    const std::vector<graphql::ast::Argument>& arguments) {
  for (const auto& argument : arguments) {
    if (const auto* found = literal_with_nul(argument.value)) {
      return literal_error("Argument \"" + std::string(argument.name) + "\"", *found);
    }
  }
  return std::nullopt;
}

std::optional<graphql::GraphQLError> nul_in_directives(
    const std::vector<graphql::ast::Directive>& directives) {
  for (const auto& directive : directives) {
    if (auto error = nul_in_arguments(directive.arguments)) return error;
  }
  return std::nullopt;
}

std::optional<graphql::GraphQLError> nul_in_selections(const graphql::ast::SelectionSet& set) {
  for (const auto& selection : set.selections) {
    if (auto error = nul_in_arguments(selection.arguments)) return error;
    if (auto error = nul_in_directives(selection.directives)) return error;
    if (auto error = nul_in_selections(selection.selection_set)) return error;
  }
  return std::nullopt;
}

}  // namespace

std::optional<graphql::GraphQLError> nul_character_in(const graphql::ast::Document& document,
                                                      const boost::json::object& variables) {
  for (const auto& [name, value] : variables) {
    if (name.find('\0') != json::string_view::npos || json_holds_nul(value)) {
      graphql::GraphQLError error;
      error.message = "Variable \"$" + std::string(name.substr(0, name.find('\0'))) + "\"" +
                      std::string(kNulRule);
      return error;
    }
  }
  // The lexer refuses raw control characters in strings and block strings
  // keep backslashes as written, so only a unicode escape (backslash, u) can produce a NUL: a
  // document without one (nearly every document) needs no walk.
  if (document.source && document.source->find("\\u") == std::string::npos) return std::nullopt;
  for (const auto& definition : document.definitions) {
    if (const auto* operation = std::get_if<graphql::ast::OperationDefinition>(&definition)) {
      for (const auto& variable : operation->variables) {
        if (variable.default_value) {
          if (const auto* found = literal_with_nul(*variable.default_value)) {
            return literal_error(
                "Default value of variable \"$" + std::string(variable.name) + "\"", *found);
          }
        }
        if (auto error = nul_in_directives(variable.directives)) return error;
      }
      if (auto error = nul_in_directives(operation->directives)) return error;
      if (auto error = nul_in_selections(operation->selection_set)) return error;
    } else if (const auto* fragment = std::get_if<graphql::ast::FragmentDefinition>(&definition)) {
      if (auto error = nul_in_directives(fragment->directives)) return error;
      if (auto error = nul_in_selections(fragment->selection_set)) return error;
    }
  }
  return std::nullopt;
}

}  // namespace myspace::graphql_http
