// MaxDirectives (safety limit): directives cost work per use; an operation
// may use at most a configured number (fragments counted each time they are
// spread, including their own directives).
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class MaxDirectives : public Visitor {
 public:
  MaxDirectives(ValidationContext& ctx, std::size_t max) : ctx_(ctx), max_(max) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    std::size_t count = op.directives.size() + count_in(op.selection_set);
    for (const auto& var : op.variables) count += var.directives.size();
    if (count > max_) {
      ctx_.report("The operation uses " + std::to_string(count) +
                      " directives, more than the maximum of " + std::to_string(max_) + ".",
                  {op.loc});
    }
  }

 private:
  std::size_t count_in(const ast::SelectionSet& set) {
    std::size_t count = 0;
    for (const auto& sel : set.selections) {
      count += sel.directives.size();
      if (sel.kind == ast::SelectionKind::kFragmentSpread) {
        count += fragment_count(sel.name);
      } else if (!sel.selection_set.empty()) {
        count += count_in(sel.selection_set);
      }
    }
    return count;
  }

  std::size_t fragment_count(std::string_view name) {
    if (auto it = memo_.find(name); it != memo_.end()) return it->second;
    const auto* frag = ctx_.fragment(name);
    if (frag == nullptr || !in_progress_.insert(name).second) return 0;
    const std::size_t count = frag->directives.size() + count_in(frag->selection_set);
    in_progress_.erase(name);
    return memo_[name] = count;
  }

  ValidationContext& ctx_;
  std::size_t max_;
  std::unordered_map<std::string_view, std::size_t> memo_;
  std::unordered_set<std::string_view> in_progress_;
};

}  // namespace

Rule max_directives(ValidationContext& ctx, std::size_t max) {
  return std::make_unique<MaxDirectives>(ctx, max);
}

}  // namespace myspace::graphql::rules
