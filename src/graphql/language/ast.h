#pragma once
// The abstract syntax tree of a GraphQL document: executable definitions
// (operations, fragments) and type system definitions (SDL, incl. extensions).
// Nodes are plain structs held by value in std::vector; names and number
// literals are string_views into the source text, which the Document owns
// (behind a shared_ptr, so moving a Document never invalidates them). Only
// string values are copied, because escapes and block-string indentation
// change them.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/error/graphql_error.h"

namespace myspace::graphql::ast {

using Location = SourceLocation;

enum class ValueKind { kVariable, kInt, kFloat, kString, kBoolean, kNull, kEnum, kList, kObject };

struct ObjectField;

struct Value {
  ValueKind kind = ValueKind::kNull;
  Location loc;
  std::string_view raw;  // variable or enum name, int or float digits
  std::string string;    // decoded string value
  bool block = false;    // the string was written as a block string
  bool boolean = false;
  std::vector<Value> list;
  std::vector<ObjectField> fields;
};

struct ObjectField {
  std::string_view name;
  Location loc;
  Value value;
};

struct TypeRef {
  enum class Kind { kNamed, kList, kNonNull };
  Kind kind = Kind::kNamed;
  std::string_view name;        // kNamed only
  std::unique_ptr<TypeRef> of;  // kList and kNonNull
  Location loc;
};

// The innermost named type of a (possibly wrapped) type reference.
std::string_view named_type(const TypeRef& type);

struct Argument {
  std::string_view name;
  Location loc;
  Value value;
};

struct Directive {
  std::string_view name;
  Location loc;
  std::vector<Argument> arguments;
};

enum class SelectionKind { kField, kFragmentSpread, kInlineFragment };

struct Selection;

struct SelectionSet {
  Location loc;
  std::vector<Selection> selections;
  bool empty() const { return selections.empty(); }
};

// One struct for the three selection kinds; `kind` says which members apply.
struct Selection {
  SelectionKind kind = SelectionKind::kField;
  Location loc;
  std::string_view alias;           // field
  std::string_view name;            // field name or fragment spread name
  std::vector<Argument> arguments;  // field
  std::string_view type_condition;  // inline fragment ("" if absent)
  Location name_loc;                // fragment spread name
  Location type_condition_loc;      // inline fragment
  std::vector<Directive> directives;
  SelectionSet selection_set;  // field (may be empty) or inline fragment

  std::string_view response_key() const { return alias.empty() ? name : alias; }
};

enum class OperationType { kQuery, kMutation, kSubscription };
std::string_view operation_type_name(OperationType type);

// Operations, fragments and variables may carry descriptions (spec, September
// 2025 edition); like comments, they never change what a document does.
struct VariableDefinition {
  Location loc;
  std::optional<Value> description;
  std::string_view name;  // without "$"
  TypeRef type;
  std::optional<Value> default_value;
  std::vector<Directive> directives;
};

struct OperationDefinition {
  Location loc;
  std::optional<Value> description;
  OperationType operation = OperationType::kQuery;
  std::string_view name;  // "" when anonymous
  Location name_loc;
  std::vector<VariableDefinition> variables;
  std::vector<Directive> directives;
  SelectionSet selection_set;
  bool shorthand = false;  // written as a bare selection set
};

struct FragmentDefinition {
  Location loc;
  std::optional<Value> description;
  std::string_view name;
  Location name_loc;
  std::string_view type_condition;
  Location type_condition_loc;
  std::vector<Directive> directives;
  SelectionSet selection_set;
};

// A name reference in SDL: an implemented interface, a union member, a
// directive location.
struct NameRef {
  std::string_view name;
  Location loc;
};

struct InputValueDefinition {
  Location loc;
  std::optional<Value> description;
  std::string_view name;
  TypeRef type;
  std::optional<Value> default_value;
  std::vector<Directive> directives;
};

struct FieldDefinition {
  Location loc;
  std::optional<Value> description;
  std::string_view name;
  std::vector<InputValueDefinition> arguments;
  TypeRef type;
  std::vector<Directive> directives;
};

struct EnumValueDefinition {
  Location loc;
  std::optional<Value> description;
  std::string_view name;
  std::vector<Directive> directives;
};

struct RootOperationTypeDefinition {
  Location loc;
  OperationType operation = OperationType::kQuery;
  std::string_view type;
};

enum class TypeSystemKind {
  kSchema,
  kScalar,
  kObject,
  kInterface,
  kUnion,
  kEnum,
  kInputObject,
  kDirective
};

// One struct for every type system definition and extension; `kind` says which
// members apply.
struct TypeSystemDefinition {
  TypeSystemKind kind = TypeSystemKind::kScalar;
  bool extension = false;
  Location loc;
  std::optional<Value> description;
  std::string_view name;            // "" for schema
  std::vector<NameRef> interfaces;  // object, interface
  std::vector<NameRef> members;     // union
  std::vector<Directive> directives;
  std::vector<FieldDefinition> fields;                       // object, interface
  std::vector<InputValueDefinition> input_fields;            // input object
  std::vector<InputValueDefinition> arguments;               // directive definition
  std::vector<EnumValueDefinition> values;                   // enum
  std::vector<RootOperationTypeDefinition> operation_types;  // schema
  std::vector<NameRef> locations;                            // directive definition
  bool repeatable = false;                                   // directive definition
};

using Definition = std::variant<OperationDefinition, FragmentDefinition, TypeSystemDefinition>;

// What execution works out once for a document object and keeps for its next
// executions (execute.cpp's plans). It points into the document's nodes, so a
// copy or move of the document starts empty: only the object it was made for
// may use it. A document must not change once it has been executed.
class ExecutionCache {
 public:
  ExecutionCache() = default;
  ExecutionCache(const ExecutionCache&) noexcept {}
  ExecutionCache(ExecutionCache&&) noexcept {}
  ExecutionCache& operator=(const ExecutionCache&) noexcept { return reset(); }
  ExecutionCache& operator=(ExecutionCache&&) noexcept { return reset(); }
  ~ExecutionCache() = default;

  // The content, made by `make` on first use, by whichever thread comes
  // first. Type-erased: the language layer knows nothing of execution.
  template <typename T, typename Make>
  std::shared_ptr<T> get_or_make(Make make) const {
    std::lock_guard lock(mutex_);
    if (!content_) content_ = make();
    return std::static_pointer_cast<T>(content_);
  }

 private:
  ExecutionCache& reset() noexcept {
    std::lock_guard lock(mutex_);
    content_.reset();
    return *this;
  }
  mutable std::mutex mutex_;
  mutable std::shared_ptr<void> content_;
};

struct Document {
  std::shared_ptr<const std::string> source;
  std::vector<Definition> definitions;
  ExecutionCache execution_cache;
};

}  // namespace myspace::graphql::ast
