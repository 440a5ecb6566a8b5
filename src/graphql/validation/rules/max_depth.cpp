// MaxDepth (safety limit): how deeply an operation nests fields, with
// fragments expanded. Stops clients from asking for friends of friends of
// friends… without bound. A path through introspection (a __schema or __type
// field) is measured against its own bound instead: the standard
// introspection query is 15 deep (see rules.h), well past any sensible
// limit for data, and is cheap (answered from the schema), but
// `ofType { ofType { … } }` must not nest without bound either.
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

// The deepest nesting of the paths that stay out of introspection, and of
// those that enter it (0 when there are none).
struct Depths {
  std::size_t ordinary = 0;
  std::size_t introspection = 0;
};

bool is_introspection_root(const ast::Selection& sel) {
  return sel.name == "__schema" || sel.name == "__type";
}

class MaxDepth : public Visitor {
 public:
  MaxDepth(ValidationContext& ctx, DepthLimit limit) : ctx_(ctx), limit_(limit) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    const Depths depth = depth_of(op.selection_set);
    if (depth.ordinary > limit_.max_depth) {
      ctx_.report(operation_label(op) + " is nested " + std::to_string(depth.ordinary) +
                      " levels deep, more than the maximum of " + std::to_string(limit_.max_depth) +
                      ".",
                  {op.loc});
    }
    if (depth.introspection > limit_.max_introspection_depth) {
      ctx_.report("Introspection in " + lower_first(operation_label(op)) + " is nested " +
                      std::to_string(depth.introspection) +
                      " levels deep, more than the maximum of " +
                      std::to_string(limit_.max_introspection_depth) + ".",
                  {op.loc});
    }
  }

 private:
  static std::string operation_label(const ast::OperationDefinition& op) {
    return op.name.empty() ? std::string("The operation")
                           : "Operation \"" + std::string(op.name) + "\"";
  }
  static std::string lower_first(std::string text) {
    if (text.front() == 'T') text.front() = 't';
    return text;
  }

  Depths depth_of(const ast::SelectionSet& set) {
    Depths deepest;
    auto keep = [&](Depths d) {
      deepest.ordinary = std::max(deepest.ordinary, d.ordinary);
      deepest.introspection = std::max(deepest.introspection, d.introspection);
    };
    for (const auto& sel : set.selections) {
      switch (sel.kind) {
        case ast::SelectionKind::kField: {
          // __typename is a leaf that costs nothing, and clients such as
          // Apollo Client add it to every selection set: not counted.
          if (sel.name == "__typename") break;
          const Depths below = sel.selection_set.empty() ? Depths{} : depth_of(sel.selection_set);
          if (is_introspection_root(sel)) {
            keep({0, 1 + std::max(below.ordinary, below.introspection)});
          } else {
            keep({1 + below.ordinary, below.introspection == 0 ? 0 : 1 + below.introspection});
          }
          break;
        }
        case ast::SelectionKind::kInlineFragment:
          keep(depth_of(sel.selection_set));
          break;
        case ast::SelectionKind::kFragmentSpread:
          keep(fragment_depth(sel.name));
          break;
      }
    }
    return deepest;
  }

  // Memoised per fragment; a fragment in a cycle counts 0 (NoFragmentCycles reports it).
  Depths fragment_depth(std::string_view name) {
    if (auto it = memo_.find(name); it != memo_.end()) return it->second;
    const auto* frag = ctx_.fragment(name);
    if (frag == nullptr || !in_progress_.insert(name).second) return {};
    const Depths depth = depth_of(frag->selection_set);
    in_progress_.erase(name);
    memo_[name] = depth;
    return depth;
  }

  ValidationContext& ctx_;
  DepthLimit limit_;
  std::unordered_map<std::string_view, Depths> memo_;
  std::unordered_set<std::string_view> in_progress_;
};

}  // namespace

Rule max_depth(ValidationContext& ctx, DepthLimit limit) {
  return std::make_unique<MaxDepth>(ctx, limit);
}

}  // namespace myspace::graphql::rules
