// NoUnusedFragments (spec 5.5.1.4): every fragment is used by an operation.
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

class NoUnusedFragments : public Visitor {
 public:
  explicit NoUnusedFragments(ValidationContext& ctx) : ctx_(ctx) {}
  void enter_operation(const ast::OperationDefinition& op) override { operations_.push_back(&op); }
  void enter_fragment(const ast::FragmentDefinition& frag) override { fragments_.push_back(&frag); }
  void leave_document(const ast::Document&) override {
    std::unordered_set<std::string_view> used;
    for (const auto* op : operations_) {
      for (const auto* frag : ctx_.recursively_referenced_fragments(*op)) used.insert(frag->name);
    }
    for (const auto* frag : fragments_) {
      if (!used.count(frag->name)) {
        ctx_.report("Fragment \"" + std::string(frag->name) + "\" is never used.", {frag->loc});
      }
    }
  }

 private:
  ValidationContext& ctx_;
  std::vector<const ast::OperationDefinition*> operations_;
  std::vector<const ast::FragmentDefinition*> fragments_;
};

}  // namespace

Rule no_unused_fragments(ValidationContext& ctx) {
  return std::make_unique<NoUnusedFragments>(ctx);
}

}  // namespace myspace::graphql::rules
