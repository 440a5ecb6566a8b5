// MaxDepth (safety limit): how deeply an operation nests fields, with
// fragments expanded. Stops clients from asking for friends of friends of
// friends… without bound.
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class MaxDepth : public Visitor {
 public:
  MaxDepth(ValidationContext& ctx, DepthLimit limit) : ctx_(ctx), limit_(limit) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    const std::size_t depth = depth_of(op.selection_set);
    if (depth > limit_.max_depth) {
      ctx_.report(operation_label(op) + " is nested " + std::to_string(depth) +
                      " levels deep, more than the maximum of " + std::to_string(limit_.max_depth) +
                      ".",
                  {op.loc});
    }
  }

 private:
  static std::string operation_label(const ast::OperationDefinition& op) {
    return op.name.empty() ? std::string("The operation")
                           : "Operation \"" + std::string(op.name) + "\"";
  }

  std::size_t depth_of(const ast::SelectionSet& set) {
    std::size_t deepest = 0;
    for (const auto& sel : set.selections) {
      switch (sel.kind) {
        case ast::SelectionKind::kField:
          if (!limit_.count_introspection && sel.name.rfind("__", 0) == 0) break;
          deepest =
              std::max(deepest, 1 + (sel.selection_set.empty() ? 0 : depth_of(sel.selection_set)));
          break;
        case ast::SelectionKind::kInlineFragment:
          deepest = std::max(deepest, depth_of(sel.selection_set));
          break;
        case ast::SelectionKind::kFragmentSpread:
          deepest = std::max(deepest, fragment_depth(sel.name));
          break;
      }
    }
    return deepest;
  }

  // Memoised per fragment; a fragment in a cycle counts 0 (NoFragmentCycles reports it).
  std::size_t fragment_depth(std::string_view name) {
    if (auto it = memo_.find(name); it != memo_.end()) return it->second;
    const auto* frag = ctx_.fragment(name);
    if (frag == nullptr || !in_progress_.insert(name).second) return 0;
    const std::size_t depth = depth_of(frag->selection_set);
    in_progress_.erase(name);
    memo_[name] = depth;
    return depth;
  }

  ValidationContext& ctx_;
  DepthLimit limit_;
  std::unordered_map<std::string_view, std::size_t> memo_;
  std::unordered_set<std::string_view> in_progress_;
};

}  // namespace

Rule max_depth(ValidationContext& ctx, DepthLimit limit) {
  return std::make_unique<MaxDepth>(ctx, limit);
}

}  // namespace myspace::graphql::rules
