#include "graphql/type/introspection.h"

#include <boost/json/array.hpp>

#include "graphql/language/printer.h"
#include "graphql/type/schema.h"

namespace myspace::graphql {
namespace {

constexpr std::string_view kBuiltins = R"GRAPHQL(
"The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1."
scalar Int
"The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."
scalar Float
"The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text."
scalar String
"The `Boolean` scalar type represents `true` or `false`."
scalar Boolean
"The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID."
scalar ID

"Directs the executor to include this field or fragment only when the `if` argument is true."
directive @include("Included when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
"Directs the executor to skip this field or fragment when the `if` argument is true."
directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
"Marks an element of a GraphQL schema as no longer supported."
directive @deprecated(
  "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."
  reason: String = "No longer supported"
) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
"Exposes a URL that specifies the behavior of this scalar."
directive @specifiedBy("The URL that specifies the behavior of this scalar." url: String!) on SCALAR

"A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations."
type __Schema {
  description: String
  "A list of all types supported by this server."
  types: [__Type!]!
  "The type that query operations will be rooted at."
  queryType: __Type!
  "If this server supports mutation, the type that mutation operations will be rooted at."
  mutationType: __Type
  "If this server support subscription, the type that subscription operations will be rooted at."
  subscriptionType: __Type
  "A list of all directives supported by this server."
  directives: [__Directive!]!
}

"The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types."
type __Type {
  kind: __TypeKind!
  name: String
  description: String
  specifiedByURL: String
  fields(includeDeprecated: Boolean = false): [__Field!]
  interfaces: [__Type!]
  possibleTypes: [__Type!]
  enumValues(includeDeprecated: Boolean = false): [__EnumValue!]
  inputFields(includeDeprecated: Boolean = false): [__InputValue!]
  ofType: __Type
}

"An enum describing what kind of type a given `__Type` is."
enum __TypeKind {
  "Indicates this type is a scalar."
  SCALAR
  "Indicates this type is an object. `fields` and `interfaces` are valid fields."
  OBJECT
  "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."
  INTERFACE
  "Indicates this type is a union. `possibleTypes` is a valid field."
  UNION
  "Indicates this type is an enum. `enumValues` is a valid field."
  ENUM
  "Indicates this type is an input object. `inputFields` is a valid field."
  INPUT_OBJECT
  "Indicates this type is a list. `ofType` is a valid field."
  LIST
  "Indicates this type is a non-null. `ofType` is a valid field."
  NON_NULL
}

"Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type."
type __Field {
  name: String!
  description: String
  args(includeDeprecated: Boolean = false): [__InputValue!]!
  type: __Type!
  isDeprecated: Boolean!
  deprecationReason: String
}

"Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value."
type __InputValue {
  name: String!
  description: String
  type: __Type!
  "A GraphQL-formatted string representing the default value for this input value."
  defaultValue: String
  isDeprecated: Boolean!
  deprecationReason: String
}

"One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string."
type __EnumValue {
  name: String!
  description: String
  isDeprecated: Boolean!
  deprecationReason: String
}

"A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor."
type __Directive {
  name: String!
  description: String
  isRepeatable: Boolean!
  locations: [__DirectiveLocation!]!
  args(includeDeprecated: Boolean = false): [__InputValue!]!
}

"A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies."
enum __DirectiveLocation {
  "Location adjacent to a query operation."
  QUERY
  "Location adjacent to a mutation operation."
  MUTATION
  "Location adjacent to a subscription operation."
  SUBSCRIPTION
  "Location adjacent to a field."
  FIELD
  "Location adjacent to a fragment definition."
  FRAGMENT_DEFINITION
  "Location adjacent to a fragment spread."
  FRAGMENT_SPREAD
  "Location adjacent to an inline fragment."
  INLINE_FRAGMENT
  "Location adjacent to a variable definition."
  VARIABLE_DEFINITION
  "Location adjacent to a schema definition."
  SCHEMA
  "Location adjacent to a scalar definition."
  SCALAR
  "Location adjacent to an object type definition."
  OBJECT
  "Location adjacent to a field definition."
  FIELD_DEFINITION
  "Location adjacent to an argument definition."
  ARGUMENT_DEFINITION
  "Location adjacent to an interface definition."
  INTERFACE
  "Location adjacent to a union definition."
  UNION
  "Location adjacent to an enum definition."
  ENUM
  "Location adjacent to an enum value definition."
  ENUM_VALUE
  "Location adjacent to an input object type definition."
  INPUT_OBJECT
  "Location adjacent to an input object field definition."
  INPUT_FIELD_DEFINITION
}
)GRAPHQL";

Value optional_string(const std::optional<std::string>& s) {
  return s ? Value(boost::json::string(*s)) : Value(nullptr);
}

Value input_value_json(const InputValue& v) {
  return boost::json::object{
      {"name", v.name},
      {"description", optional_string(v.description)},
      {"type", type_string(v.type)},
      {"defaultValue",
       v.default_value ? Value(boost::json::string(print(*v.default_value))) : Value(nullptr)},
      {"isDeprecated", v.deprecation_reason.has_value()},
      {"deprecationReason", optional_string(v.deprecation_reason)}};
}

// Deprecated input values are listed only when asked for (includeDeprecated).
Value input_values_json(const std::vector<InputValue>& values, bool include_deprecated) {
  boost::json::array out;
  for (const auto& v : values) {
    if (include_deprecated || !v.deprecation_reason) out.push_back(input_value_json(v));
  }
  return out;
}

bool include_deprecated(const ResolveInfo& info) {
  const auto* arg = info.args.if_contains("includeDeprecated");
  return arg != nullptr && arg->is_bool() && arg->get_bool();
}

// A __Type value is the printed type reference; this is its outermost layer.
struct TypeRefView {
  TypeKind kind;
  std::string_view inner;  // for wrappers
  const Type* named;       // for named types
};

TypeRefView view_type_ref(const Schema& schema, const Value& parent) {
  std::string_view ref = parent.as_string();
  if (!ref.empty() && ref.back() == '!')
    return {TypeKind::kNonNull, ref.substr(0, ref.size() - 1), nullptr};
  if (!ref.empty() && ref.front() == '[')
    return {TypeKind::kList, ref.substr(1, ref.size() - 2), nullptr};
  const Type* named = schema.type(ref);
  if (named == nullptr) throw std::logic_error("introspection of unknown type " + std::string(ref));
  return {named->kind, {}, named};
}

Value type_names(const std::vector<const Type*>& types) {
  boost::json::array out;
  for (const Type* t : types) out.emplace_back(t->name);
  return out;
}

void bind_schema_type(Schema& schema) {
  schema.resolve_sync("__Schema", "description",
                      [](ResolveInfo& info) { return optional_string(info.schema.description()); });
  schema.resolve_sync("__Schema", "types", [](ResolveInfo& info) {
    return type_names(info.schema.introspection_types());
  });
  schema.resolve_sync("__Schema", "queryType",
                      [](ResolveInfo& info) { return Value(info.schema.query_type()->name); });
  auto root = [](const Type* t) {
    return t ? Value(boost::json::string(t->name)) : Value(nullptr);
  };
  schema.resolve_sync("__Schema", "mutationType",
                      [root](ResolveInfo& info) { return root(info.schema.mutation_type()); });
  schema.resolve_sync("__Schema", "subscriptionType",
                      [root](ResolveInfo& info) { return root(info.schema.subscription_type()); });
  schema.resolve_sync("__Schema", "directives", [](ResolveInfo& info) {
    boost::json::array out;
    for (const Directive* d : info.schema.directives()) {
      boost::json::array locations;
      for (const auto& l : d->locations) locations.emplace_back(l);
      out.push_back(boost::json::object{{"name", d->name},
                                        {"description", optional_string(d->description)},
                                        {"isRepeatable", d->repeatable},
                                        {"locations", std::move(locations)},
                                        {"$args", input_values_json(d->arguments, true)}});
    }
    return Value(std::move(out));
  });
}

// args(includeDeprecated) of __Field and __Directive filter the "$args" member.
Value filter_args(ResolveInfo& info) {
  const bool all = include_deprecated(info);
  boost::json::array out;
  for (const auto& arg : info.parent.at("$args").as_array()) {
    if (all || !arg.at("isDeprecated").as_bool()) out.push_back(arg);
  }
  return out;
}

void bind_type_type(Schema& schema) {
  schema.resolve_sync("__Type", "kind", [](ResolveInfo& info) {
    return Value(boost::json::string(type_kind_name(view_type_ref(info.schema, info.parent).kind)));
  });
  schema.resolve_sync("__Type", "name", [](ResolveInfo& info) {
    auto view = view_type_ref(info.schema, info.parent);
    return view.named ? Value(boost::json::string(view.named->name)) : Value(nullptr);
  });
  schema.resolve_sync("__Type", "description", [](ResolveInfo& info) {
    auto view = view_type_ref(info.schema, info.parent);
    return view.named ? optional_string(view.named->description) : Value(nullptr);
  });
  schema.resolve_sync("__Type", "specifiedByURL", [](ResolveInfo& info) {
    auto view = view_type_ref(info.schema, info.parent);
    return view.named ? optional_string(view.named->specified_by_url) : Value(nullptr);
  });
  schema.resolve_sync("__Type", "fields", [](ResolveInfo& info) -> Value {
    auto view = view_type_ref(info.schema, info.parent);
    if (view.kind != TypeKind::kObject && view.kind != TypeKind::kInterface) return nullptr;
    const bool all = include_deprecated(info);
    boost::json::array out;
    for (const auto& f : view.named->fields) {
      if (!all && f.deprecation_reason) continue;
      out.push_back(
          boost::json::object{{"name", f.name},
                              {"description", optional_string(f.description)},
                              {"$args", input_values_json(f.arguments, true)},
                              {"type", type_string(f.type)},
                              {"isDeprecated", f.deprecation_reason.has_value()},
                              {"deprecationReason", optional_string(f.deprecation_reason)}});
    }
    return out;
  });
  schema.resolve_sync("__Type", "interfaces", [](ResolveInfo& info) -> Value {
    auto view = view_type_ref(info.schema, info.parent);
    if (view.kind != TypeKind::kObject && view.kind != TypeKind::kInterface) return nullptr;
    return type_names(view.named->interfaces);
  });
  schema.resolve_sync("__Type", "possibleTypes", [](ResolveInfo& info) -> Value {
    auto view = view_type_ref(info.schema, info.parent);
    if (view.kind != TypeKind::kInterface && view.kind != TypeKind::kUnion) return nullptr;
    return type_names(view.named->possible_types);
  });
  schema.resolve_sync("__Type", "enumValues", [](ResolveInfo& info) -> Value {
    auto view = view_type_ref(info.schema, info.parent);
    if (view.kind != TypeKind::kEnum) return nullptr;
    const bool all = include_deprecated(info);
    boost::json::array out;
    for (const auto& v : view.named->values) {
      if (!all && v.deprecation_reason) continue;
      out.push_back(
          boost::json::object{{"name", v.name},
                              {"description", optional_string(v.description)},
                              {"isDeprecated", v.deprecation_reason.has_value()},
                              {"deprecationReason", optional_string(v.deprecation_reason)}});
    }
    return out;
  });
  schema.resolve_sync("__Type", "inputFields", [](ResolveInfo& info) -> Value {
    auto view = view_type_ref(info.schema, info.parent);
    if (view.kind != TypeKind::kInputObject) return nullptr;
    return input_values_json(view.named->input_fields, include_deprecated(info));
  });
  schema.resolve_sync("__Type", "ofType", [](ResolveInfo& info) -> Value {
    auto view = view_type_ref(info.schema, info.parent);
    if (view.named != nullptr) return nullptr;
    return boost::json::string(view.inner);
  });
}

}  // namespace

std::string_view builtin_sdl() {
  return kBuiltins;
}

void bind_introspection(Schema& schema) {
  bind_schema_type(schema);
  bind_type_type(schema);
  schema.resolve_sync("__Field", "args", filter_args);
  schema.resolve_sync("__Directive", "args", filter_args);
}

}  // namespace myspace::graphql
