#include "graphql/validation/type_info.h"

namespace myspace::graphql {
namespace {

const Type* output_or_null(const Type* type) {
  return is_output_type(type) ? type : nullptr;
}
const Type* input_or_null(const Type* type) {
  return is_input_type(type) ? type : nullptr;
}

}  // namespace

void TypeInfo::enter(const ast::OperationDefinition& op) {
  const Type* root = op.operation == ast::OperationType::kQuery      ? schema_.query_type()
                     : op.operation == ast::OperationType::kMutation ? schema_.mutation_type()
                                                                     : schema_.subscription_type();
  type_stack_.push_back(root != nullptr && root->kind == TypeKind::kObject ? root : nullptr);
}

void TypeInfo::enter(const ast::FragmentDefinition& frag) {
  type_stack_.push_back(output_or_null(schema_.type(frag.type_condition)));
}

void TypeInfo::enter(const ast::SelectionSet&) {
  const Type* named = named_type(type());
  parent_type_stack_.push_back(is_composite_type(named) ? named : nullptr);
}

void TypeInfo::enter(const ast::Selection& sel) {
  switch (sel.kind) {
    case ast::SelectionKind::kField: {
      const Field* def = schema_.field_definition(parent_type(), sel.name);
      field_def_stack_.push_back(def);
      type_stack_.push_back(def ? output_or_null(def->type) : nullptr);
      break;
    }
    case ast::SelectionKind::kInlineFragment:
      type_stack_.push_back(output_or_null(
          sel.type_condition.empty() ? named_type(type()) : schema_.type(sel.type_condition)));
      break;
    case ast::SelectionKind::kFragmentSpread:
      break;
  }
}

void TypeInfo::leave(const ast::Selection& sel) {
  if (sel.kind == ast::SelectionKind::kField) field_def_stack_.pop_back();
  if (sel.kind != ast::SelectionKind::kFragmentSpread) type_stack_.pop_back();
}

void TypeInfo::enter(const ast::VariableDefinition& var) {
  input_type_stack_.push_back(input_or_null(schema_.type_from_ast(var.type, arena_)));
}

void TypeInfo::enter(const ast::Directive& directive) {
  directive_ = schema_.directive(directive.name);
  in_directive_ = true;
}

void TypeInfo::push_input(const Type* type, const ast::Value* default_value) {
  input_type_stack_.push_back(input_or_null(type));
  default_value_stack_.push_back(default_value);
}

void TypeInfo::enter(const ast::Argument& arg) {
  const InputValue* def = nullptr;
  if (in_directive_) {
    def = directive_ ? directive_->argument(arg.name) : nullptr;
  } else if (const Field* field = field_def()) {
    def = field->argument(arg.name);
  }
  argument_ = def;
  push_input(def ? def->type : nullptr, def ? def->default_value : nullptr);
}

void TypeInfo::leave_argument() {
  argument_ = nullptr;
  input_type_stack_.pop_back();
  default_value_stack_.pop_back();
}

void TypeInfo::enter(const ast::ObjectField& field) {
  const Type* object_type = named_type(input_type());
  const InputValue* def = object_type != nullptr && object_type->kind == TypeKind::kInputObject
                              ? object_type->input_field(field.name)
                              : nullptr;
  push_input(def ? def->type : nullptr, def ? def->default_value : nullptr);
}

void TypeInfo::leave_object_field() {
  input_type_stack_.pop_back();
  default_value_stack_.pop_back();
}

void TypeInfo::enter(const ast::Value& value) {
  if (value.kind != ast::ValueKind::kList) return;
  const Type* list_type = nullable_type(input_type());
  push_input(list_type != nullptr && list_type->is_list() ? list_type->of_type : list_type,
             nullptr);
}

void TypeInfo::leave(const ast::Value& value) {
  if (value.kind != ast::ValueKind::kList) return;
  input_type_stack_.pop_back();
  default_value_stack_.pop_back();
}

void TypeInfoVisitor::enter_operation(const ast::OperationDefinition& n) {
  info_.enter(n);
  each(kEnterOperation, [&](Visitor& v) { v.enter_operation(n); });
}
void TypeInfoVisitor::leave_operation(const ast::OperationDefinition& n) {
  each(kLeaveOperation, [&](Visitor& v) { v.leave_operation(n); });
  info_.leave_operation();
}
void TypeInfoVisitor::enter_fragment(const ast::FragmentDefinition& n) {
  info_.enter(n);
  each(kEnterFragment, [&](Visitor& v) { v.enter_fragment(n); });
}
void TypeInfoVisitor::leave_fragment(const ast::FragmentDefinition& n) {
  each(kLeaveFragment, [&](Visitor& v) { v.leave_fragment(n); });
  info_.leave_fragment();
}
void TypeInfoVisitor::enter_type_system_definition(const ast::TypeSystemDefinition& n) {
  each(kEnterTypeSystemDefinition, [&](Visitor& v) { v.enter_type_system_definition(n); });
}
void TypeInfoVisitor::enter_variable_definition(const ast::VariableDefinition& n) {
  info_.enter(n);
  each(kEnterVariableDefinition, [&](Visitor& v) { v.enter_variable_definition(n); });
}
void TypeInfoVisitor::leave_variable_definition(const ast::VariableDefinition& n) {
  each(kLeaveVariableDefinition, [&](Visitor& v) { v.leave_variable_definition(n); });
  info_.leave_variable_definition();
}
void TypeInfoVisitor::enter_selection_set(const ast::SelectionSet& n) {
  info_.enter(n);
  each(kEnterSelectionSet, [&](Visitor& v) { v.enter_selection_set(n); });
}
void TypeInfoVisitor::leave_selection_set(const ast::SelectionSet& n) {
  each(kLeaveSelectionSet, [&](Visitor& v) { v.leave_selection_set(n); });
  info_.leave_selection_set();
}
void TypeInfoVisitor::enter_selection(const ast::Selection& n) {
  info_.enter(n);
  each(kEnterSelection, [&](Visitor& v) { v.enter_selection(n); });
}
void TypeInfoVisitor::leave_selection(const ast::Selection& n) {
  each(kLeaveSelection, [&](Visitor& v) { v.leave_selection(n); });
  info_.leave(n);
}
void TypeInfoVisitor::enter_directive(const ast::Directive& n) {
  info_.enter(n);
  each(kEnterDirective, [&](Visitor& v) { v.enter_directive(n); });
}
void TypeInfoVisitor::leave_directive(const ast::Directive& n) {
  each(kLeaveDirective, [&](Visitor& v) { v.leave_directive(n); });
  info_.leave_directive();
}
void TypeInfoVisitor::enter_argument(const ast::Argument& n) {
  info_.enter(n);
  each(kEnterArgument, [&](Visitor& v) { v.enter_argument(n); });
}
void TypeInfoVisitor::leave_argument(const ast::Argument& n) {
  each(kLeaveArgument, [&](Visitor& v) { v.leave_argument(n); });
  info_.leave_argument();
}
void TypeInfoVisitor::enter_object_field(const ast::ObjectField& n) {
  info_.enter(n);
  each(kEnterObjectField, [&](Visitor& v) { v.enter_object_field(n); });
}
void TypeInfoVisitor::leave_object_field(const ast::ObjectField& n) {
  each(kLeaveObjectField, [&](Visitor& v) { v.leave_object_field(n); });
  info_.leave_object_field();
}
void TypeInfoVisitor::enter_value(const ast::Value& n) {
  info_.enter(n);
  each(kEnterValue, [&](Visitor& v) { v.enter_value(n); });
}
void TypeInfoVisitor::leave_value(const ast::Value& n) {
  each(kLeaveValue, [&](Visitor& v) { v.leave_value(n); });
  info_.leave(n);
}

}  // namespace myspace::graphql
