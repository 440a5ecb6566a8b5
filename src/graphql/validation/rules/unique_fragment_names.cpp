// UniqueFragmentNames (spec 5.5.1.1): fragments have distinct names.
#include <unordered_map>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class UniqueFragmentNames : public Visitor {
 public:
  explicit UniqueFragmentNames(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_fragment(const ast::FragmentDefinition& frag) override {
    auto [it, inserted] = seen_.emplace(frag.name, frag.name_loc);
    if (!inserted) {
      ctx_.report("There can be only one fragment named \"" + std::string(frag.name) + "\".",
                  {it->second, frag.name_loc});
    }
  }

 private:
  ValidationContext& ctx_;
  std::unordered_map<std::string_view, SourceLocation> seen_;
};

}  // namespace

Rule unique_fragment_names(ValidationContext& ctx) {
  return std::make_unique<UniqueFragmentNames>(ctx);
}

}  // namespace myspace::graphql::rules
