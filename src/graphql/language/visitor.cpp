#include "graphql/language/visitor.h"

namespace myspace::graphql {
namespace {

void walk_value(const ast::Value& value, Visitor& v) {
  v.enter_value(value);
  for (const auto& item : value.list) walk_value(item, v);
  for (const auto& field : value.fields) {
    v.enter_object_field(field);
    walk_value(field.value, v);
    v.leave_object_field(field);
  }
  v.leave_value(value);
}

void walk_arguments(const std::vector<ast::Argument>& args, Visitor& v) {
  for (const auto& arg : args) {
    v.enter_argument(arg);
    walk_value(arg.value, v);
    v.leave_argument(arg);
  }
}

void walk_directives(const std::vector<ast::Directive>& directives, Visitor& v) {
  for (const auto& directive : directives) {
    v.enter_directive(directive);
    walk_arguments(directive.arguments, v);
    v.leave_directive(directive);
  }
}

void walk_selection(const ast::Selection& sel, Visitor& v) {
  v.enter_selection(sel);
  walk_arguments(sel.arguments, v);
  walk_directives(sel.directives, v);
  if (!sel.selection_set.empty()) walk(sel.selection_set, v);
  v.leave_selection(sel);
}

struct DefinitionWalker {
  Visitor& v;
  void operator()(const ast::OperationDefinition& op) const {
    v.enter_operation(op);
    for (const auto& var : op.variables) {
      v.enter_variable_definition(var);
      if (var.default_value) walk_value(*var.default_value, v);
      walk_directives(var.directives, v);
      v.leave_variable_definition(var);
    }
    walk_directives(op.directives, v);
    walk(op.selection_set, v);
    v.leave_operation(op);
  }
  void operator()(const ast::FragmentDefinition& frag) const {
    v.enter_fragment(frag);
    walk_directives(frag.directives, v);
    walk(frag.selection_set, v);
    v.leave_fragment(frag);
  }
  void operator()(const ast::TypeSystemDefinition& def) const {
    v.enter_type_system_definition(def);
  }
};

}  // namespace

void walk(const ast::SelectionSet& set, Visitor& visitor) {
  visitor.enter_selection_set(set);
  for (const auto& sel : set.selections) walk_selection(sel, visitor);
  visitor.leave_selection_set(set);
}

void walk(const ast::OperationDefinition& operation, Visitor& visitor) {
  DefinitionWalker{visitor}(operation);
}

void walk(const ast::FragmentDefinition& fragment, Visitor& visitor) {
  DefinitionWalker{visitor}(fragment);
}

void walk(const ast::Document& document, Visitor& visitor) {
  visitor.enter_document(document);
  for (const auto& def : document.definitions) std::visit(DefinitionWalker{visitor}, def);
  visitor.leave_document(document);
}

}  // namespace myspace::graphql
