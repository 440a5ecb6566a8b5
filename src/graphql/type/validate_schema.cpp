#include "graphql/type/validate_schema.h"

#include <algorithm>
#include <set>

#include "graphql/type/schema.h"

namespace myspace::graphql {
namespace {

class SchemaValidator {
 public:
  explicit SchemaValidator(const Schema& schema) : schema_(schema) {}

  std::vector<GraphQLError> run() {
    validate_root_types();
    for (const Directive* d : schema_.directives()) validate_directive(*d);
    for (const Type* type : schema_.types()) validate_type(*type);
    return std::move(errors_);
  }

 private:
  void error(std::string message) {
    GraphQLError e;
    e.message = std::move(message);
    errors_.push_back(std::move(e));
  }

  void validate_root_types() {
    const Type* query = schema_.query_type();
    if (query == nullptr) {
      error("Query root type must be provided.");
    } else if (query->kind != TypeKind::kObject) {
      error("Query root type must be Object type, it cannot be " + query->name + ".");
    }
    const Type* mutation = schema_.mutation_type();
    if (mutation != nullptr && mutation->kind != TypeKind::kObject) {
      error("Mutation root type must be Object type if provided, it cannot be " + mutation->name +
            ".");
    }
    const Type* subscription = schema_.subscription_type();
    if (subscription != nullptr && subscription->kind != TypeKind::kObject) {
      error("Subscription root type must be Object type if provided, it cannot be " +
            subscription->name + ".");
    }
  }

  void validate_name(const std::string& name) {
    if (name.size() > 1 && name[0] == '_' && name[1] == '_') {
      error("Name \"" + name +
            "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    }
  }

  static bool is_introspection_type(const Type& type) { return type.name.rfind("__", 0) == 0; }

  void validate_directive(const Directive& d) {
    validate_name(d.name);
    std::set<std::string_view> seen;
    for (const auto& arg : d.arguments) {
      validate_name(arg.name);
      if (!seen.insert(arg.name).second) {
        error("Argument \"@" + d.name + "(" + arg.name + ":)\" can only be defined once.");
      }
      if (!is_input_type(arg.type)) {
        error("The type of @" + d.name + "(" + arg.name +
              ":) must be Input Type but got: " + type_string(arg.type) + ".");
      }
      if (arg.type->is_non_null() && arg.default_value == nullptr && arg.deprecation_reason) {
        error("Required argument @" + d.name + "(" + arg.name + ":) cannot be deprecated.");
      }
    }
  }

  void validate_type(const Type& type) {
    if (is_introspection_type(type)) return;
    validate_name(type.name);
    switch (type.kind) {
      case TypeKind::kObject:
      case TypeKind::kInterface:
        validate_fields(type);
        validate_interfaces(type);
        break;
      case TypeKind::kUnion:
        validate_union(type);
        break;
      case TypeKind::kEnum:
        validate_enum(type);
        break;
      case TypeKind::kInputObject:
        validate_input_fields(type);
        validate_input_cycles(type);
        break;
      default:
        break;
    }
  }

  void validate_fields(const Type& type) {
    if (type.fields.empty()) error("Type " + type.name + " must define one or more fields.");
    std::set<std::string_view> names;
    for (const Field& field : type.fields) {
      validate_name(field.name);
      if (!names.insert(field.name).second) {
        error("Field \"" + type.name + "." + field.name + "\" can only be defined once.");
      }
      if (!is_output_type(field.type)) {
        error("The type of " + type.name + "." + field.name +
              " must be Output Type but got: " + type_string(field.type) + ".");
      }
      std::set<std::string_view> arg_names;
      for (const auto& arg : field.arguments) {
        const std::string where = type.name + "." + field.name + "(" + arg.name + ":)";
        validate_name(arg.name);
        if (!arg_names.insert(arg.name).second) {
          error("Argument \"" + where + "\" can only be defined once.");
        }
        if (!is_input_type(arg.type)) {
          error("The type of " + where + " must be Input Type but got: " + type_string(arg.type) +
                ".");
        }
        if (arg.type->is_non_null() && arg.default_value == nullptr && arg.deprecation_reason) {
          error("Required argument " + where + " cannot be deprecated.");
        }
      }
    }
  }

  void validate_interfaces(const Type& type) {
    std::set<const Type*> seen;
    for (const Type* iface : type.interfaces) {
      if (iface->kind != TypeKind::kInterface) {
        error("Type " + type.name + " must only implement Interface types, it cannot implement " +
              iface->name + ".");
        continue;
      }
      if (iface == &type) {
        error("Type " + type.name +
              " cannot implement itself because it would create a circular reference.");
        continue;
      }
      if (!seen.insert(iface).second) {
        error("Type " + type.name + " can only implement " + iface->name + " once.");
        continue;
      }
      validate_transitive_interfaces(type, *iface);
      validate_implementation(type, *iface);
    }
  }

  void validate_transitive_interfaces(const Type& type, const Type& iface) {
    for (const Type* transitive : iface.interfaces) {
      if (std::find(type.interfaces.begin(), type.interfaces.end(), transitive) ==
          type.interfaces.end()) {
        error(transitive == &type ? "Type " + type.name + " cannot implement " + iface.name +
                                        " because it would create a circular reference."
                                  : "Type " + type.name + " must implement " + transitive->name +
                                        " because it is implemented by " + iface.name + ".");
      }
    }
  }

  void validate_implementation(const Type& type, const Type& iface) {
    for (const Field& iface_field : iface.fields) {
      const Field* field = type.field(iface_field.name);
      const std::string iface_where = iface.name + "." + iface_field.name;
      if (field == nullptr) {
        error("Interface field " + iface_where + " expected but " + type.name +
              " does not provide it.");
        continue;
      }
      const std::string where = type.name + "." + field->name;
      if (field->type && iface_field.type &&
          !schema_.is_type_sub_type_of(field->type, iface_field.type)) {
        error("Interface field " + iface_where + " expects type " + type_string(iface_field.type) +
              " but " + where + " is type " + type_string(field->type) + ".");
      }
      for (const auto& iface_arg : iface_field.arguments) {
        const InputValue* arg = field->argument(iface_arg.name);
        if (arg == nullptr) {
          error("Interface field argument " + iface_where + "(" + iface_arg.name +
                ":) expected but " + where + " does not provide it.");
        } else if (!is_equal_type(arg->type, iface_arg.type)) {
          error("Interface field argument " + iface_where + "(" + iface_arg.name +
                ":) expects type " + type_string(iface_arg.type) + " but " + where + "(" +
                arg->name + ":) is type " + type_string(arg->type) + ".");
        }
      }
      for (const auto& arg : field->arguments) {
        if (iface_field.argument(arg.name) == nullptr && arg.type->is_non_null() &&
            arg.default_value == nullptr) {
          error("Object field " + where + " includes required argument " + arg.name +
                " that is missing from the Interface field " + iface_where + ".");
        }
      }
    }
  }

  void validate_union(const Type& type) {
    if (type.possible_types.empty()) {
      error("Union type " + type.name + " must define one or more member types.");
    }
    std::set<const Type*> seen;
    for (const Type* member : type.possible_types) {
      if (!seen.insert(member).second) {
        error("Union type " + type.name + " can only include type " + member->name + " once.");
      } else if (member->kind != TypeKind::kObject) {
        error("Union type " + type.name + " can only include Object types, it cannot include " +
              member->name + ".");
      }
    }
  }

  void validate_enum(const Type& type) {
    if (type.values.empty()) error("Enum type " + type.name + " must define one or more values.");
    std::set<std::string_view> seen;
    for (const auto& value : type.values) {
      validate_name(value.name);
      if (!seen.insert(value.name).second) {
        error("Enum value \"" + type.name + "." + value.name + "\" can only be defined once.");
      }
    }
  }

  void validate_input_fields(const Type& type) {
    if (type.input_fields.empty()) {
      error("Input Object type " + type.name + " must define one or more fields.");
    }
    std::set<std::string_view> seen;
    for (const auto& field : type.input_fields) {
      validate_name(field.name);
      if (!seen.insert(field.name).second) {
        error("Input field \"" + type.name + "." + field.name + "\" can only be defined once.");
      }
      if (!is_input_type(field.type)) {
        error("The type of " + type.name + "." + field.name +
              " must be Input Type but got: " + type_string(field.type) + ".");
      }
      if (field.type && field.type->is_non_null() && field.default_value == nullptr &&
          field.deprecation_reason) {
        error("Required input field " + type.name + "." + field.name + " cannot be deprecated.");
      }
      // A oneOf value names exactly one field: each must be optional.
      if (type.one_of && field.type && field.type->is_non_null()) {
        error("OneOf input field " + type.name + "." + field.name + " must be nullable.");
      }
      if (type.one_of && field.default_value != nullptr) {
        error("OneOf input field " + type.name + "." + field.name +
              " cannot have a default value.");
      }
    }
  }

  // An input object may not reach itself through non-null fields only: no
  // finite value could be written for it.
  void validate_input_cycles(const Type& root) {
    std::vector<std::string> path;
    std::set<const Type*> visiting;
    find_cycle(root, root, path, visiting);
  }

  bool find_cycle(const Type& root, const Type& type, std::vector<std::string>& path,
                  std::set<const Type*>& visiting) {
    if (!visiting.insert(&type).second) return false;
    for (const auto& field : type.input_fields) {
      if (field.type == nullptr || !field.type->is_non_null()) continue;
      const Type* inner = field.type->of_type;
      if (inner->kind != TypeKind::kInputObject) continue;
      path.push_back(field.name);
      if (inner == &root) {
        std::string joined;
        for (const auto& p : path) joined += (joined.empty() ? "" : ".") + p;
        error("Cannot reference Input Object \"" + root.name +
              "\" within itself through a series of non-null fields: \"" + joined + "\".");
        return true;
      }
      if (find_cycle(root, *inner, path, visiting)) return true;
      path.pop_back();
    }
    return false;
  }

  const Schema& schema_;
  std::vector<GraphQLError> errors_;
};

class SdlDirectiveValidator {
 public:
  explicit SdlDirectiveValidator(const Schema& schema) : schema_(schema) {}

  std::vector<GraphQLError> run(const ast::Document& sdl) {
    for (const auto& def : sdl.definitions) {
      if (const auto* t = std::get_if<ast::TypeSystemDefinition>(&def)) check_definition(*t);
    }
    return std::move(errors_);
  }

 private:
  static std::string_view location_of(ast::TypeSystemKind kind) {
    switch (kind) {
      case ast::TypeSystemKind::kSchema:
        return "SCHEMA";
      case ast::TypeSystemKind::kScalar:
        return "SCALAR";
      case ast::TypeSystemKind::kObject:
        return "OBJECT";
      case ast::TypeSystemKind::kInterface:
        return "INTERFACE";
      case ast::TypeSystemKind::kUnion:
        return "UNION";
      case ast::TypeSystemKind::kEnum:
        return "ENUM";
      case ast::TypeSystemKind::kInputObject:
        return "INPUT_OBJECT";
      case ast::TypeSystemKind::kDirective:
        return "DIRECTIVE_DEFINITION";
    }
    return "";
  }

  void check_definition(const ast::TypeSystemDefinition& def) {
    check(def.directives, location_of(def.kind));
    for (const auto& field : def.fields) {
      check(field.directives, "FIELD_DEFINITION");
      for (const auto& arg : field.arguments) check(arg.directives, "ARGUMENT_DEFINITION");
    }
    for (const auto& arg : def.arguments) check(arg.directives, "ARGUMENT_DEFINITION");
    for (const auto& value : def.values) check(value.directives, "ENUM_VALUE");
    for (const auto& field : def.input_fields) check(field.directives, "INPUT_FIELD_DEFINITION");
  }

  void error(std::string message, std::vector<SourceLocation> locations) {
    GraphQLError e;
    e.message = std::move(message);
    e.locations = std::move(locations);
    errors_.push_back(std::move(e));
  }

  void check(const std::vector<ast::Directive>& directives, std::string_view location) {
    std::set<std::string_view> seen;
    for (const auto& d : directives) {
      const std::string name(d.name);
      const Directive* def = schema_.directive(d.name);
      if (def == nullptr) {
        error("Unknown directive \"@" + name + "\".", {d.loc});
        continue;
      }
      if (!def->allowed_at(location)) {
        error("Directive \"@" + name + "\" may not be used on " + std::string(location) + ".",
              {d.loc});
      }
      if (!def->repeatable && !seen.insert(d.name).second) {
        error("The directive \"@" + name + "\" can only be used once at this location.", {d.loc});
      }
      check_arguments(d, *def);
    }
  }

  void check_arguments(const ast::Directive& d, const Directive& def) {
    for (const auto& arg : d.arguments) {
      if (def.argument(arg.name) == nullptr) {
        error("Unknown argument \"" + std::string(arg.name) + "\" on directive \"@" + def.name +
                  "\".",
              {arg.loc});
      }
    }
    for (const auto& arg_def : def.arguments) {
      const bool provided =
          std::any_of(d.arguments.begin(), d.arguments.end(),
                      [&](const ast::Argument& a) { return a.name == arg_def.name; });
      if (!provided && arg_def.type->is_non_null() && arg_def.default_value == nullptr) {
        error("Directive \"@" + def.name + "\" argument \"" + arg_def.name + "\" of type \"" +
                  type_string(arg_def.type) + "\" is required, but it was not provided.",
              {d.loc});
      }
    }
  }

  const Schema& schema_;
  std::vector<GraphQLError> errors_;
};

}  // namespace

std::vector<GraphQLError> validate_schema(const Schema& schema) {
  return SchemaValidator(schema).run();
}

std::vector<GraphQLError> validate_sdl_directives(const Schema& schema, const ast::Document& sdl) {
  return SdlDirectiveValidator(schema).run(sdl);
}

}  // namespace myspace::graphql
