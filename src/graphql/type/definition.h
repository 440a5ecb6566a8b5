#pragma once
// The type system's building blocks (spec section 3): named types, the List
// and Non-Null wrappers, fields, arguments, enum values and directives, plus
// the resolver signature. A Schema owns all of them and hands out const
// pointers that stay valid for its lifetime. Values flowing through resolvers
// are Resolved values (resolved.h): JSON, or the application's typed objects.

#include <any>
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/error/graphql_error.h"
#include "graphql/language/ast.h"
#include "graphql/type/resolved.h"

namespace myspace::graphql {

class Schema;
struct Type;
struct Field;

enum class TypeKind { kScalar, kObject, kInterface, kUnion, kEnum, kInputObject, kList, kNonNull };

// Where a field is in the response: a chain of links from the field back to
// the root, living on the executor's frames. Building a Path allocates for
// every step, so it is built only on demand (an error, or a resolver asking).
struct ResponsePath {
  const ResponsePath* parent = nullptr;
  std::string_view key;  // the response key; empty for a list index
  std::size_t index = 0;

  Path to_path() const;
};

// What a resolver sees. All references outlive the resolver call.
struct ResolveInfo {
  const Resolved& parent;  // what the parent field's resolver returned
  const boost::json::object& args;
  const std::any& context;  // the request's context, as passed to execute()
  const Schema& schema;
  const Type& parent_type;
  const Field& field;
  const ast::Selection& field_node;  // the first of the merged field nodes
  const ResponsePath& path;          // path.to_path() for a Path
  const boost::json::object& variables;

  // The request context as T (throws std::bad_any_cast on a mismatch).
  template <typename T>
  const T& context_as() const {
    return std::any_cast<const T&>(context);
  }
};

using Resolver = std::function<boost::asio::awaitable<Resolved>(ResolveInfo&)>;
using SyncResolver = std::function<Resolved(ResolveInfo&)>;
// Returns a value that outlives the request (owned by the schema, say, or a
// member of the parent value): execution reads it in place, without a copy.
using BorrowingResolver = std::function<const Value&(ResolveInfo&)>;
// Names the concrete object type of a value of an abstract type.
using TypeResolver = std::function<std::string(const Resolved& value, const std::any& context)>;

// A custom scalar's conversions. Each throws (any std::exception, whose
// message the client sees) when it cannot represent the value. Unset functions
// pass values through unchanged; parse_literal defaults to converting the
// literal to JSON and calling parse_value.
struct ScalarFunctions {
  std::function<Value(const Value&)> serialize;    // resolver value -> response
  std::function<Value(const Value&)> parse_value;  // variable JSON -> internal
  std::function<Value(const ast::Value&)> parse_literal;
};

struct InputValue {
  std::string name;
  std::optional<std::string> description;
  const Type* type = nullptr;
  const ast::Value* default_value = nullptr;  // owned by the schema's documents
  std::optional<std::string> deprecation_reason;
};

struct Field {
  std::string name;
  std::optional<std::string> description;
  std::vector<InputValue> arguments;
  const Type* type = nullptr;
  std::optional<std::string> deprecation_reason;
  Resolver resolver;                     // async; takes precedence
  SyncResolver sync_resolver;            // for cheap, non-blocking fields
  BorrowingResolver borrowing_resolver;  // for values that outlive the request
  const InputValue* argument(std::string_view arg_name) const;
};

struct EnumValue {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> deprecation_reason;
};

struct Type {
  TypeKind kind = TypeKind::kScalar;
  std::string name;  // empty for List and Non-Null
  std::optional<std::string> description;
  const Type* of_type = nullptr;            // List and Non-Null
  std::vector<Field> fields;                // object, interface
  std::vector<const Type*> interfaces;      // object, interface
  std::vector<const Type*> possible_types;  // union members; objects implementing an interface
  std::vector<EnumValue> values;            // enum
  std::vector<InputValue> input_fields;     // input object
  std::optional<std::string> specified_by_url;
  bool one_of = false;  // input object marked @oneOf: exactly one field, not null
  ScalarFunctions scalar;
  TypeResolver type_resolver;  // interface, union

  const Field* field(std::string_view field_name) const;
  const InputValue* input_field(std::string_view field_name) const;
  const EnumValue* enum_value(std::string_view value_name) const;

  bool is_wrapper() const { return kind == TypeKind::kList || kind == TypeKind::kNonNull; }
  bool is_non_null() const { return kind == TypeKind::kNonNull; }
  bool is_list() const { return kind == TypeKind::kList; }
};

struct Directive {
  std::string name;
  std::optional<std::string> description;
  std::vector<InputValue> arguments;
  std::vector<std::string> locations;
  bool repeatable = false;
  std::optional<std::string> deprecation_reason;
  const InputValue* argument(std::string_view arg_name) const;
  bool allowed_at(std::string_view location) const;
};

// The named type inside any List and Non-Null wrappers.
const Type* named_type(const Type* type);
// The type without an outer Non-Null.
const Type* nullable_type(const Type* type);
bool is_leaf_type(const Type* type);
bool is_composite_type(const Type* type);
bool is_abstract_type(const Type* type);
bool is_input_type(const Type* type);
bool is_output_type(const Type* type);
// Structural equality: same wrappers around the same named type.
bool is_equal_type(const Type* a, const Type* b);
// "[Human!]!" — how types appear in messages and introspection.
std::string type_string(const Type* type);
std::string_view type_kind_name(TypeKind kind);

}  // namespace myspace::graphql
