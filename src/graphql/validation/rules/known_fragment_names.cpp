// KnownFragmentNames (spec 5.5.2.1): spreads name defined fragments.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class KnownFragmentNames : public Visitor {
 public:
  explicit KnownFragmentNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_selection(const ast::Selection& sel) override {
    if (sel.kind == ast::SelectionKind::kFragmentSpread && ctx_.fragment(sel.name) == nullptr) {
      ctx_.report("Unknown fragment \"" + std::string(sel.name) + "\".", {sel.name_loc});
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule known_fragment_names(ValidationContext& ctx) {
  return std::make_unique<KnownFragmentNames>(ctx);
}

}  // namespace myspace::graphql::rules
