#pragma once
// What a validation rule sees: the schema, the document, the types at the
// current position (TypeInfo), fragments by name, variable usages of an
// operation (through its fragments), and report() for errors.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/error/did_you_mean.h"
#include "graphql/language/visitor.h"
#include "graphql/validation/type_info.h"

namespace myspace::graphql {

struct VariableUsage {
  const ast::Value* node;             // the $variable
  const Type* type;                   // expected input type at that position (may be null)
  const ast::Value* default_value;    // default of the argument / input field, if any
  const Type* parent_type = nullptr;  // the input type around that position (graphql-js's
                                      // getParentInputType(): wrappers kept)
};

class ValidationContext {
 public:
  ValidationContext(const Schema& schema, const ast::Document& document, TypeInfo& type_info,
                    TypeArena& arena);

  const Schema& schema() const { return schema_; }
  const ast::Document& document() const { return document_; }
  const TypeInfo& type_info() const { return type_info_; }
  TypeArena& arena() { return arena_; }

  void report(std::string message, std::vector<SourceLocation> locations);
  // graphql-js's hideSuggestions, on when the schema's introspection is off:
  // messages then suggest no names ("Did you mean …?") that the document did
  // not write, as they would give the schema away.
  bool hide_suggestions() const { return schema_.hides_suggestions(); }
  const std::vector<GraphQLError>& errors() const { return errors_; }
  std::vector<GraphQLError> take_errors() { return std::move(errors_); }

  const ast::FragmentDefinition* fragment(std::string_view name) const;
  // Every fragment spread inside a selection set, at any depth, without
  // entering the spread fragments themselves.
  std::vector<const ast::Selection*> fragment_spreads(const ast::SelectionSet& set) const;
  // Every fragment an operation uses, transitively (known fragments only).
  // Kept per operation: NoUnusedFragments and the variable rules all ask.
  const std::vector<const ast::FragmentDefinition*>& recursively_referenced_fragments(
      const ast::OperationDefinition& operation);
  // Every variable used in an operation, including in the fragments it uses.
  // Three rules ask for the same operation's usages, and a fragment used by
  // several operations is walked once: both are kept (graphql-js caches them too).
  const std::vector<VariableUsage>& recursive_variable_usages(
      const ast::OperationDefinition& operation);

 private:
  std::vector<VariableUsage> variable_usages(const ast::OperationDefinition* op,
                                             const ast::FragmentDefinition* frag);
  const std::vector<VariableUsage>& fragment_variable_usages(const ast::FragmentDefinition& frag);

  const Schema& schema_;
  const ast::Document& document_;
  TypeInfo& type_info_;
  TypeArena& arena_;
  std::vector<GraphQLError> errors_;
  std::unordered_map<std::string_view, const ast::FragmentDefinition*> fragments_;
  std::unordered_map<const ast::OperationDefinition*, std::vector<VariableUsage>> operation_usages_;
  std::unordered_map<const ast::OperationDefinition*, std::vector<const ast::FragmentDefinition*>>
      operation_fragments_;
  std::unordered_map<const ast::FragmentDefinition*, std::vector<VariableUsage>> fragment_usages_;
};

using Rule = std::unique_ptr<Visitor>;
struct RuleFactory {
  std::string name;
  std::function<Rule(ValidationContext&)> make;
};

}  // namespace myspace::graphql
