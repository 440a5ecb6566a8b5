// MaxIntrospectionDepth (graphql-js 16.9+, one of its specifiedRules): the
// schema is a cyclic graph, so introspection can walk it without end —
// __type { fields { type { fields { type { fields … — each level multiplying
// the response by the schema's size. From a __schema or __type field, at most
// two of the list fields that walk to other types (fields, interfaces,
// possibleTypes, inputFields) may nest; the standard introspection query nests
// at most two (types → fields → args is one, as `types` and `args` are not
// counted). Fragments are followed, cycles broken, and what was found for a
// fragment entered at a depth is reused, exactly as graphql-js does.
#include <unordered_map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

constexpr int kMaxListsDepth = 3;

class MaxIntrospectionDepth : public Visitor {
 public:
  explicit MaxIntrospectionDepth(ValidationContext& ctx) : ctx_(ctx) {}

  void enter_selection(const ast::Selection& sel) override {
    if (skipping_ != nullptr || sel.kind != ast::SelectionKind::kField) return;
    if (sel.name != "__schema" && sel.name != "__type") return;
    // The fragments entered during this check, by the greatest entry depth.
    Depths visited;
    if (check_set(sel.selection_set, visited, 0)) {
      ctx_.report("Maximum introspection depth exceeded", {sel.loc});
      skipping_ = &sel;  // as graphql-js, nothing inside is checked again
    }
  }
  void leave_selection(const ast::Selection& sel) override {
    if (skipping_ == &sel) skipping_ = nullptr;
  }

 private:
  using Depths = std::unordered_map<std::string_view, int>;

  bool check_set(const ast::SelectionSet& set, Depths& visited, int depth) {
    for (const auto& child : set.selections) {
      if (check(child, visited, depth)) return true;
    }
    return false;
  }

  // True when the limit is reached at or below `sel`.
  bool check(const ast::Selection& sel, Depths& visited, int depth) {
    if (sel.kind == ast::SelectionKind::kFragmentSpread) {
      return check_fragment(sel.name, visited, depth);
    }
    if (sel.kind == ast::SelectionKind::kField &&
        (sel.name == "fields" || sel.name == "interfaces" || sel.name == "possibleTypes" ||
         sel.name == "inputFields")) {
      if (++depth >= kMaxListsDepth) return true;
    }
    return check_set(sel.selection_set, visited, depth);
  }

  bool check_fragment(std::string_view name, Depths& visited, int depth) {
    // A fragment that reached the limit reaches it again entered as deep or deeper.
    if (auto it = exceeded_.find(name); it != exceeded_.end() && it->second <= depth) return true;
    // Entered at least as deep already: a cycle, or a check that passed.
    if (auto it = visited.find(name); it != visited.end() && it->second >= depth) return false;
    if (auto it = checked_.find(name); it != checked_.end() && it->second >= depth) return false;
    const ast::FragmentDefinition* fragment = ctx_.fragment(name);
    if (fragment == nullptr) return false;  // KnownFragmentNames reports it
    visited[name] = depth;
    if (check_set(fragment->selection_set, visited, depth)) {
      exceeded_[name] = depth;
      return true;
    }
    checked_[name] = depth;
    return false;
  }

  ValidationContext& ctx_;
  const ast::Selection* skipping_ = nullptr;
  // Shared by the checks of every __schema and __type field of the document:
  // the greatest entry depth at which a fragment passed, the smallest at which
  // it reached the limit.
  Depths checked_;
  Depths exceeded_;
};

}  // namespace

Rule max_introspection_depth(ValidationContext& ctx) {
  return std::make_unique<MaxIntrospectionDepth>(ctx);
}

}  // namespace myspace::graphql::rules
