// FieldsOnCorrectType (spec 5.3.1): selected fields exist on the parent type,
// with graphql-js's suggestions (an inline fragment on a type that has the
// field, else similarly named fields).
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class FieldsOnCorrectType : public Visitor {
 public:
  explicit FieldsOnCorrectType(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_selection(const ast::Selection& sel) override {
    if (sel.kind != ast::SelectionKind::kField) return;
    const Type* parent = ctx_.type_info().parent_type();
    if (parent == nullptr || ctx_.type_info().field_def() != nullptr) return;
    std::string hint =
        did_you_mean(suggested_types(parent, sel.name), "to use an inline fragment on");
    if (hint.empty()) hint = did_you_mean(suggested_fields(parent, sel.name));
    ctx_.report("Cannot query field \"" + std::string(sel.name) + "\" on type \"" + parent->name +
                    "\"." + hint,
                {sel.loc});
  }

 private:
  // Types within an abstract type that do have the field: interfaces first.
  std::vector<std::string> suggested_types(const Type* parent, std::string_view field) const {
    if (!is_abstract_type(parent)) return {};
    std::vector<std::string> interfaces;
    std::vector<std::string> objects;
    for (const Type* possible : parent->possible_types) {
      if (possible->field(field) == nullptr) continue;
      objects.push_back(possible->name);
      for (const Type* iface : possible->interfaces) {
        if (iface->field(field) != nullptr &&
            std::find(interfaces.begin(), interfaces.end(), iface->name) == interfaces.end()) {
          interfaces.push_back(iface->name);
        }
      }
    }
    std::sort(objects.begin(), objects.end());
    interfaces.insert(interfaces.end(), objects.begin(), objects.end());
    return interfaces;
  }

  static std::vector<std::string> suggested_fields(const Type* parent, std::string_view field) {
    if (parent->kind != TypeKind::kObject && parent->kind != TypeKind::kInterface) return {};
    std::vector<std::string> names;
    for (const auto& f : parent->fields) names.push_back(f.name);
    return suggestion_list(field, names);
  }

  ValidationContext& ctx_;
};

}  // namespace

Rule fields_on_correct_type(ValidationContext& ctx) {
  return std::make_unique<FieldsOnCorrectType>(ctx);
}

}  // namespace myspace::graphql::rules
