// FragmentsOnCompositeTypes (spec 5.5.1.3): fragments condition on objects,
// interfaces or unions only.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class FragmentsOnCompositeTypes : public Visitor {
 public:
  explicit FragmentsOnCompositeTypes(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_selection(const ast::Selection& sel) override {
    if (sel.kind != ast::SelectionKind::kInlineFragment || sel.type_condition.empty()) return;
    const Type* type = ctx_.schema().type(sel.type_condition);
    if (type != nullptr && !is_composite_type(type)) {
      ctx_.report("Fragment cannot condition on non composite type \"" + type->name + "\".",
                  {sel.type_condition_loc});
    }
  }
  void enter_fragment(const ast::FragmentDefinition& frag) override {
    const Type* type = ctx_.schema().type(frag.type_condition);
    if (type != nullptr && !is_composite_type(type)) {
      ctx_.report("Fragment \"" + std::string(frag.name) +
                      "\" cannot condition on non composite type \"" + type->name + "\".",
                  {frag.type_condition_loc});
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule fragments_on_composite_types(ValidationContext& ctx) {
  return std::make_unique<FragmentsOnCompositeTypes>(ctx);
}

}  // namespace myspace::graphql::rules
