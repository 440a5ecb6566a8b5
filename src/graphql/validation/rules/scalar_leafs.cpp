// ScalarLeafs (spec 5.3.3): leaf fields have no selection; object,
// interface and union fields have one.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class ScalarLeafs : public Visitor {
 public:
  explicit ScalarLeafs(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_selection(const ast::Selection& sel) override {
    if (sel.kind != ast::SelectionKind::kField) return;
    const Type* type = ctx_.type_info().type();
    if (type == nullptr) return;
    if (is_leaf_type(named_type(type))) {
      if (!sel.selection_set.empty()) {
        const std::string name(sel.name);
        ctx_.report("Field \"" + name + "\" must not have a selection since type \"" +
                        type_string(type) + "\" has no subfields.",
                    {sel.selection_set.loc});
      }
    } else if (sel.selection_set.empty()) {
      const std::string name(sel.name);
      ctx_.report("Field \"" + name + "\" of type \"" + type_string(type) +
                      "\" must have a selection of subfields. Did you mean \"" + name +
                      " { ... }\"?",
                  {sel.loc});
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule scalar_leafs(ValidationContext& ctx) {
  return std::make_unique<ScalarLeafs>(ctx);
}

}  // namespace myspace::graphql::rules
