#include "graphql/type/introspection.h"

#include <atomic>
#include <boost/json/array.hpp>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

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
) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION
"Exposes a URL that specifies the behavior of this scalar."
directive @specifiedBy("The URL that specifies the behavior of this scalar." url: String!) on SCALAR
"Indicates exactly one field must be supplied and this field must not be `null`."
directive @oneOf on INPUT_OBJECT

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
  directives(includeDeprecated: Boolean! = false): [__Directive!]!
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
  isOneOf: Boolean
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
  isDeprecated: Boolean!
  deprecationReason: String
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
  "Location adjacent to a directive definition."
  DIRECTIVE_DEFINITION
}
)GRAPHQL";

namespace json = boost::json;

Value optional_string(const std::optional<std::string>& s) {
  return s ? Value(json::string(*s)) : Value(nullptr);
}

// What introspection reports for one type reference ("[Human!]!" is one,
// "Human!" another, "Human" a third). Lists are null where the kind has
// none.
struct TypeEntry {
  // The __Type value of this reference: {"kind", "name", "$type": index of
  // this entry}. kind and name are read from it by the default resolver (they
  // are most of what introspection asks); the other fields find the entry by
  // its index.
  Value reference;
  Value description;
  Value specified_by_url;
  Value fields;  // without the deprecated ones; all_fields with them
  Value all_fields;
  Value interfaces;
  Value possible_types;
  Value enum_values;
  Value all_enum_values;
  Value input_fields;
  Value all_input_fields;
  Value of_type;    // the inner reference of a wrapper
  Value is_one_of;  // a boolean for input objects, else null
};

// Everything introspection reports about a schema, as JSON, built once on
// first use: the schema no longer changes once it serves requests, so every
// introspection request reads these values in place (borrowing resolvers)
// instead of rebuilding and copying them. Read-only once built, so shared by
// all threads.
class IntrospectionCache {
 public:
  // (An atomic flag rather than std::call_once, which costs a TLS round trip
  // per call in libstdc++: this runs for many introspection fields.)
  const IntrospectionCache& built_for(const Schema& schema) {
    if (!built_.load(std::memory_order_acquire)) {
      std::lock_guard lock(building_);
      if (!built_.load(std::memory_order_relaxed)) {
        build(schema);
        built_.store(true, std::memory_order_release);
      }
    }
    return *this;
  }

  // The entry of a __Type value (throws, failing the field, for a value that
  // is not one of ours).
  const TypeEntry& entry(const Value& type_value) const {
    return entries_.at(type_value.at("$type").as_uint64());
  }
  // The __Type value of a named type of the schema, or null (for a wrapper
  // reference too: "[Human]" names no type).
  const Value& named(const Schema& schema, std::string_view name) const {
    static const Value kNull;
    auto it = indexes_.find(name);
    if (it == indexes_.end() || schema.type(name) == nullptr) return kNull;
    return entries_[it->second].reference;
  }
  const Value& description() const { return description_; }
  const Value& types() const { return types_; }
  const Value& query_type() const { return query_type_; }
  const Value& mutation_type() const { return mutation_type_; }
  const Value& subscription_type() const { return subscription_type_; }
  const Value& directives() const { return directives_; }  // without the deprecated ones
  const Value& all_directives() const { return all_directives_; }

 private:
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  void build(const Schema& schema) {
    // Every named type first: the lists below refer to them.
    for (const Type* type : schema.types()) add_entry(type);
    for (const Type* type : schema.types()) describe_named(*type);
    description_ = optional_string(schema.description());
    types_ = references(schema.introspection_types());
    query_type_ = reference_or_null(schema.query_type());
    mutation_type_ = reference_or_null(schema.mutation_type());
    subscription_type_ = reference_or_null(schema.subscription_type());
    json::array directives;
    json::array all_directives;
    for (const Directive* d : schema.directives()) {
      all_directives.push_back(directive_json(*d));
      if (!d->deprecation_reason) directives.push_back(all_directives.back());
    }
    directives_ = std::move(directives);
    all_directives_ = std::move(all_directives);
  }

  // The entry of a type reference, made on first use (a wrapper's after the
  // entry of the type it wraps).
  const TypeEntry& reference_entry(const Type* type) {
    auto it = indexes_.find(type_string(type));
    if (it != indexes_.end()) return entries_[it->second];
    return add_entry(type);
  }

  TypeEntry& add_entry(const Type* type) {
    const Value of_type = type->is_wrapper() ? reference_entry(type->of_type).reference : Value();
    const std::size_t index = entries_.size();
    TypeEntry& entry = entries_.emplace_back();
    indexes_.emplace(type_string(type), index);
    // ("$type" first: every field but kind and name looks it up.)
    entry.reference = json::object{
        {"$type", static_cast<std::uint64_t>(index)},
        {"kind", type_kind_name(type->kind)},
        {"name", type->is_wrapper() ? Value(nullptr) : Value(json::string(type->name))}};
    entry.of_type = of_type;
    return entry;
  }

  const Value& reference(const Type* type) { return reference_entry(type).reference; }

  Value reference_or_null(const Type* type) {
    return type != nullptr ? reference(type) : Value(nullptr);
  }

  Value references(const std::vector<const Type*>& types) {
    json::array out;
    for (const Type* t : types) out.push_back(reference(t));
    return out;
  }

  void describe_named(const Type& type) {
    TypeEntry& entry = entries_[indexes_.find(type.name)->second];  // made by build()
    entry.description = optional_string(type.description);
    entry.specified_by_url = optional_string(type.specified_by_url);
    if (type.kind == TypeKind::kObject || type.kind == TypeKind::kInterface) {
      entry.fields = fields_json(type, false);
      entry.all_fields = fields_json(type, true);
      entry.interfaces = references(type.interfaces);
    }
    if (type.kind == TypeKind::kInterface || type.kind == TypeKind::kUnion) {
      entry.possible_types = references(type.possible_types);
    }
    if (type.kind == TypeKind::kEnum) {
      entry.enum_values = enum_values_json(type, false);
      entry.all_enum_values = enum_values_json(type, true);
    }
    if (type.kind == TypeKind::kInputObject) {
      entry.input_fields = input_values_json(type.input_fields, false);
      entry.all_input_fields = input_values_json(type.input_fields, true);
      entry.is_one_of = type.one_of;
    }
  }

  Value directive_json(const Directive& d) {
    json::array locations;
    for (const auto& l : d.locations) locations.emplace_back(l);
    return json::object{{"name", d.name},
                        {"description", optional_string(d.description)},
                        {"isRepeatable", d.repeatable},
                        {"locations", std::move(locations)},
                        {"$args", input_values_json(d.arguments, false)},
                        {"$allArgs", input_values_json(d.arguments, true)},
                        {"isDeprecated", d.deprecation_reason.has_value()},
                        {"deprecationReason", optional_string(d.deprecation_reason)}};
  }

  Value fields_json(const Type& type, bool include_deprecated) {
    json::array out;
    for (const auto& f : type.fields) {
      if (!include_deprecated && f.deprecation_reason) continue;
      out.push_back(json::object{{"name", f.name},
                                 {"description", optional_string(f.description)},
                                 {"$args", input_values_json(f.arguments, false)},
                                 {"$allArgs", input_values_json(f.arguments, true)},
                                 {"type", reference(f.type)},
                                 {"isDeprecated", f.deprecation_reason.has_value()},
                                 {"deprecationReason", optional_string(f.deprecation_reason)}});
    }
    return out;
  }

  static Value enum_values_json(const Type& type, bool include_deprecated) {
    json::array out;
    for (const auto& v : type.values) {
      if (!include_deprecated && v.deprecation_reason) continue;
      out.push_back(json::object{{"name", v.name},
                                 {"description", optional_string(v.description)},
                                 {"isDeprecated", v.deprecation_reason.has_value()},
                                 {"deprecationReason", optional_string(v.deprecation_reason)}});
    }
    return out;
  }

  Value input_value_json(const InputValue& v) {
    return json::object{
        {"name", v.name},
        {"description", optional_string(v.description)},
        {"type", reference(v.type)},
        {"defaultValue",
         v.default_value ? Value(json::string(print(*v.default_value))) : Value(nullptr)},
        {"isDeprecated", v.deprecation_reason.has_value()},
        {"deprecationReason", optional_string(v.deprecation_reason)}};
  }

  Value input_values_json(const std::vector<InputValue>& values, bool include_deprecated) {
    json::array out;
    for (const auto& v : values) {
      if (include_deprecated || !v.deprecation_reason) out.push_back(input_value_json(v));
    }
    return out;
  }

  std::atomic<bool> built_{false};
  std::mutex building_;
  std::deque<TypeEntry> entries_;  // stable addresses while entries are added
  std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>> indexes_;
  Value description_;
  Value types_;
  Value query_type_;
  Value mutation_type_;
  Value subscription_type_;
  Value directives_;
  Value all_directives_;
};

using Cache = std::shared_ptr<IntrospectionCache>;

bool include_deprecated(const ResolveInfo& info) {
  const auto* arg = info.args.if_contains("includeDeprecated");
  return arg != nullptr && arg->is_bool() && arg->get_bool();
}

void bind_schema_type(Schema& schema, const Cache& cache) {
  // Each resolver reads one value of the cache.
  auto bind = [&](std::string_view field, const Value& (IntrospectionCache::*value)() const) {
    schema.resolve_borrowed("__Schema", field, [cache, value](ResolveInfo& info) -> const Value& {
      return (cache->built_for(info.schema).*value)();
    });
  };
  bind("description", &IntrospectionCache::description);
  bind("types", &IntrospectionCache::types);
  bind("queryType", &IntrospectionCache::query_type);
  bind("mutationType", &IntrospectionCache::mutation_type);
  bind("subscriptionType", &IntrospectionCache::subscription_type);
  schema.resolve_borrowed("__Schema", "directives", [cache](ResolveInfo& info) -> const Value& {
    const IntrospectionCache& built = cache->built_for(info.schema);
    return include_deprecated(info) ? built.all_directives() : built.directives();
  });
}

void bind_type_type(Schema& schema, const Cache& cache) {
  // kind and name are members of the __Type value itself (default resolver);
  // each other field reads one member of the value's entry, or for the lists
  // taking includeDeprecated one of two.
  auto bind = [&](std::string_view field, Value TypeEntry::*value,
                  Value TypeEntry::*with_deprecated = nullptr) {
    schema.resolve_borrowed(
        "__Type", field, [cache, value, with_deprecated](ResolveInfo& info) -> const Value& {
          const TypeEntry& entry = cache->built_for(info.schema).entry(info.parent.json());
          if (with_deprecated != nullptr && include_deprecated(info)) return entry.*with_deprecated;
          return entry.*value;
        });
  };
  bind("description", &TypeEntry::description);
  bind("specifiedByURL", &TypeEntry::specified_by_url);
  bind("fields", &TypeEntry::fields, &TypeEntry::all_fields);
  bind("interfaces", &TypeEntry::interfaces);
  bind("possibleTypes", &TypeEntry::possible_types);
  bind("enumValues", &TypeEntry::enum_values, &TypeEntry::all_enum_values);
  bind("inputFields", &TypeEntry::input_fields, &TypeEntry::all_input_fields);
  bind("ofType", &TypeEntry::of_type);
  bind("isOneOf", &TypeEntry::is_one_of);
}

// args(includeDeprecated) of __Field and __Directive: one of the two lists
// the parent holds.
const Value& args_of(ResolveInfo& info) {
  return info.parent.json().at(include_deprecated(info) ? "$allArgs" : "$args");
}

}  // namespace

std::string_view builtin_sdl() {
  return kBuiltins;
}

void bind_introspection(Schema& schema, Field& type_field) {
  auto cache = std::make_shared<IntrospectionCache>();
  bind_schema_type(schema, cache);
  bind_type_type(schema, cache);
  schema.resolve_borrowed("__Field", "args", args_of);
  schema.resolve_borrowed("__Directive", "args", args_of);
  type_field.borrowing_resolver = [cache](ResolveInfo& info) -> const Value& {
    return cache->built_for(info.schema).named(info.schema, info.args.at("name").as_string());
  };
}

}  // namespace myspace::graphql
