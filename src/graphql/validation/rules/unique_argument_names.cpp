// UniqueArgumentNames (spec 5.4.2): a field or directive gets each argument once.
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class UniqueArgumentNames : public Visitor {
 public:
  explicit UniqueArgumentNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_selection(const ast::Selection& sel) override { check(sel.arguments); }
  void enter_directive(const ast::Directive& d) override { check(d.arguments); }

 private:
  void check(const std::vector<ast::Argument>& args) {
    std::vector<std::pair<std::string_view, std::vector<SourceLocation>>> groups;
    for (const auto& arg : args) {
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.first == arg.name; });
      if (it == groups.end()) {
        groups.push_back({arg.name, {arg.loc}});
      } else {
        it->second.push_back(arg.loc);
      }
    }
    for (auto& [name, locs] : groups) {
      if (locs.size() > 1) {
        ctx_.report("There can be only one argument named \"" + std::string(name) + "\".",
                    std::move(locs));
      }
    }
  }

  ValidationContext& ctx_;
};

}  // namespace

Rule unique_argument_names(ValidationContext& ctx) {
  return std::make_unique<UniqueArgumentNames>(ctx);
}

}  // namespace myspace::graphql::rules
