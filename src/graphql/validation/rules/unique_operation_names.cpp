// UniqueOperationNames (spec 5.2.1.1): named operations have distinct names.
#include <unordered_map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class UniqueOperationNames : public Visitor {
 public:
  explicit UniqueOperationNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    if (op.name.empty()) return;
    auto [it, inserted] = seen_.emplace(op.name, op.name_loc);
    if (!inserted) {
      ctx_.report("There can be only one operation named \"" + std::string(op.name) + "\".",
                  {it->second, op.name_loc});
    }
  }

 private:
  ValidationContext& ctx_;
  std::unordered_map<std::string_view, SourceLocation> seen_;
};

}  // namespace

Rule unique_operation_names(ValidationContext& ctx) {
  return std::make_unique<UniqueOperationNames>(ctx);
}

}  // namespace myspace::graphql::rules
