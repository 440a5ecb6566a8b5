// ExecutableDefinitions (spec 5.1.1): a request document holds only
// operations and fragments.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class ExecutableDefinitions : public Visitor {
 public:
  explicit ExecutableDefinitions(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_type_system_definition(const ast::TypeSystemDefinition& def) override {
    const std::string name =
        def.kind == ast::TypeSystemKind::kSchema ? "schema" : "\"" + std::string(def.name) + "\"";
    ctx_.report("The " + name + " definition is not executable.", {def.loc});
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule executable_definitions(ValidationContext& ctx) {
  return std::make_unique<ExecutableDefinitions>(ctx);
}

}  // namespace myspace::graphql::rules
