#pragma once
// A GraphQL schema built from SDL (schema-first), validated against the spec's
// type system rules at build time, then bound to C++ resolvers and custom
// scalar functions before it serves requests. After start-up it is read-only
// and shared by all requests; nothing in here is request state.

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/type/definition.h"

namespace myspace::graphql {

// The schema is invalid (SDL syntax, unknown types, spec rule violations) or
// a binding names something that does not exist. `errors` lists every problem.
class SchemaError : public std::runtime_error {
 public:
  explicit SchemaError(std::vector<GraphQLError> errors);
  const std::vector<GraphQLError>& errors() const noexcept { return errors_; }

 private:
  std::vector<GraphQLError> errors_;
};

// Owns wrapper types (List, Non-Null) made while building a schema or while
// handling one request (variable types written in the query).
class TypeArena {
 public:
  const Type* list_of(const Type* type);
  const Type* non_null(const Type* type);

 private:
  std::deque<Type> types_;
};

class Schema {
 public:
  // Parses and validates `sdl` (plus the built-in scalars, directives and
  // introspection types). Throws SchemaError.
  static std::shared_ptr<Schema> from_sdl(std::string_view sdl);

  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  // Binds a resolver to an existing field; throws SchemaError if the type or
  // field does not exist, so typos fail at start-up.
  Schema& resolve(std::string_view type_name, std::string_view field_name, Resolver resolver);
  Schema& resolve_sync(std::string_view type_name, std::string_view field_name,
                       SyncResolver resolver);
  // A synchronous resolver whose value outlives the request (see
  // BorrowingResolver): saves copying values the schema already holds.
  Schema& resolve_borrowed(std::string_view type_name, std::string_view field_name,
                           BorrowingResolver resolver);
  // Binds `type_name.field_name` to a member of its parent, a typed object
  // of type T (Resolved::object<T>), read through view_of() without a copy.
  template <typename T, typename Member>
  Schema& resolve_member(std::string_view type_name, std::string_view field_name,
                         Member T::*member) {
    return resolve_sync(type_name, field_name, [member](ResolveInfo& info) {
      return view_of(info.parent.as<T>().*member);
    });
  }
  // How values of an interface or union find their object type (otherwise
  // the value's "__typename" member is used).
  Schema& resolve_type(std::string_view abstract_type, TypeResolver resolver);
  // Conversions of a custom scalar declared in the SDL.
  Schema& scalar(std::string_view scalar_name, ScalarFunctions functions);
  // With introspection off, __schema and __type are unknown fields (and so
  // fail validation); __typename stays, as clients need it. Error messages
  // then suggest no names either ("Did you mean …?", graphql-js's
  // hideSuggestions): they would give away the schema piece by piece.
  Schema& set_introspection(bool enabled);
  bool introspection_enabled() const { return introspection_; }
  bool hides_suggestions() const { return !introspection_; }
  // Changes with every binding above and differs between schemas: what is
  // derived from a schema and kept (execution plans) is keyed on it.
  std::uint64_t generation() const { return generation_; }

  const Type* type(std::string_view name) const;
  const Type* query_type() const { return query_; }
  const Type* mutation_type() const { return mutation_; }
  const Type* subscription_type() const { return subscription_; }
  const std::optional<std::string>& description() const { return description_; }
  // Every named type, in definition order (built-ins first).
  const std::vector<const Type*>& types() const { return type_list_; }
  // The types introspection reports, in graphql-js's order (see schema.cpp).
  const std::vector<const Type*>& introspection_types() const { return introspection_types_; }
  const std::vector<const Directive*>& directives() const { return directive_list_; }
  const Directive* directive(std::string_view name) const;

  // The field `name` of a composite type, including the meta-fields
  // __typename (every composite type) and __schema/__type (query root).
  const Field* field_definition(const Type* parent, std::string_view name) const;
  bool is_possible_type(const Type* abstract, const Type* object) const;
  // Whether `maybe_sub` can be used where `super` is expected (same type,
  // member of a union, implementation of an interface).
  bool is_sub_type(const Type* super, const Type* maybe_sub) const;
  bool is_type_sub_type_of(const Type* maybe_sub, const Type* super) const;
  bool do_types_overlap(const Type* a, const Type* b) const;

  // The type written in a document, or nullptr if a named type is unknown.
  // Wrappers are made in `arena`, which must outlive the result.
  const Type* type_from_ast(const ast::TypeRef& ref, TypeArena& arena) const;

 private:
  Schema() = default;
  friend class SchemaBuilder;
  Schema& changed();  // a new generation

  std::vector<ast::Document> documents_;  // the SDL, for default values
  std::deque<Type> named_types_;
  std::map<std::string, Type*, std::less<>> types_;
  std::vector<const Type*> type_list_;
  std::vector<const Type*> introspection_types_;
  std::deque<Directive> directive_storage_;
  std::vector<const Directive*> directive_list_;
  TypeArena arena_;
  const Type* query_ = nullptr;
  const Type* mutation_ = nullptr;
  const Type* subscription_ = nullptr;
  std::optional<std::string> description_;
  bool introspection_ = true;
  std::uint64_t generation_ = 0;
  Field typename_field_;
  Field schema_field_;
  Field type_field_;
};

}  // namespace myspace::graphql
