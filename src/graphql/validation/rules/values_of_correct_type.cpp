// ValuesOfCorrectType (spec 5.6.1): literals can be coerced to the type of
// their position; input objects list their required fields and no others,
// oneOf input objects exactly one that is not null.
#include <algorithm>

#include "graphql/language/printer.h"
#include "graphql/type/scalars.h"
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class ValuesOfCorrectType : public Visitor {
 public:
  explicit ValuesOfCorrectType(ValidationContext& ctx) : ctx_(ctx) {}

  void enter_value(const ast::Value& value) override {
    if (skipping_ != nullptr) return;
    const TypeInfo& info = ctx_.type_info();
    switch (value.kind) {
      case ast::ValueKind::kVariable:
        return;
      case ast::ValueKind::kList: {
        // TypeInfo already entered the list: the list's own position is the parent.
        const Type* type = nullable_type(info.parent_input_type());
        if (type != nullptr && !type->is_list()) check_leaf(value, info.parent_input_type());
        if (type == nullptr || !type->is_list()) skipping_ = &value;
        return;
      }
      case ast::ValueKind::kObject: {
        const Type* type = named_type(info.input_type());
        if (type == nullptr || type->kind != TypeKind::kInputObject) {
          check_leaf(value, info.input_type());
          skipping_ = &value;
          return;
        }
        check_required_fields(value, type);
        if (type->one_of) check_one_of(value, type);
        return;
      }
      case ast::ValueKind::kNull: {
        const Type* type = info.input_type();
        if (type != nullptr && type->is_non_null()) {
          ctx_.report("Expected value of type \"" + type_string(type) + "\", found null.",
                      {value.loc});
        }
        return;
      }
      default:
        check_leaf(value, info.input_type());
    }
  }

  void leave_value(const ast::Value& value) override {
    if (skipping_ == &value) skipping_ = nullptr;
  }

  void enter_object_field(const ast::ObjectField& field) override {
    if (skipping_ != nullptr) return;
    const Type* parent = named_type(ctx_.type_info().parent_input_type());
    if (ctx_.type_info().input_type() == nullptr && parent != nullptr &&
        parent->kind == TypeKind::kInputObject && parent->input_field(field.name) == nullptr) {
      std::vector<std::string> names;
      if (!ctx_.hide_suggestions()) {
        for (const auto& f : parent->input_fields) names.push_back(f.name);
      }
      ctx_.report("Field \"" + std::string(field.name) + "\" is not defined by type \"" +
                      parent->name + "\"." + did_you_mean(suggestion_list(field.name, names)),
                  {field.loc});
    }
  }

 private:
  void check_required_fields(const ast::Value& value, const Type* type) {
    for (const auto& def : type->input_fields) {
      const bool present =
          std::any_of(value.fields.begin(), value.fields.end(),
                      [&](const ast::ObjectField& f) { return f.name == def.name; });
      if (!present && def.type->is_non_null() && def.default_value == nullptr) {
        ctx_.report("Field \"" + type->name + "." + def.name + "\" of required type \"" +
                        type_string(def.type) + "\" was not provided.",
                    {value.loc});
      }
    }
  }

  // A oneOf literal writes exactly one field (names counted once, known or
  // not), whose value is not the null literal; a variable there is
  // VariablesInAllowedPosition's to check.
  void check_one_of(const ast::Value& value, const Type* type) {
    std::vector<std::string_view> names;
    for (const auto& field : value.fields) {
      if (std::find(names.begin(), names.end(), field.name) == names.end()) {
        names.push_back(field.name);
      }
    }
    if (names.size() != 1) {
      ctx_.report("OneOf Input Object \"" + type->name + "\" must specify exactly one key.",
                  {value.loc});
      return;
    }
    // Repeated names: the last one counts, as in graphql-js's keyMap.
    if (value.fields.back().value.kind == ast::ValueKind::kNull) {
      ctx_.report(
          "Field \"" + type->name + "." + std::string(names.front()) + "\" must be non-null.",
          {value.loc});
    }
  }

  // isValidValueNode(): the literal must parse as the leaf type of its position.
  void check_leaf(const ast::Value& value, const Type* location_type) {
    if (location_type == nullptr) return;
    const Type* type = named_type(location_type);
    const std::string printed = print(value);
    if (!is_leaf_type(type)) {
      ctx_.report(
          "Expected value of type \"" + type_string(location_type) + "\", found " + printed + ".",
          {value.loc});
      return;
    }
    if (type->kind == TypeKind::kEnum) return check_enum(value, type, printed);
    try {
      if (type->scalar.parse_literal) {
        type->scalar.parse_literal(value);
      } else if (type->scalar.parse_value) {
        type->scalar.parse_value(literal_to_json(value));
      }
    } catch (const std::exception& e) {
      // Specified scalars' messages stand alone, as graphql-js's GraphQLErrors do.
      ctx_.report(is_specified_scalar(type->name)
                      ? std::string(e.what())
                      : "Expected value of type \"" + type_string(location_type) + "\", found " +
                            printed + "; " + e.what(),
                  {value.loc});
    }
  }

  void check_enum(const ast::Value& value, const Type* type, const std::string& printed) {
    std::vector<std::string> names;
    if (!ctx_.hide_suggestions()) {
      for (const auto& v : type->values) names.push_back(v.name);
    }
    const std::string hint = did_you_mean(suggestion_list(printed, names), "the enum value");
    if (value.kind != ast::ValueKind::kEnum) {
      ctx_.report(
          "Enum \"" + type->name + "\" cannot represent non-enum value: " + printed + "." + hint,
          {value.loc});
    } else if (type->enum_value(value.raw) == nullptr) {
      ctx_.report("Value \"" + printed + "\" does not exist in \"" + type->name + "\" enum." + hint,
                  {value.loc});
    }
  }

  ValidationContext& ctx_;
  const ast::Value* skipping_ = nullptr;  // a value whose children are not checked
};

}  // namespace

Rule values_of_correct_type(ValidationContext& ctx) {
  return std::make_unique<ValuesOfCorrectType>(ctx);
}

}  // namespace myspace::graphql::rules
