// NoFragmentCycles (spec 5.5.2.2): fragments must not spread themselves,
// directly or through other fragments.
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class NoFragmentCycles : public Visitor {
 public:
  explicit NoFragmentCycles(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_fragment(const ast::FragmentDefinition& frag) override { detect(frag); }

 private:
  void detect(const ast::FragmentDefinition& frag) {
    if (!visited_.insert(frag.name).second) return;
    auto spreads = ctx_.fragment_spreads(frag.selection_set);
    if (spreads.empty()) return;
    index_by_name_[frag.name] = path_.size();
    for (const ast::Selection* spread : spreads) {
      auto cycle = index_by_name_.find(spread->name);
      path_.push_back(spread);
      if (cycle == index_by_name_.end()) {
        if (const auto* next = ctx_.fragment(spread->name)) detect(*next);
      } else {
        report_cycle(spread->name, cycle->second);
      }
      path_.pop_back();
    }
    index_by_name_.erase(frag.name);
  }

  void report_cycle(std::string_view name, std::size_t start) {
    std::string via;
    std::vector<SourceLocation> locs;
    for (std::size_t i = start; i < path_.size(); ++i) {
      locs.push_back(path_[i]->loc);
      if (i + 1 < path_.size())
        via += (via.empty() ? "\"" : ", \"") + std::string(path_[i]->name) + "\"";
    }
    ctx_.report("Cannot spread fragment \"" + std::string(name) + "\" within itself" +
                    (via.empty() ? "." : " via " + via + "."),
                std::move(locs));
  }

  ValidationContext& ctx_;
  std::unordered_set<std::string_view> visited_;
  std::vector<const ast::Selection*> path_;
  std::unordered_map<std::string_view, std::size_t> index_by_name_;
};

}  // namespace

Rule no_fragment_cycles(ValidationContext& ctx) {
  return std::make_unique<NoFragmentCycles>(ctx);
}

}  // namespace myspace::graphql::rules
