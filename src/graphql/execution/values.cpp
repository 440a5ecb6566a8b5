#include "graphql/execution/values.h"

#include <boost/json/array.hpp>

#include "graphql/error/did_you_mean.h"
#include "graphql/language/printer.h"
#include "graphql/type/scalars.h"

namespace myspace::graphql {
namespace {

bool is_missing_variable(const ast::Value& literal, const boost::json::object* variables) {
  return literal.kind == ast::ValueKind::kVariable &&
         (variables == nullptr || !variables->contains(literal.raw));
}

std::optional<Value> leaf_from_ast(const ast::Value& literal, const Type* type) {
  if (type->kind == TypeKind::kEnum) {
    if (literal.kind != ast::ValueKind::kEnum || type->enum_value(literal.raw) == nullptr) {
      return std::nullopt;
    }
    return Value(boost::json::string(literal.raw));
  }
  try {
    if (type->scalar.parse_literal) return type->scalar.parse_literal(literal);
    Value json = literal_to_json(literal);
    return type->scalar.parse_value ? type->scalar.parse_value(json) : json;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<Value> input_object_from_ast(const ast::Value& literal, const Type* type,
                                           const boost::json::object* variables) {
  if (literal.kind != ast::ValueKind::kObject) return std::nullopt;
  boost::json::object out;
  for (const auto& field : type->input_fields) {
    const ast::ObjectField* node = nullptr;
    for (const auto& f : literal.fields) {
      if (f.name == field.name) node = &f;
    }
    if (node == nullptr || is_missing_variable(node->value, variables)) {
      if (field.default_value != nullptr) {
        auto value = value_from_ast(*field.default_value, field.type, nullptr);
        if (!value) return std::nullopt;
        out[field.name] = std::move(*value);
      } else if (field.type->is_non_null()) {
        return std::nullopt;
      }
      continue;
    }
    auto value = value_from_ast(node->value, field.type, variables);
    if (!value) return std::nullopt;
    out[field.name] = std::move(*value);
  }
  // A oneOf value: exactly one field, and not null (variables included).
  if (type->one_of && (out.size() != 1 || out.begin()->value().is_null())) return std::nullopt;
  return Value(std::move(out));
}

std::vector<std::string> input_field_names(const Type* type) {
  std::vector<std::string> names;
  for (const auto& f : type->input_fields) names.push_back(f.name);
  return names;
}

std::string path_key(const std::string& path, std::string_view key) {
  return path + "." + std::string(key);
}

}  // namespace

std::optional<Value> value_from_ast(const ast::Value& literal, const Type* type,
                                    const boost::json::object* variables) {
  if (literal.kind == ast::ValueKind::kVariable) {
    if (variables == nullptr) return std::nullopt;
    const Value* value = variables->if_contains(literal.raw);
    if (value == nullptr || (value->is_null() && type->is_non_null())) return std::nullopt;
    return *value;
  }
  if (type->is_non_null()) {
    if (literal.kind == ast::ValueKind::kNull) return std::nullopt;
    return value_from_ast(literal, type->of_type, variables);
  }
  if (literal.kind == ast::ValueKind::kNull) return Value(nullptr);
  if (type->is_list()) {
    const Type* item_type = type->of_type;
    if (literal.kind != ast::ValueKind::kList) {
      auto item = value_from_ast(literal, item_type, variables);
      if (!item) return std::nullopt;
      return Value(boost::json::array{std::move(*item)});
    }
    boost::json::array out;
    for (const auto& item : literal.list) {
      if (is_missing_variable(item, variables)) {
        if (item_type->is_non_null()) return std::nullopt;
        out.emplace_back(nullptr);
        continue;
      }
      auto value = value_from_ast(item, item_type, variables);
      if (!value) return std::nullopt;
      out.push_back(std::move(*value));
    }
    return Value(std::move(out));
  }
  if (type->kind == TypeKind::kInputObject) return input_object_from_ast(literal, type, variables);
  return leaf_from_ast(literal, type);
}

Value coerce_input_value(const Value& input, const Type* type, const InputErrorHandler& on_error,
                         const std::string& path, bool hide_suggestions) {
  // Names close to what was written, unless they must stay hidden.
  auto suggest = [&](std::string_view input_name, const std::vector<std::string>& names,
                     std::string_view sub_message = {}) {
    return hide_suggestions ? std::string()
                            : did_you_mean(suggestion_list(input_name, names), sub_message);
  };
  if (type->is_non_null()) {
    if (input.is_null()) {
      on_error(path, input,
               "Expected non-nullable type \"" + type_string(type) + "\" not to be null.");
      return nullptr;
    }
    return coerce_input_value(input, type->of_type, on_error, path, hide_suggestions);
  }
  if (input.is_null()) return nullptr;
  if (type->is_list()) {
    if (!input.is_array()) {
      return boost::json::array{
          coerce_input_value(input, type->of_type, on_error, path, hide_suggestions)};
    }
    boost::json::array out;
    const auto& items = input.get_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      out.push_back(coerce_input_value(items[i], type->of_type, on_error,
                                       path + "[" + std::to_string(i) + "]", hide_suggestions));
    }
    return out;
  }
  if (type->kind == TypeKind::kInputObject) {
    if (!input.is_object()) {
      on_error(path, input, "Expected type \"" + type->name + "\" to be an object.");
      return nullptr;
    }
    const auto& obj = input.get_object();
    boost::json::object out;
    // For a oneOf type: the fields that were given a value (graphql-js counts
    // them even when their value failed to coerce), and whether the one given
    // was null.
    std::size_t given = 0;
    bool given_null = false;
    std::string first_given;
    for (const auto& field : type->input_fields) {
      const Value* value = obj.if_contains(field.name);
      if (value == nullptr) {
        if (field.default_value != nullptr) {
          out[field.name] =
              value_from_ast(*field.default_value, field.type, nullptr).value_or(nullptr);
        } else if (field.type->is_non_null()) {
          on_error(path, input,
                   "Field \"" + field.name + "\" of required type \"" + type_string(field.type) +
                       "\" was not provided.");
        }
        continue;
      }
      if (given++ == 0) {
        first_given = field.name;
        given_null = value->is_null();
      }
      out[field.name] = coerce_input_value(*value, field.type, on_error, path_key(path, field.name),
                                           hide_suggestions);
    }
    for (const auto& [key, value] : obj) {
      if (type->input_field(key) == nullptr) {
        on_error(path, input,
                 "Field \"" + std::string(key) + "\" is not defined by type \"" + type->name +
                     "\"." + suggest(key, input_field_names(type)));
      }
    }
    if (type->one_of) {
      if (given != 1) {
        on_error(path, input,
                 "Exactly one key must be specified for OneOf type \"" + type->name + "\".");
      }
      // (oneOf fields are nullable, so null coerces to null.)
      if (given != 0 && given_null) {
        on_error(path_key(path, first_given), nullptr,
                 "Field \"" + first_given + "\" must be non-null.");
      }
    }
    return out;
  }
  if (type->kind == TypeKind::kEnum) {
    std::vector<std::string> names;
    for (const auto& v : type->values) names.push_back(v.name);
    if (!input.is_string()) {
      // As graphql-js, suggestions are made for the printed value too.
      const std::string printed = inspect(input);
      on_error(path, input,
               "Enum \"" + type->name + "\" cannot represent non-string value: " + printed + "." +
                   suggest(printed, names, "the enum value"));
      return nullptr;
    }
    if (type->enum_value(input.get_string()) == nullptr) {
      on_error(path, input,
               "Value \"" + std::string(input.get_string()) + "\" does not exist in \"" +
                   type->name + "\" enum." + suggest(input.get_string(), names, "the enum value"));
      return nullptr;
    }
    return input;
  }
  try {
    return type->scalar.parse_value ? type->scalar.parse_value(input) : input;
  } catch (const std::exception& e) {
    on_error(path, input, e.what());
    return nullptr;
  }
}

VariableCoercion coerce_variable_values(const Schema& schema,
                                        const ast::OperationDefinition& operation,
                                        const boost::json::object& inputs, TypeArena& arena) {
  VariableCoercion result;
  auto fail = [&](std::string message, const ast::VariableDefinition& def) {
    GraphQLError e;
    e.message = std::move(message);
    e.locations.push_back(def.loc);
    e.extensions["code"] = "BAD_USER_INPUT";
    result.errors.push_back(std::move(e));
  };
  for (const auto& def : operation.variables) {
    const std::string name(def.name);
    const Type* type = schema.type_from_ast(def.type, arena);
    if (type == nullptr || !is_input_type(type)) {
      fail("Variable \"$" + name + "\" expected value of type \"" + print(def.type) +
               "\" which cannot be used as an input type.",
           def);
      continue;
    }
    const Value* input = inputs.if_contains(name);
    if (input == nullptr) {
      if (def.default_value) {
        result.values[name] = value_from_ast(*def.default_value, type, nullptr).value_or(nullptr);
      } else if (type->is_non_null()) {
        fail("Variable \"$" + name + "\" of required type \"" + type_string(type) +
                 "\" was not provided.",
             def);
      }
      continue;
    }
    if (input->is_null() && type->is_non_null()) {
      fail("Variable \"$" + name + "\" of non-null type \"" + type_string(type) +
               "\" must not be null.",
           def);
      continue;
    }
    result.values[name] = coerce_input_value(
        *input, type,
        [&](const std::string& path, const Value& invalid, const std::string& message) {
          std::string text = "Variable \"$" + name + "\" got invalid value " + inspect(invalid);
          if (!path.empty()) text += " at \"" + name + path + "\"";
          fail(text + "; " + message, def);
        },
        "", schema.hides_suggestions());
  }
  return result;
}

boost::json::object coerce_argument_values(const std::vector<InputValue>& definitions,
                                           const std::vector<ast::Argument>& arguments,
                                           const boost::json::object& variables,
                                           SourceLocation field_location) {
  boost::json::object out;
  auto fail = [](std::string message, SourceLocation loc) {
    GraphQLError e;
    e.message = std::move(message);
    e.locations.push_back(loc);
    e.extensions["code"] = "BAD_USER_INPUT";
    throw GraphQLException(std::move(e));
  };
  for (const auto& def : definitions) {
    const ast::Argument* node = nullptr;
    for (const auto& arg : arguments) {
      if (arg.name == def.name) node = &arg;
    }
    const std::string type_name = type_string(def.type);
    if (node == nullptr) {
      if (def.default_value != nullptr) {
        out[def.name] = value_from_ast(*def.default_value, def.type, nullptr).value_or(nullptr);
      } else if (def.type->is_non_null()) {
        fail("Argument \"" + def.name + "\" of required type \"" + type_name +
                 "\" was not provided.",
             field_location);
      }
      continue;
    }
    if (node->value.kind == ast::ValueKind::kVariable && !variables.contains(node->value.raw)) {
      if (def.default_value != nullptr) {
        out[def.name] = value_from_ast(*def.default_value, def.type, nullptr).value_or(nullptr);
      } else if (def.type->is_non_null()) {
        fail("Argument \"" + def.name + "\" of required type \"" + type_name +
                 "\" was provided the variable \"$" + std::string(node->value.raw) +
                 "\" which was not provided a runtime value.",
             node->value.loc);
      }
      continue;
    }
    const bool is_null =
        node->value.kind == ast::ValueKind::kNull ||
        (node->value.kind == ast::ValueKind::kVariable && variables.at(node->value.raw).is_null());
    if (is_null && def.type->is_non_null()) {
      fail("Argument \"" + def.name + "\" of non-null type \"" + type_name + "\" must not be null.",
           node->value.loc);
    }
    auto value = value_from_ast(node->value, def.type, &variables);
    if (!value) {
      fail("Argument \"" + def.name + "\" has invalid value " + print(node->value) + ".",
           node->value.loc);
    }
    out[def.name] = std::move(*value);
  }
  return out;
}

}  // namespace myspace::graphql
