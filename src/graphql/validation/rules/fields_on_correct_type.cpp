// FieldsOnCorrectType (spec 5.3.1): selected fields exist on the parent type,
// with graphql-js's suggestions (an inline fragment on a type that has the
// field, else similarly named fields).
#include <map>

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
    std::string hint;
    if (!ctx_.hide_suggestions()) {
      hint = did_you_mean(suggested_types(parent, sel.name), "to use an inline fragment on");
      if (hint.empty()) hint = did_you_mean(suggested_fields(parent, sel.name));
    }
    ctx_.report("Cannot query field \"" + std::string(sel.name) + "\" on type \"" + parent->name +
                    "\"." + hint,
                {sel.loc});
  }

 private:
  // Types within an abstract type that do have the field, as graphql-js
  // orders them: most used first, an interface before its sub-types, then by
  // name.
  std::vector<std::string> suggested_types(const Type* parent, std::string_view field) const {
    if (!is_abstract_type(parent)) return {};
    std::vector<const Type*> suggested;
    std::map<const Type*, int> usage;
    for (const Type* possible : parent->possible_types) {
      if (possible->field(field) == nullptr) continue;
      if (usage[possible]++ == 0) suggested.push_back(possible);
      for (const Type* iface : possible->interfaces) {
        if (iface->field(field) == nullptr) continue;
        if (usage[iface]++ == 0) suggested.push_back(iface);
      }
    }
    const Schema& schema = ctx_.schema();
    std::stable_sort(suggested.begin(), suggested.end(), [&](const Type* a, const Type* b) {
      if (usage[a] != usage[b]) return usage[a] > usage[b];
      if (a->kind == TypeKind::kInterface && schema.is_sub_type(a, b)) return true;
      if (b->kind == TypeKind::kInterface && schema.is_sub_type(b, a)) return false;
      return natural_compare(a->name, b->name) < 0;
    });
    std::vector<std::string> names;
    for (const Type* t : suggested) names.push_back(t->name);
    return names;
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
