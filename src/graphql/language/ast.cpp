#include "graphql/language/ast.h"

namespace myspace::graphql::ast {

std::string_view named_type(const TypeRef& type) {
  const TypeRef* t = &type;
  while (t->kind != TypeRef::Kind::kNamed) t = t->of.get();
  return t->name;
}

std::string_view operation_type_name(OperationType type) {
  switch (type) {
    case OperationType::kQuery:
      return "query";
    case OperationType::kMutation:
      return "mutation";
    case OperationType::kSubscription:
      return "subscription";
  }
  return "query";
}

}  // namespace myspace::graphql::ast
