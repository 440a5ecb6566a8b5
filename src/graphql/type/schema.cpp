#include "graphql/type/schema.h"

#include <algorithm>
#include <atomic>
#include <set>

#include "graphql/language/parser.h"
#include "graphql/type/introspection.h"
#include "graphql/type/scalars.h"
#include "graphql/type/validate_schema.h"

namespace myspace::graphql {
namespace {

std::string join_messages(const std::vector<GraphQLError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += "\n";
    out += e.message;
  }
  return out;
}

std::optional<std::string> description_of(const std::optional<ast::Value>& desc) {
  if (!desc) return std::nullopt;
  return desc->string;
}

std::string_view kind_word(TypeKind kind) {
  switch (kind) {
    case TypeKind::kScalar:
      return "scalar";
    case TypeKind::kObject:
      return "object";
    case TypeKind::kInterface:
      return "interface";
    case TypeKind::kUnion:
      return "union";
    case TypeKind::kEnum:
      return "enum";
    case TypeKind::kInputObject:
      return "input object";
    default:
      return "";
  }
}

TypeKind kind_of(ast::TypeSystemKind kind) {
  switch (kind) {
    case ast::TypeSystemKind::kObject:
      return TypeKind::kObject;
    case ast::TypeSystemKind::kInterface:
      return TypeKind::kInterface;
    case ast::TypeSystemKind::kUnion:
      return TypeKind::kUnion;
    case ast::TypeSystemKind::kEnum:
      return TypeKind::kEnum;
    case ast::TypeSystemKind::kInputObject:
      return TypeKind::kInputObject;
    default:
      return TypeKind::kScalar;
  }
}

const ast::Directive* find_directive(const std::vector<ast::Directive>& directives,
                                     std::string_view name) {
  for (const auto& d : directives) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

// The reason of an @deprecated directive, if present.
std::optional<std::string> deprecation_of(const std::vector<ast::Directive>& directives) {
  const ast::Directive* d = find_directive(directives, "deprecated");
  if (d == nullptr) return std::nullopt;
  for (const auto& arg : d->arguments) {
    if (arg.name == "reason" && arg.value.kind == ast::ValueKind::kString) return arg.value.string;
  }
  return "No longer supported";
}

}  // namespace

SchemaError::SchemaError(std::vector<GraphQLError> errors)
    : std::runtime_error(join_messages(errors)), errors_(std::move(errors)) {}

const Type* TypeArena::list_of(const Type* type) {
  Type& t = types_.emplace_back();
  t.kind = TypeKind::kList;
  t.of_type = type;
  return &t;
}

const Type* TypeArena::non_null(const Type* type) {
  Type& t = types_.emplace_back();
  t.kind = TypeKind::kNonNull;
  t.of_type = type;
  return &t;
}

// Turns parsed SDL into a Schema: registers named types, applies extensions,
// fills in fields and members, picks root types, then validates.
class SchemaBuilder {
 public:
  explicit SchemaBuilder(Schema& schema) : s_(schema) {}

  void build(std::string_view sdl) {
    s_.documents_.reserve(2);
    // Schemas may deprecate directives (`directive @old @deprecated on FIELD`).
    ParseOptions options;
    options.directives_on_directive_definitions = true;
    s_.documents_.push_back(parse(std::string(builtin_sdl()), options));
    try {
      s_.documents_.push_back(parse(std::string(sdl), options));
    } catch (const GraphQLException& e) {
      throw SchemaError({e.error()});
    }
    for (std::size_t i = 0; i < s_.documents_.size(); ++i)
      register_definitions(s_.documents_[i], i == 0);
    for (auto* ext : extensions_) apply_extension(*ext);
    for (auto& [type, defs] : definitions_) fill_type(*type, defs);
    for (auto* def : directive_defs_) add_directive(*def);
    for (auto* ext : directive_extensions_) apply_directive_extension(*ext);
    pick_root_types();
    link_possible_types();
    if (!errors_.empty()) throw SchemaError(std::move(errors_));
    auto schema_errors = validate_sdl_directives(s_, s_.documents_.back());
    auto type_errors = validate_schema(s_);
    schema_errors.insert(schema_errors.end(), type_errors.begin(), type_errors.end());
    if (!schema_errors.empty()) throw SchemaError(std::move(schema_errors));
    bind_builtins();
    order_for_introspection();
  }

 private:
  void error(std::string message, SourceLocation loc = {}) {
    GraphQLError e;
    e.message = std::move(message);
    if (loc.line != 0) e.locations.push_back(loc);
    errors_.push_back(std::move(e));
  }

  void register_definitions(const ast::Document& doc, bool builtin) {
    for (const auto& def : doc.definitions) {
      const auto* tdef = std::get_if<ast::TypeSystemDefinition>(&def);
      if (tdef == nullptr) {
        error("GraphQL schema documents must not contain operations or fragments.");
        continue;
      }
      if (tdef->extension && tdef->kind == ast::TypeSystemKind::kDirective) {
        directive_extensions_.push_back(tdef);
      } else if (tdef->extension) {
        extensions_.push_back(tdef);
      } else if (tdef->kind == ast::TypeSystemKind::kSchema) {
        if (schema_def_ != nullptr) error("Must provide only one schema definition.", tdef->loc);
        schema_def_ = tdef;
      } else if (tdef->kind == ast::TypeSystemKind::kDirective) {
        register_directive(*tdef, builtin);
      } else {
        register_type(*tdef, builtin);
      }
    }
  }

  void register_directive(const ast::TypeSystemDefinition& def, bool builtin) {
    for (const auto* existing : directive_defs_) {
      if (existing->name != def.name) continue;
      error(builtin_directives_.count(std::string(def.name))
                ? "Directive \"@" + std::string(def.name) +
                      "\" already exists in the schema. It cannot be redefined."
                : "There can be only one directive named \"@" + std::string(def.name) + "\".",
            def.loc);
      return;
    }
    if (builtin) builtin_directives_.insert(std::string(def.name));
    directive_defs_.push_back(&def);
  }

  void register_type(const ast::TypeSystemDefinition& def, bool builtin) {
    if (auto it = s_.types_.find(def.name); it != s_.types_.end()) {
      error(builtin_types_.count(std::string(def.name))
                ? "Type \"" + std::string(def.name) +
                      "\" already exists in the schema. It cannot also be defined in this type "
                      "definition."
                : "There can be only one type named \"" + std::string(def.name) + "\".",
            def.loc);
      return;
    }
    if (builtin) builtin_types_.insert(std::string(def.name));
    Type& type = s_.named_types_.emplace_back();
    type.kind = kind_of(def.kind);
    type.name = std::string(def.name);
    type.description = description_of(def.description);
    s_.types_.emplace(type.name, &type);
    s_.type_list_.push_back(&type);
    definitions_.emplace_back(&type, std::vector<const ast::TypeSystemDefinition*>{&def});
  }

  void apply_extension(const ast::TypeSystemDefinition& ext) {
    if (ext.kind == ast::TypeSystemKind::kSchema) {
      schema_extensions_.push_back(&ext);
      return;
    }
    for (auto& [type, defs] : definitions_) {
      if (type->name != ext.name) continue;
      if (type->kind != kind_of(ext.kind)) {
        error("Cannot extend non-" + std::string(kind_word(kind_of(ext.kind))) + " type \"" +
                  type->name + "\".",
              ext.loc);
      } else if (builtin_types_.count(type->name)) {
        error("Cannot extend built-in type \"" + type->name + "\".", ext.loc);
      } else {
        defs.push_back(&ext);
      }
      return;
    }
    error("Cannot extend type \"" + std::string(ext.name) + "\" because it is not defined.",
          ext.loc);
  }

  const Type* resolve_named(std::string_view name, SourceLocation loc) {
    const Type* type = s_.type(name);
    if (type == nullptr) error("Unknown type \"" + std::string(name) + "\".", loc);
    return type;
  }

  const Type* resolve_ref(const ast::TypeRef& ref) {
    switch (ref.kind) {
      case ast::TypeRef::Kind::kNamed:
        return resolve_named(ref.name, ref.loc);
      case ast::TypeRef::Kind::kList: {
        const Type* inner = resolve_ref(*ref.of);
        return inner ? s_.arena_.list_of(inner) : nullptr;
      }
      case ast::TypeRef::Kind::kNonNull: {
        const Type* inner = resolve_ref(*ref.of);
        return inner ? s_.arena_.non_null(inner) : nullptr;
      }
    }
    return nullptr;
  }

  InputValue make_input_value(const ast::InputValueDefinition& def) {
    InputValue v;
    v.name = std::string(def.name);
    v.description = description_of(def.description);
    v.type = resolve_ref(def.type);
    v.default_value = def.default_value ? &*def.default_value : nullptr;
    v.deprecation_reason = deprecation_of(def.directives);
    return v;
  }

  void fill_type(Type& type, const std::vector<const ast::TypeSystemDefinition*>& defs) {
    for (const auto* def : defs) {
      for (const auto& f : def->fields) {
        Field field;
        field.name = std::string(f.name);
        field.description = description_of(f.description);
        for (const auto& arg : f.arguments) field.arguments.push_back(make_input_value(arg));
        field.type = resolve_ref(f.type);
        field.deprecation_reason = deprecation_of(f.directives);
        type.fields.push_back(std::move(field));
      }
      for (const auto& ref : def->interfaces) {
        if (const Type* t = resolve_named(ref.name, ref.loc)) type.interfaces.push_back(t);
      }
      for (const auto& ref : def->members) {
        if (const Type* t = resolve_named(ref.name, ref.loc)) type.possible_types.push_back(t);
      }
      for (const auto& v : def->values) {
        type.values.push_back(
            {std::string(v.name), description_of(v.description), deprecation_of(v.directives)});
      }
      for (const auto& f : def->input_fields) type.input_fields.push_back(make_input_value(f));
      if (find_directive(def->directives, "oneOf") != nullptr) type.one_of = true;
      if (const auto* d = find_directive(def->directives, "specifiedBy")) {
        for (const auto& arg : d->arguments) {
          if (arg.name == "url" && arg.value.kind == ast::ValueKind::kString) {
            type.specified_by_url = arg.value.string;
          }
        }
      }
    }
  }

  void add_directive(const ast::TypeSystemDefinition& def) {
    Directive& d = s_.directive_storage_.emplace_back();
    d.name = std::string(def.name);
    d.description = description_of(def.description);
    for (const auto& arg : def.arguments) d.arguments.push_back(make_input_value(arg));
    for (const auto& loc : def.locations) d.locations.emplace_back(loc.name);
    d.repeatable = def.repeatable;
    d.deprecation_reason = deprecation_of(def.directives);
    s_.directive_list_.push_back(&d);
  }

  // `extend directive @name @deprecated`: a definition's own reason wins, as
  // in graphql-js.
  void apply_directive_extension(const ast::TypeSystemDefinition& ext) {
    for (auto& d : s_.directive_storage_) {
      if (d.name != ext.name) continue;
      if (builtin_directives_.count(d.name)) {
        error("Cannot extend built-in directive \"@" + d.name + "\".", ext.loc);
      } else if (!d.deprecation_reason) {
        d.deprecation_reason = deprecation_of(ext.directives);
      }
      return;
    }
    error("Cannot extend directive \"@" + std::string(ext.name) + "\" because it is not defined.",
          ext.loc);
  }

  // graphql-js's type map order, which introspection reports: each type of
  // the SDL in definition order, each followed by the types it references
  // first (depth first: interfaces, then field and argument types), then the
  // directives' argument types and the introspection types. Unreferenced
  // built-in scalars are left out, as graphql-js leaves them out.
  void order_for_introspection() {
    std::set<const Type*> seen;
    std::vector<const Type*>& order = s_.introspection_types_;
    auto collect = [&](auto& self, const Type* type) -> void {
      while (type->is_wrapper()) type = type->of_type;
      if (!seen.insert(type).second) return;
      order.push_back(type);
      if (type->kind == TypeKind::kUnion) {
        for (const Type* member : type->possible_types) self(self, member);
      } else if (type->kind == TypeKind::kObject || type->kind == TypeKind::kInterface) {
        for (const Type* iface : type->interfaces) self(self, iface);
        for (const Field& field : type->fields) {
          self(self, field.type);
          for (const InputValue& arg : field.arguments) self(self, arg.type);
        }
      } else if (type->kind == TypeKind::kInputObject) {
        for (const InputValue& field : type->input_fields) self(self, field.type);
      }
    };
    std::vector<const Type*> defined;
    for (const Type* type : s_.type_list_) {
      if (builtin_types_.count(type->name) == 0) defined.push_back(type);
    }
    seen.insert(defined.begin(), defined.end());
    for (const Type* type : defined) {
      seen.erase(type);
      collect(collect, type);
    }
    for (const Type* root : {s_.query_, s_.mutation_, s_.subscription_}) {
      if (root != nullptr) collect(collect, root);
    }
    // Directives as graphql-js lists them: the SDL's own, then the specified ones.
    auto& directives = s_.directive_list_;
    std::stable_partition(directives.begin(), directives.end(), [](const Directive* d) {
      return d->name != "include" && d->name != "skip" && d->name != "deprecated" &&
             d->name != "specifiedBy" && d->name != "oneOf";
    });
    for (const Directive* directive : directives) {
      for (const InputValue& arg : directive->arguments) collect(collect, arg.type);
    }
    collect(collect, s_.type("__Schema"));
  }

  void pick_root_types() {
    std::vector<const ast::TypeSystemDefinition*> schema_defs;
    if (schema_def_ != nullptr) schema_defs.push_back(schema_def_);
    for (const auto* ext : schema_extensions_) schema_defs.push_back(ext);
    if (schema_defs.empty() || std::all_of(schema_defs.begin(), schema_defs.end(),
                                           [](auto* d) { return d->operation_types.empty(); })) {
      s_.query_ = s_.type("Query");
      s_.mutation_ = s_.type("Mutation");
      s_.subscription_ = s_.type("Subscription");
    }
    for (const auto* def : schema_defs) {
      if (def == schema_def_) s_.description_ = description_of(def->description);
      for (const auto& op : def->operation_types) {
        const Type** slot = op.operation == ast::OperationType::kQuery      ? &s_.query_
                            : op.operation == ast::OperationType::kMutation ? &s_.mutation_
                                                                            : &s_.subscription_;
        if (*slot != nullptr) {
          error("There can be only one " + std::string(ast::operation_type_name(op.operation)) +
                    " type in schema.",
                op.loc);
        }
        *slot = resolve_named(op.type, op.loc);
      }
    }
  }

  void link_possible_types() {
    for (Type& type : s_.named_types_) {
      if (type.kind != TypeKind::kObject) continue;
      for (const Type* iface : type.interfaces) {
        auto* target = s_.types_.at(iface->name);
        if (target->kind == TypeKind::kInterface) target->possible_types.push_back(&type);
      }
    }
  }

  void bind_builtins() {
    for (Type& type : s_.named_types_) {
      if (auto functions = specified_scalar(type.name);
          functions && type.kind == TypeKind::kScalar) {
        type.scalar = std::move(*functions);
      }
    }
    const Type* string_type = s_.type("String");
    s_.typename_field_.name = "__typename";
    s_.typename_field_.description = "The name of the current Object type at runtime.";
    s_.typename_field_.type = s_.arena_.non_null(string_type);
    s_.typename_field_.sync_resolver = [](ResolveInfo& info) {
      return Value(info.parent_type.name);
    };
    s_.schema_field_.name = "__schema";
    s_.schema_field_.description = "Access the current type schema of this server.";
    s_.schema_field_.type = s_.arena_.non_null(s_.type("__Schema"));
    s_.schema_field_.sync_resolver = [](ResolveInfo&) { return Value(boost::json::object()); };
    s_.type_field_.name = "__type";
    s_.type_field_.description = "Request the type information of a single type.";
    s_.type_field_.type = s_.type("__Type");
    InputValue name_arg;
    name_arg.name = "name";
    name_arg.type = s_.arena_.non_null(string_type);
    s_.type_field_.arguments.push_back(std::move(name_arg));
    bind_introspection(s_, s_.type_field_);
  }

  Schema& s_;
  std::vector<GraphQLError> errors_;
  std::vector<std::pair<Type*, std::vector<const ast::TypeSystemDefinition*>>> definitions_;
  std::vector<const ast::TypeSystemDefinition*> extensions_;
  std::vector<const ast::TypeSystemDefinition*> schema_extensions_;
  std::vector<const ast::TypeSystemDefinition*> directive_defs_;
  std::vector<const ast::TypeSystemDefinition*> directive_extensions_;
  const ast::TypeSystemDefinition* schema_def_ = nullptr;
  std::set<std::string, std::less<>> builtin_types_;
  std::set<std::string, std::less<>> builtin_directives_;
};

std::shared_ptr<Schema> Schema::from_sdl(std::string_view sdl) {
  std::shared_ptr<Schema> schema(new Schema());
  SchemaBuilder(*schema).build(sdl);
  schema->changed();
  return schema;
}

Schema& Schema::changed() {
  // Unique across schemas too, so a schema made where a freed one was does
  // not inherit what was kept for it.
  static std::atomic<std::uint64_t> generations{0};
  generation_ = ++generations;
  return *this;
}

namespace {

[[noreturn]] void binding_error(std::string message) {
  GraphQLError e;
  e.message = std::move(message);
  throw SchemaError({std::move(e)});
}

}  // namespace

// Resolvers bind to object types' fields: execution always resolves a field
// on the concrete object type, never on an interface.
static Field& bindable_field(Schema& schema, std::string_view type_name,
                             std::string_view field_name) {
  const Type* type = schema.type(type_name);
  if (type == nullptr) {
    binding_error("Cannot bind a resolver to " + std::string(type_name) + "." +
                  std::string(field_name) + ": there is no type \"" + std::string(type_name) +
                  "\".");
  }
  if (type->kind != TypeKind::kObject) {
    binding_error("Cannot bind a resolver to " + std::string(type_name) + "." +
                  std::string(field_name) + ": \"" + std::string(type_name) +
                  "\" is not an object type.");
  }
  const Field* field = type->field(field_name);
  if (field == nullptr) {
    binding_error("Cannot bind a resolver to " + std::string(type_name) + "." +
                  std::string(field_name) + ": type \"" + std::string(type_name) +
                  "\" has no field \"" + std::string(field_name) + "\".");
  }
  return const_cast<Field&>(*field);  // the schema owns it; binding happens before serving
}

Schema& Schema::resolve(std::string_view type_name, std::string_view field_name,
                        Resolver resolver) {
  bindable_field(*this, type_name, field_name).resolver = std::move(resolver);
  return changed();
}

Schema& Schema::resolve_sync(std::string_view type_name, std::string_view field_name,
                             SyncResolver resolver) {
  bindable_field(*this, type_name, field_name).sync_resolver = std::move(resolver);
  return changed();
}

Schema& Schema::resolve_borrowed(std::string_view type_name, std::string_view field_name,
                                 BorrowingResolver resolver) {
  bindable_field(*this, type_name, field_name).borrowing_resolver = std::move(resolver);
  return changed();
}

Schema& Schema::resolve_type(std::string_view abstract_type, TypeResolver resolver) {
  auto it = types_.find(abstract_type);
  if (it == types_.end() || !is_abstract_type(it->second)) {
    binding_error("Cannot bind a type resolver to \"" + std::string(abstract_type) +
                  "\": it is not an interface or union type.");
  }
  it->second->type_resolver = std::move(resolver);
  return changed();
}

Schema& Schema::scalar(std::string_view scalar_name, ScalarFunctions functions) {
  auto it = types_.find(scalar_name);
  if (it == types_.end() || it->second->kind != TypeKind::kScalar ||
      is_specified_scalar(scalar_name)) {
    binding_error("Cannot define scalar functions for \"" + std::string(scalar_name) +
                  "\": it is not a custom scalar of this schema.");
  }
  it->second->scalar = std::move(functions);
  return changed();
}

Schema& Schema::set_introspection(bool enabled) {
  introspection_ = enabled;
  return changed();
}

const Type* Schema::type(std::string_view name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : it->second;
}

const Directive* Schema::directive(std::string_view name) const {
  for (const Directive* d : directive_list_) {
    if (d->name == name) return d;
  }
  return nullptr;
}

const Field* Schema::field_definition(const Type* parent, std::string_view name) const {
  if (parent == nullptr) return nullptr;
  if (name.size() > 2 && name[0] == '_' && name[1] == '_') {
    if (name == "__typename" && is_composite_type(parent)) return &typename_field_;
    if (introspection_ && parent == query_) {
      if (name == "__schema") return &schema_field_;
      if (name == "__type") return &type_field_;
    }
  }
  if (parent->kind != TypeKind::kObject && parent->kind != TypeKind::kInterface) return nullptr;
  return parent->field(name);
}

bool Schema::is_possible_type(const Type* abstract, const Type* object) const {
  if (abstract == nullptr || object == nullptr) return false;
  const auto& possible = abstract->possible_types;
  return std::find(possible.begin(), possible.end(), object) != possible.end();
}

bool Schema::is_sub_type(const Type* super, const Type* maybe_sub) const {
  if (super == maybe_sub) return true;
  if (super == nullptr || maybe_sub == nullptr) return false;
  if (super->kind == TypeKind::kUnion) return is_possible_type(super, maybe_sub);
  if (super->kind == TypeKind::kInterface) {
    const auto& ifaces = maybe_sub->interfaces;
    return std::find(ifaces.begin(), ifaces.end(), super) != ifaces.end();
  }
  return false;
}

bool Schema::is_type_sub_type_of(const Type* maybe_sub, const Type* super) const {
  if (is_equal_type(maybe_sub, super)) return true;
  if (super->is_non_null()) {
    return maybe_sub->is_non_null() && is_type_sub_type_of(maybe_sub->of_type, super->of_type);
  }
  if (maybe_sub->is_non_null()) return is_type_sub_type_of(maybe_sub->of_type, super);
  if (super->is_list())
    return maybe_sub->is_list() && is_type_sub_type_of(maybe_sub->of_type, super->of_type);
  if (maybe_sub->is_list()) return false;
  return is_abstract_type(super) &&
         (maybe_sub->kind == TypeKind::kInterface || maybe_sub->kind == TypeKind::kObject) &&
         is_sub_type(super, maybe_sub);
}

bool Schema::do_types_overlap(const Type* a, const Type* b) const {
  if (a == b) return true;
  if (is_abstract_type(a)) {
    if (is_abstract_type(b)) {
      for (const Type* t : a->possible_types) {
        if (is_possible_type(b, t)) return true;
      }
      return false;
    }
    return is_possible_type(a, b);
  }
  if (is_abstract_type(b)) return is_possible_type(b, a);
  return false;
}

const Type* Schema::type_from_ast(const ast::TypeRef& ref, TypeArena& arena) const {
  switch (ref.kind) {
    case ast::TypeRef::Kind::kNamed:
      return type(ref.name);
    case ast::TypeRef::Kind::kList: {
      const Type* inner = type_from_ast(*ref.of, arena);
      return inner ? arena.list_of(inner) : nullptr;
    }
    case ast::TypeRef::Kind::kNonNull: {
      const Type* inner = type_from_ast(*ref.of, arena);
      return inner ? arena.non_null(inner) : nullptr;
    }
  }
  return nullptr;
}

}  // namespace myspace::graphql
