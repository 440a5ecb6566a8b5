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

std::vector<const ast::FragmentDefinition*> ValidationContext::recursively_referenced_fragments(
    const ast::OperationDefinition& operation) const {
  std::vector<const ast::FragmentDefinition*> out;
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
      out_.push_back({&value, info_.input_type(), info_.default_value()});
    }
  }
  // Variable definitions' own defaults are constants; nothing to collect.

 private:
  const TypeInfo& info_;
  std::vector<VariableUsage>& out_;
};

}  // namespace

std::vector<VariableUsage> ValidationContext::variable_usages(const ast::OperationDefinition* op,
                                                              const ast::FragmentDefinition* frag) {
  std::vector<VariableUsage> usages;
  TypeInfo info(schema_, arena_);
  UsageCollector collector(info, usages);
  TypeInfoVisitor visitor(info, {&collector});
  if (op != nullptr) {
    // Only the selection set and directives: variable definitions are not usages.
    info.enter(*op);
    walk(op->selection_set, visitor);
    for (const auto& d : op->directives) {
      for (const auto& arg : d.arguments) {
        if (arg.value.kind == ast::ValueKind::kVariable)
          usages.push_back({&arg.value, nullptr, nullptr});
      }
    }
  } else {
    walk(*frag, visitor);
  }
  return usages;
}

std::vector<VariableUsage> ValidationContext::recursive_variable_usages(
    const ast::OperationDefinition& operation) {
  std::vector<VariableUsage> usages = variable_usages(&operation, nullptr);
  for (const auto* frag : recursively_referenced_fragments(operation)) {
    auto more = variable_usages(nullptr, frag);
    usages.insert(usages.end(), more.begin(), more.end());
  }
  return usages;
}

}  // namespace myspace::graphql
