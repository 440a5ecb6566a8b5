#include "graphql/type/definition.h"

#include <algorithm>

namespace myspace::graphql {
namespace {

template <typename T>
const T* find_named(const std::vector<T>& items, std::string_view name) {
  auto it =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

Path ResponsePath::to_path() const {
  Path path;
  for (const ResponsePath* link = this; link != nullptr; link = link->parent) {
    if (link->key.empty()) {
      path.emplace_back(link->index);
    } else {
      path.emplace_back(std::string(link->key));
    }
  }
  std::reverse(path.begin(), path.end());
  return path;
}

const InputValue* Field::argument(std::string_view arg_name) const {
  return find_named(arguments, arg_name);
}
const InputValue* Directive::argument(std::string_view arg_name) const {
  return find_named(arguments, arg_name);
}
bool Directive::allowed_at(std::string_view location) const {
  return std::find(locations.begin(), locations.end(), location) != locations.end();
}
const Field* Type::field(std::string_view field_name) const {
  return find_named(fields, field_name);
}
const InputValue* Type::input_field(std::string_view field_name) const {
  return find_named(input_fields, field_name);
}
const EnumValue* Type::enum_value(std::string_view value_name) const {
  return find_named(values, value_name);
}

const Type* named_type(const Type* type) {
  while (type != nullptr && type->is_wrapper()) type = type->of_type;
  return type;
}

const Type* nullable_type(const Type* type) {
  return type != nullptr && type->is_non_null() ? type->of_type : type;
}

bool is_leaf_type(const Type* type) {
  return type != nullptr && (type->kind == TypeKind::kScalar || type->kind == TypeKind::kEnum);
}

bool is_composite_type(const Type* type) {
  return type != nullptr && (type->kind == TypeKind::kObject ||
                             type->kind == TypeKind::kInterface || type->kind == TypeKind::kUnion);
}

bool is_abstract_type(const Type* type) {
  return type != nullptr && (type->kind == TypeKind::kInterface || type->kind == TypeKind::kUnion);
}

bool is_input_type(const Type* type) {
  const Type* named = named_type(type);
  return named != nullptr && (is_leaf_type(named) || named->kind == TypeKind::kInputObject);
}

bool is_output_type(const Type* type) {
  const Type* named = named_type(type);
  return named != nullptr && named->kind != TypeKind::kInputObject;
}

bool is_equal_type(const Type* a, const Type* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr || a->kind != b->kind || !a->is_wrapper()) return false;
  return is_equal_type(a->of_type, b->of_type);
}

std::string type_string(const Type* type) {
  if (type == nullptr) return "";
  if (type->kind == TypeKind::kList) return "[" + type_string(type->of_type) + "]";
  if (type->kind == TypeKind::kNonNull) return type_string(type->of_type) + "!";
  return type->name;
}

std::string_view type_kind_name(TypeKind kind) {
  switch (kind) {
    case TypeKind::kScalar:
      return "SCALAR";
    case TypeKind::kObject:
      return "OBJECT";
    case TypeKind::kInterface:
      return "INTERFACE";
    case TypeKind::kUnion:
      return "UNION";
    case TypeKind::kEnum:
      return "ENUM";
    case TypeKind::kInputObject:
      return "INPUT_OBJECT";
    case TypeKind::kList:
      return "LIST";
    case TypeKind::kNonNull:
      return "NON_NULL";
  }
  return "";
}

}  // namespace myspace::graphql
