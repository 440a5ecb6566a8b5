// MaxAliases (safety limit): aliases let one request run the same expensive
// field many times; an operation may use at most a configured number
// (fragments counted each time they are spread).
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class MaxAliases : public Visitor {
 public:
  MaxAliases(ValidationContext& ctx, std::size_t max) : ctx_(ctx), max_(max) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    const std::size_t count = count_in(op.selection_set);
    if (count > max_) {
      ctx_.report("The operation uses " + std::to_string(count) +
                      " aliases, more than the maximum of " + std::to_string(max_) + ".",
                  {op.loc});
    }
  }

 private:
  std::size_t count_in(const ast::SelectionSet& set) {
    std::size_t count = 0;
    for (const auto& sel : set.selections) {
      if (sel.kind == ast::SelectionKind::kFragmentSpread) {
        count += fragment_count(sel.name);
      } else {
        count += sel.alias.empty() ? 0 : 1;
        if (!sel.selection_set.empty()) count += count_in(sel.selection_set);
      }
    }
    return count;
  }

  std::size_t fragment_count(std::string_view name) {
    if (auto it = memo_.find(name); it != memo_.end()) return it->second;
    const auto* frag = ctx_.fragment(name);
    if (frag == nullptr || !in_progress_.insert(name).second) return 0;
    const std::size_t count = count_in(frag->selection_set);
    in_progress_.erase(name);
    return memo_[name] = count;
  }

  ValidationContext& ctx_;
  std::size_t max_;
  std::unordered_map<std::string_view, std::size_t> memo_;
  std::unordered_set<std::string_view> in_progress_;
};

}  // namespace

Rule max_aliases(ValidationContext& ctx, std::size_t max) {
  return std::make_unique<MaxAliases>(ctx, max);
}

}  // namespace myspace::graphql::rules
