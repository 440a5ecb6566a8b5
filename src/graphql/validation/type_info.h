#pragma once
// Tracks, during a walk, the schema types at the current position: the
// parent composite type, the field's type and definition, the expected input
// type of an argument / list item / object field, and its default value
// (graphql-js's TypeInfo). Validation rules ask the context for these.

#include <array>
#include <vector>

#include "graphql/language/visitor.h"
#include "graphql/type/schema.h"

namespace myspace::graphql {

class TypeInfo {
 public:
  TypeInfo(const Schema& schema, TypeArena& arena) : schema_(schema), arena_(arena) {
    // Room for usual nesting depths up front rather than growing in steps.
    type_stack_.reserve(kUsualDepth);
    parent_type_stack_.reserve(kUsualDepth);
    field_def_stack_.reserve(kUsualDepth);
  }

  const Type* type() const { return top(type_stack_); }
  const Type* parent_type() const { return top(parent_type_stack_); }
  const Type* input_type() const { return top(input_type_stack_); }
  const Type* parent_input_type() const {
    return input_type_stack_.size() > 1 ? input_type_stack_[input_type_stack_.size() - 2] : nullptr;
  }
  const Field* field_def() const { return top(field_def_stack_); }
  const ast::Value* default_value() const { return top(default_value_stack_); }
  const Directive* directive() const { return directive_; }
  const InputValue* argument() const { return argument_; }

  void enter(const ast::OperationDefinition& op);
  void enter(const ast::FragmentDefinition& frag);
  void enter(const ast::SelectionSet& set);
  void enter(const ast::Selection& sel);
  void enter(const ast::VariableDefinition& var);
  void enter(const ast::Directive& directive);
  void enter(const ast::Argument& arg);
  void enter(const ast::ObjectField& field);
  void enter(const ast::Value& value);
  void leave_operation() { type_stack_.pop_back(); }
  void leave_fragment() { type_stack_.pop_back(); }
  void leave_selection_set() { parent_type_stack_.pop_back(); }
  void leave(const ast::Selection& sel);
  void leave_variable_definition() { input_type_stack_.pop_back(); }
  void leave_directive() {
    directive_ = nullptr;
    in_directive_ = false;
  }
  void leave_argument();
  void leave_object_field();
  void leave(const ast::Value& value);

 private:
  template <typename T>
  static const T* top(const std::vector<const T*>& stack) {
    return stack.empty() ? nullptr : stack.back();
  }
  void push_input(const Type* type, const ast::Value* default_value);

  static constexpr std::size_t kUsualDepth = 16;
  const Schema& schema_;
  TypeArena& arena_;
  std::vector<const Type*> type_stack_;
  std::vector<const Type*> parent_type_stack_;
  std::vector<const Type*> input_type_stack_;
  std::vector<const Field*> field_def_stack_;
  std::vector<const ast::Value*> default_value_stack_;
  const Directive* directive_ = nullptr;
  const InputValue* argument_ = nullptr;
  bool in_directive_ = false;  // arguments belong to the directive, known or not
};

// Keeps a TypeInfo up to date around the visitors it forwards to: enter
// hooks see the types of the node being entered, leave hooks still see them.
class TypeInfoVisitor : public Visitor {
 public:
  TypeInfoVisitor(TypeInfo& info, const std::vector<Visitor*>& visitors)
      : info_(info), stride_(visitors.size()) {
    listeners_.reserve(kHookCount * stride_);
    for (std::size_t hook = 0; hook < kHookCount; ++hook) {
      listeners_.insert(listeners_.end(), visitors.begin(), visitors.end());
    }
    listener_count_.fill(stride_);
  }

  void enter_document(const ast::Document& d) override {
    each(kEnterDocument, [&](Visitor& v) { v.enter_document(d); });
  }
  void leave_document(const ast::Document& d) override {
    each(kLeaveDocument, [&](Visitor& v) { v.leave_document(d); });
  }
  void enter_operation(const ast::OperationDefinition& n) override;
  void leave_operation(const ast::OperationDefinition& n) override;
  void enter_fragment(const ast::FragmentDefinition& n) override;
  void leave_fragment(const ast::FragmentDefinition& n) override;
  void enter_type_system_definition(const ast::TypeSystemDefinition& n) override;
  void enter_variable_definition(const ast::VariableDefinition& n) override;
  void leave_variable_definition(const ast::VariableDefinition& n) override;
  void enter_selection_set(const ast::SelectionSet& n) override;
  void leave_selection_set(const ast::SelectionSet& n) override;
  void enter_selection(const ast::Selection& n) override;
  void leave_selection(const ast::Selection& n) override;
  void enter_directive(const ast::Directive& n) override;
  void leave_directive(const ast::Directive& n) override;
  void enter_argument(const ast::Argument& n) override;
  void leave_argument(const ast::Argument& n) override;
  void enter_object_field(const ast::ObjectField& n) override;
  void leave_object_field(const ast::ObjectField& n) override;
  void enter_value(const ast::Value& n) override;
  void leave_value(const ast::Value& n) override;

 private:
  // Calls `f` on the visitors listening to `hook`, in order. Most rules use two
  // or three of the hooks: a visitor whose call ran the empty default is
  // dropped from that hook's list, so each node costs a call per rule that
  // cares about it rather than one per rule. (If a visitor throws, the walk is
  // over and the half-compacted list is never used again.)
  template <typename F>
  void each(Hook hook, F&& f) {
    Visitor** listeners = listeners_.data() + hook * stride_;
    std::size_t& count = listener_count_[hook];
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count; ++i) {
      Visitor* visitor = listeners[i];
      f(*visitor);
      if (!visitor->lacks(hook)) listeners[kept++] = visitor;
    }
    count = kept;
  }
  TypeInfo& info_;
  // The listeners of each hook, kHookCount rows of stride_ (one allocation);
  // the first listener_count_[hook] of a row are the ones still listening.
  std::size_t stride_;
  std::vector<Visitor*> listeners_;
  std::array<std::size_t, kHookCount> listener_count_;
};

}  // namespace myspace::graphql
