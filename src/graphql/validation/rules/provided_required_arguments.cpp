// ProvidedRequiredArguments (spec 5.4.2.1): non-null arguments without a
// default are given.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

bool provided(const std::vector<ast::Argument>& args, const std::string& name) {
  return std::any_of(args.begin(), args.end(),
                     [&](const ast::Argument& a) { return a.name == name; });
}

bool required(const InputValue& arg) {
  return arg.type->is_non_null() && arg.default_value == nullptr;
}

class ProvidedRequiredArguments : public Visitor {
 public:
  explicit ProvidedRequiredArguments(ValidationContext& ctx) : ctx_(ctx) {}
  void leave_selection(const ast::Selection& sel) override {
    if (sel.kind != ast::SelectionKind::kField) return;
    const Field* field = ctx_.type_info().field_def();
    if (field == nullptr) return;
    for (const auto& arg : field->arguments) {
      if (required(arg) && !provided(sel.arguments, arg.name)) {
        ctx_.report("Field \"" + field->name + "\" argument \"" + arg.name + "\" of type \"" +
                        type_string(arg.type) + "\" is required, but it was not provided.",
                    {sel.loc});
      }
    }
  }
  // On leave, as graphql-js: unknown arguments (reported on enter) come first.
  void leave_directive(const ast::Directive& d) override {
    const Directive* def = ctx_.schema().directive(d.name);
    if (def == nullptr) return;
    for (const auto& arg : def->arguments) {
      if (required(arg) && !provided(d.arguments, arg.name)) {
        ctx_.report("Directive \"@" + def->name + "\" argument \"" + arg.name + "\" of type \"" +
                        type_string(arg.type) + "\" is required, but it was not provided.",
                    {d.loc});
      }
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule provided_required_arguments(ValidationContext& ctx) {
  return std::make_unique<ProvidedRequiredArguments>(ctx);
}

}  // namespace myspace::graphql::rules
