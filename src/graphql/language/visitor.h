#pragma once
// A depth-first walk over a document with enter/leave hooks per node kind, in
// source order. Validation rules are Visitors; the validator runs them all in
// one pass (graphql-js's visitInParallel) while tracking types alongside.

#include "graphql/language/ast.h"

namespace myspace::graphql {

class Visitor {
 public:
  virtual ~Visitor() = default;
  virtual void enter_operation(const ast::OperationDefinition&) {}
  virtual void leave_operation(const ast::OperationDefinition&) {}
  virtual void enter_fragment(const ast::FragmentDefinition&) {}
  virtual void leave_fragment(const ast::FragmentDefinition&) {}
  virtual void enter_type_system_definition(const ast::TypeSystemDefinition&) {}
  virtual void enter_variable_definition(const ast::VariableDefinition&) {}
  virtual void leave_variable_definition(const ast::VariableDefinition&) {}
  virtual void enter_selection_set(const ast::SelectionSet&) {}
  virtual void leave_selection_set(const ast::SelectionSet&) {}
  virtual void enter_selection(const ast::Selection&) {}
  virtual void leave_selection(const ast::Selection&) {}
  virtual void enter_directive(const ast::Directive&) {}
  virtual void leave_directive(const ast::Directive&) {}
  virtual void enter_argument(const ast::Argument&) {}
  virtual void leave_argument(const ast::Argument&) {}
  virtual void enter_object_field(const ast::ObjectField&) {}
  virtual void leave_object_field(const ast::ObjectField&) {}
  // Every value, including list items and object field values.
  virtual void enter_value(const ast::Value&) {}
  virtual void leave_value(const ast::Value&) {}
  virtual void enter_document(const ast::Document&) {}
  virtual void leave_document(const ast::Document&) {}
};

void walk(const ast::Document& document, Visitor& visitor);
void walk(const ast::SelectionSet& set, Visitor& visitor);
void walk(const ast::OperationDefinition& operation, Visitor& visitor);
void walk(const ast::FragmentDefinition& fragment, Visitor& visitor);

}  // namespace myspace::graphql
