#pragma once
// A depth-first walk over a document with enter/leave hooks per node kind, in
// source order. Validation rules are Visitors; the validator runs them all in
// one pass (graphql-js's visitInParallel) while tracking types alongside.

#include <cstdint>

#include "graphql/language/ast.h"

namespace myspace::graphql {

class Visitor {
 public:
  // One per hook below, so a dispatcher can tell which hooks a visitor uses.
  enum Hook : unsigned {
    kEnterOperation,
    kLeaveOperation,
    kEnterFragment,
    kLeaveFragment,
    kEnterTypeSystemDefinition,
    kEnterVariableDefinition,
    kLeaveVariableDefinition,
    kEnterSelectionSet,
    kLeaveSelectionSet,
    kEnterSelection,
    kLeaveSelection,
    kEnterDirective,
    kLeaveDirective,
    kEnterArgument,
    kLeaveArgument,
    kEnterObjectField,
    kLeaveObjectField,
    kEnterValue,
    kLeaveValue,
    kEnterDocument,
    kLeaveDocument,
    kHookCount
  };

  virtual ~Visitor() = default;
  virtual void enter_operation(const ast::OperationDefinition&) { lacks_hook(kEnterOperation); }
  virtual void leave_operation(const ast::OperationDefinition&) { lacks_hook(kLeaveOperation); }
  virtual void enter_fragment(const ast::FragmentDefinition&) { lacks_hook(kEnterFragment); }
  virtual void leave_fragment(const ast::FragmentDefinition&) { lacks_hook(kLeaveFragment); }
  virtual void enter_type_system_definition(const ast::TypeSystemDefinition&) {
    lacks_hook(kEnterTypeSystemDefinition);
  }
  virtual void enter_variable_definition(const ast::VariableDefinition&) {
    lacks_hook(kEnterVariableDefinition);
  }
  virtual void leave_variable_definition(const ast::VariableDefinition&) {
    lacks_hook(kLeaveVariableDefinition);
  }
  virtual void enter_selection_set(const ast::SelectionSet&) { lacks_hook(kEnterSelectionSet); }
  virtual void leave_selection_set(const ast::SelectionSet&) { lacks_hook(kLeaveSelectionSet); }
  virtual void enter_selection(const ast::Selection&) { lacks_hook(kEnterSelection); }
  virtual void leave_selection(const ast::Selection&) { lacks_hook(kLeaveSelection); }
  virtual void enter_directive(const ast::Directive&) { lacks_hook(kEnterDirective); }
  virtual void leave_directive(const ast::Directive&) { lacks_hook(kLeaveDirective); }
  virtual void enter_argument(const ast::Argument&) { lacks_hook(kEnterArgument); }
  virtual void leave_argument(const ast::Argument&) { lacks_hook(kLeaveArgument); }
  virtual void enter_object_field(const ast::ObjectField&) { lacks_hook(kEnterObjectField); }
  virtual void leave_object_field(const ast::ObjectField&) { lacks_hook(kLeaveObjectField); }
  // Every value, including list items and object field values.
  virtual void enter_value(const ast::Value&) { lacks_hook(kEnterValue); }
  virtual void leave_value(const ast::Value&) { lacks_hook(kLeaveValue); }
  virtual void enter_document(const ast::Document&) { lacks_hook(kEnterDocument); }
  virtual void leave_document(const ast::Document&) { lacks_hook(kLeaveDocument); }

  // True once the default (empty) body of `hook` has run: this visitor does not
  // implement it, and a dispatcher forwarding to many visitors can stop calling it.
  bool lacks(Hook hook) const { return ((lacking_ >> hook) & 1u) != 0; }

 private:
  void lacks_hook(Hook hook) { lacking_ |= 1u << hook; }
  std::uint32_t lacking_ = 0;
  static_assert(kHookCount <= 32);
};

void walk(const ast::Document& document, Visitor& visitor);
void walk(const ast::SelectionSet& set, Visitor& visitor);
void walk(const ast::OperationDefinition& operation, Visitor& visitor);
void walk(const ast::FragmentDefinition& fragment, Visitor& visitor);

}  // namespace myspace::graphql
