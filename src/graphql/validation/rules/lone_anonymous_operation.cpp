// LoneAnonymousOperation (spec 5.2.2.1): an anonymous operation must be the
// only operation of its document.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class LoneAnonymousOperation : public Visitor {
 public:
  explicit LoneAnonymousOperation(ValidationContext& ctx) : ctx_(ctx) {
    for (const auto& def : ctx.document().definitions) {
      operations_ += std::holds_alternative<ast::OperationDefinition>(def) ? 1 : 0;
    }
  }
  void enter_operation(const ast::OperationDefinition& op) override {
    if (op.name.empty() && operations_ > 1) {
      ctx_.report("This anonymous operation must be the only defined operation.", {op.loc});
    }
  }

 private:
  ValidationContext& ctx_;
  std::size_t operations_ = 0;
};

}  // namespace

Rule lone_anonymous_operation(ValidationContext& ctx) {
  return std::make_unique<LoneAnonymousOperation>(ctx);
}

}  // namespace myspace::graphql::rules
