// KnownArgumentNames (spec 5.4.1): arguments are defined by their field or
// directive.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

std::vector<std::string> names_of(const std::vector<InputValue>& args) {
  std::vector<std::string> names;
  for (const auto& a : args) names.push_back(a.name);
  return names;
}

class KnownArgumentNames : public Visitor {
 public:
  explicit KnownArgumentNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_directive(const ast::Directive& d) override { directive_ = &d; }
  void leave_directive(const ast::Directive&) override { directive_ = nullptr; }
  void enter_argument(const ast::Argument& arg) override {
    const TypeInfo& info = ctx_.type_info();
    if (info.argument() != nullptr) return;
    if (directive_ != nullptr) {
      if (const Directive* def = info.directive()) {
        ctx_.report("Unknown argument \"" + std::string(arg.name) + "\" on directive \"@" +
                        def->name + "\"." + suggest(arg.name, def->arguments),
                    {arg.loc});
      }
      return;
    }
    const Field* field = info.field_def();
    const Type* parent = info.parent_type();
    if (field != nullptr && parent != nullptr) {
      ctx_.report("Unknown argument \"" + std::string(arg.name) + "\" on field \"" + parent->name +
                      "." + field->name + "\"." + suggest(arg.name, field->arguments),
                  {arg.loc});
    }
  }

 private:
  std::string suggest(std::string_view name, const std::vector<InputValue>& args) const {
    if (ctx_.hide_suggestions()) return "";
    return did_you_mean(suggestion_list(name, names_of(args)));
  }

  ValidationContext& ctx_;
  const ast::Directive* directive_ = nullptr;
};

}  // namespace

Rule known_argument_names(ValidationContext& ctx) {
  return std::make_unique<KnownArgumentNames>(ctx);
}

}  // namespace myspace::graphql::rules
