#include "graphql/validation/validation_context.h"

#include <algorithm>
#include <unordered_set>

namespace myspace::graphql {

ValidationContext::ValidationContext(const Schema& schema, const ast::Document& document,
                                     TypeInfo& type_info, TypeArena& arena)
    : schema_(schema), document_(document), type_info_(type_info), arena_(arena) {
  for (const auto& def : document.definitions) {
    if (const auto* frag = std::get_if<ast::FragmentDefinition>(&def))
      fragments_.emplace(frag->name, frag);
  }
}

void ValidationContext::report(std::string message, std::vector<SourceLocation> locations) {
  GraphQLError e;
  e.message = std::move(message);
  e.locations = std::move(locations);
  e.extensions["code"] = "GRAPHQL_VALIDATION_FAILED";
  errors_.push_back(std::move(e));
}

const ast::FragmentDefinition* ValidationContext::fragment(std::string_view name) const {
  auto it = fragments_.find(name);
  return it == fragments_.end() ? nullptr : it->second;
}

std::vector<const ast::Selection*> ValidationContext::fragment_spreads(
    const ast::SelectionSet& set) const {
  std::vector<const ast::Selection*> spreads;
  std::vector<const ast::SelectionSet*> pending{&set};
  while (!pending.empty()) {
    const ast::SelectionSet* current = pending.back();
    pending.pop_back();
    for (const auto& sel : current->selections) {
      if (sel.kind == ast::SelectionKind::kFragmentSpread) {
        spreads.push_back(&sel);
      } else if (!sel.selection_set.empty()) {
        pending.push_back(&sel.selection_set);
      }
    }
  }
  return spreads;
}

const std::vector<const ast::FragmentDefinition*>&
ValidationContext::recursively_referenced_fragments(const ast::OperationDefinition& operation) {
  static const std::vector<const ast::FragmentDefinition*> kNone;
  if (fragments_.empty()) return kNone;  // most requests: nothing to look for
  auto [cached, inserted] = operation_fragments_.try_emplace(&operation);
  if (!inserted) return cached->second;
  std::vector<const ast::FragmentDefinition*>& out = cached->second;
  std::unordered_set<std::string_view> collected;
  std::vector<const ast::SelectionSet*> pending{&operation.selection_set};
  while (!pending.empty()) {
    const ast::SelectionSet* set = pending.back();
    pending.pop_back();
    for (const ast::Selection* spread : fragment_spreads(*set)) {
      if (!collected.insert(spread->name).second) continue;
      if (const ast::FragmentDefinition* frag = fragment(spread->name)) {
        out.push_back(frag);
        pending.push_back(&frag->selection_set);
      }
    }
  }
  return out;
}

namespace {

class UsageCollector : public Visitor {
 public:
  UsageCollector(const TypeInfo& info, std::vector<VariableUsage>& out) : info_(info), out_(out) {}
  void enter_value(const ast::Value& value) override {
    if (value.kind == ast::ValueKind::kVariable) {
      out_.push_back(
          {&value, info_.input_type(), info_.default_value(), info_.parent_input_type()});
    }
  }
  // Variable definitions' own defaults are constants; nothing to collect.

 private:
  const TypeInfo& info_;
  std::vector<VariableUsage>& out_;
};

bool contains_variable(const ast::Value& value) {
  if (value.kind == ast::ValueKind::kVariable) return true;
  for (const auto& item : value.list) {
    if (contains_variable(item)) return true;
  }
  for (const auto& field : value.fields) {
    if (contains_variable(field.value)) return true;
  }
  return false;
}

bool contains_variable(const std::vector<ast::Argument>& arguments) {
  for (const auto& arg : arguments) {
    if (contains_variable(arg.value)) return true;
  }
  return false;
}

bool contains_variable(const std::vector<ast::Directive>& directives) {
  for (const auto& directive : directives) {
    if (contains_variable(directive.arguments)) return true;
  }
  return false;
}

bool contains_variable(const ast::SelectionSet& set) {
  for (const auto& sel : set.selections) {
    if (contains_variable(sel.arguments) || contains_variable(sel.directives) ||
        contains_variable(sel.selection_set)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<VariableUsage> ValidationContext::variable_usages(const ast::OperationDefinition* op,
                                                              const ast::FragmentDefinition* frag) {
  std::vector<VariableUsage> usages;
  // Finding no variable is an untyped scan; the typed walk (field lookups along
  // the way) is only needed to tell the types of the ones found. Most
  // documents, and most fragments, use none.
  const bool typed_walk_needed =
      op != nullptr ? contains_variable(op->selection_set)
                    : contains_variable(frag->directives) || contains_variable(frag->selection_set);
  if (typed_walk_needed) {
    TypeInfo info(schema_, arena_);
    UsageCollector collector(info, usages);
    TypeInfoVisitor visitor(info, {&collector});
    if (op != nullptr) {
      // Only the selection set: variable definitions are not usages.
      info.enter(*op);
      walk(op->selection_set, visitor);
    } else {
      walk(*frag, visitor);
    }
  }
  if (op != nullptr) {
    for (const auto& d : op->directives) {
      for (const auto& arg : d.arguments) {
        if (arg.value.kind == ast::ValueKind::kVariable)
          usages.push_back({&arg.value, nullptr, nullptr});
      }
    }
  }
  return usages;
}

const std::vector<VariableUsage>& ValidationContext::fragment_variable_usages(
    const ast::FragmentDefinition& frag) {
  auto it = fragment_usages_.find(&frag);
  if (it == fragment_usages_.end()) {
    it = fragment_usages_.emplace(&frag, variable_usages(nullptr, &frag)).first;
  }
  return it->second;
}

const std::vector<VariableUsage>& ValidationContext::recursive_variable_usages(
    const ast::OperationDefinition& operation) {
  auto it = operation_usages_.find(&operation);
  if (it != operation_usages_.end()) return it->second;
  std::vector<VariableUsage> usages = variable_usages(&operation, nullptr);
  for (const auto* frag : recursively_referenced_fragments(operation)) {
    const auto& more = fragment_variable_usages(*frag);
    usages.insert(usages.end(), more.begin(), more.end());
  }
  return operation_usages_.emplace(&operation, std::move(usages)).first->second;
}

}  // namespace myspace::graphql
