// SingleFieldSubscriptions (spec 5.2.3.1): a subscription selects exactly one
// root field, and not an introspection field.
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class SingleFieldSubscriptions : public Visitor {
 public:
  explicit SingleFieldSubscriptions(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    // As graphql-js: without a subscription type there is nothing to check;
    // execution refuses the operation.
    if (op.operation != ast::OperationType::kSubscription) return;
    if (ctx_.schema().subscription_type() == nullptr) return;
    std::vector<const ast::Selection*> fields;
    std::unordered_set<std::string_view> keys;
    std::unordered_set<std::string_view> visited;
    collect(op.selection_set, fields, keys, visited);
    const std::string who = op.name.empty() ? "Anonymous Subscription"
                                            : "Subscription \"" + std::string(op.name) + "\"";
    if (keys.size() > 1) {
      std::vector<SourceLocation> locs;
      for (std::size_t i = 1; i < fields.size(); ++i) {
        if (fields[i]->response_key() != fields[0]->response_key()) locs.push_back(fields[i]->loc);
      }
      ctx_.report(who + " must select only one top level field.", std::move(locs));
    }
    for (const ast::Selection* field : fields) {
      if (field->name.rfind("__", 0) == 0) {
        ctx_.report(who + " must not select an introspection top level field.", {field->loc});
      }
    }
  }

 private:
  void collect(const ast::SelectionSet& set, std::vector<const ast::Selection*>& fields,
               std::unordered_set<std::string_view>& keys,
               std::unordered_set<std::string_view>& visited) {
    for (const auto& sel : set.selections) {
      if (sel.kind == ast::SelectionKind::kField) {
        fields.push_back(&sel);
        keys.insert(sel.response_key());
      } else if (sel.kind == ast::SelectionKind::kInlineFragment) {
        collect(sel.selection_set, fields, keys, visited);
      } else if (visited.insert(sel.name).second) {
        if (const auto* frag = ctx_.fragment(sel.name))
          collect(frag->selection_set, fields, keys, visited);
      }
    }
  }

  ValidationContext& ctx_;
};

}  // namespace

Rule single_field_subscriptions(ValidationContext& ctx) {
  return std::make_unique<SingleFieldSubscriptions>(ctx);
}

}  // namespace myspace::graphql::rules
