// UniqueInputFieldNames (spec 5.6.3): an input object literal names each field once.
#include <unordered_map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class UniqueInputFieldNames : public Visitor {
 public:
  explicit UniqueInputFieldNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_value(const ast::Value& value) override {
    if (value.kind != ast::ValueKind::kObject) return;
    std::unordered_map<std::string_view, SourceLocation> seen;
    for (const auto& field : value.fields) {
      auto [it, inserted] = seen.emplace(field.name, field.loc);
      if (!inserted) {
        ctx_.report("There can be only one input field named \"" + std::string(field.name) + "\".",
                    {it->second, field.loc});
      }
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule unique_input_field_names(ValidationContext& ctx) {
  return std::make_unique<UniqueInputFieldNames>(ctx);
}

}  // namespace myspace::graphql::rules
