// PossibleFragmentSpreads (spec 5.5.2.3): a fragment is spread only where its
// type can apply to the parent type.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class PossibleFragmentSpreads : public Visitor {
 public:
  explicit PossibleFragmentSpreads(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_selection(const ast::Selection& sel) override {
    const Type* parent = ctx_.type_info().parent_type();
    if (sel.kind == ast::SelectionKind::kInlineFragment && !sel.type_condition.empty()) {
      const Type* frag_type = ctx_.schema().type(sel.type_condition);
      if (conflict(frag_type, parent)) {
        ctx_.report("Fragment cannot be spread here as objects of type \"" + parent->name +
                        "\" can never be of type \"" + frag_type->name + "\".",
                    {sel.loc});
      }
    } else if (sel.kind == ast::SelectionKind::kFragmentSpread) {
      const auto* frag = ctx_.fragment(sel.name);
      const Type* frag_type = frag ? ctx_.schema().type(frag->type_condition) : nullptr;
      if (conflict(frag_type, parent)) {
        ctx_.report("Fragment \"" + std::string(sel.name) +
                        "\" cannot be spread here as objects of type \"" + parent->name +
                        "\" can never be of type \"" + frag_type->name + "\".",
                    {sel.loc});
      }
    }
  }

 private:
  bool conflict(const Type* frag_type, const Type* parent) const {
    return is_composite_type(frag_type) && is_composite_type(parent) &&
           !ctx_.schema().do_types_overlap(frag_type, parent);
  }

  ValidationContext& ctx_;
};

}  // namespace

Rule possible_fragment_spreads(ValidationContext& ctx) {
  return std::make_unique<PossibleFragmentSpreads>(ctx);
}

}  // namespace myspace::graphql::rules
