// UniqueVariableNames (spec 5.8.1): an operation defines each variable once.
#include <map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class UniqueVariableNames : public Visitor {
 public:
  explicit UniqueVariableNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    std::vector<std::pair<std::string_view, std::vector<SourceLocation>>> groups;
    for (const auto& var : op.variables) {
      SourceLocation name_loc{var.loc.line, var.loc.column + 1};
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.first == var.name; });
      if (it == groups.end()) {
        groups.push_back({var.name, {name_loc}});
      } else {
        it->second.push_back(name_loc);
      }
    }
    for (auto& [name, locs] : groups) {
      if (locs.size() > 1) {
        ctx_.report("There can be only one variable named \"$" + std::string(name) + "\".",
                    std::move(locs));
      }
    }
  }

 private:
  ValidationContext& ctx_;
};

}  // namespace

Rule unique_variable_names(ValidationContext& ctx) {
  return std::make_unique<UniqueVariableNames>(ctx);
}

}  // namespace myspace::graphql::rules
