// MaxCost (safety limit): an estimate of the work an operation asks for.
// Each field costs field_cost; a field's sub-selection is paid once per item
// it may return — its page size argument (first/last/limit) if given, else
// default_list_size for lists. Fragments count where they are spread.
// Arithmetic saturates, so hostile nesting cannot overflow the estimate.
// Introspection (__schema, __type and all below them) is costed apart, each
// field once, against its own maximum (see rules.h).
#include <array>
#include <charconv>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

constexpr std::size_t kSaturated = std::numeric_limits<std::size_t>::max() / 4;

std::size_t add(std::size_t a, std::size_t b) {
  return std::min(kSaturated, a + b);
}
std::size_t mul(std::size_t a, std::size_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturated / b ? kSaturated : a * b;
}

// What an operation costs outside introspection and inside it.
struct Costs {
  std::size_t ordinary = 0;
  std::size_t introspection = 0;
};

Costs add(Costs a, Costs b) {
  return {add(a.ordinary, b.ordinary), add(a.introspection, b.introspection)};
}

class MaxCost : public Visitor {
 public:
  MaxCost(ValidationContext& ctx, CostLimit limit) : ctx_(ctx), limit_(std::move(limit)) {}
  void enter_operation(const ast::OperationDefinition& op) override {
    operation_ = &op;
    for (auto& memo : memo_) memo.clear();
    const Type* root = op.operation == ast::OperationType::kQuery ? ctx_.schema().query_type()
                       : op.operation == ast::OperationType::kMutation
                           ? ctx_.schema().mutation_type()
                           : ctx_.schema().subscription_type();
    const Costs cost = cost_of(root, op.selection_set, false);
    if (cost.ordinary > limit_.max_cost) {
      ctx_.report("The operation has a cost of " + std::to_string(cost.ordinary) +
                      ", more than the maximum of " + std::to_string(limit_.max_cost) + ".",
                  {op.loc});
    }
    if (cost.introspection > limit_.max_introspection_cost) {
      ctx_.report("Introspection in the operation has a cost of " +
                      std::to_string(cost.introspection) + ", more than the maximum of " +
                      std::to_string(limit_.max_introspection_cost) + ".",
                  {op.loc});
    }
  }

 private:
  // `introspecting`: inside a __schema or __type field, where every field
  // costs field_cost once, whatever list it is in (see rules.h).
  Costs cost_of(const Type* parent, const ast::SelectionSet& set, bool introspecting) {
    Costs total;
    for (const auto& sel : set.selections) {
      switch (sel.kind) {
        case ast::SelectionKind::kField:
          total = add(total, field_cost(parent, sel, introspecting));
          break;
        case ast::SelectionKind::kInlineFragment:
          total = add(
              total,
              cost_of(sel.type_condition.empty() ? parent : ctx_.schema().type(sel.type_condition),
                      sel.selection_set, introspecting));
          break;
        case ast::SelectionKind::kFragmentSpread:
          total = add(total, fragment_cost(sel.name, introspecting));
          break;
      }
    }
    return total;
  }

  Costs field_cost(const Type* parent, const ast::Selection& sel, bool introspecting) {
    const bool enters = !introspecting && (sel.name == "__schema" || sel.name == "__type");
    const bool inside = introspecting || enters;
    const Field* def = ctx_.schema().field_definition(parent, sel.name);
    const Costs children = def == nullptr || sel.selection_set.empty()
                               ? Costs{}
                               : cost_of(named_type(def->type), sel.selection_set, inside);
    if (inside) return {0, add(limit_.field_cost, children.introspection)};
    const std::size_t items = def == nullptr ? 1 : multiplier(*def, sel);
    return {add(limit_.field_cost, mul(items, children.ordinary)),
            mul(items, children.introspection)};
  }

  std::size_t multiplier(const Field& def, const ast::Selection& sel) const {
    for (const auto& arg_def : def.arguments) {
      if (!limit_.size_arguments.count(arg_def.name)) continue;
      for (const auto& arg : sel.arguments) {
        if (arg.name == arg_def.name) {
          if (auto n = int_value(arg.value)) return *n;
        }
      }
      if (arg_def.default_value != nullptr) {
        if (auto n = int_value(*arg_def.default_value)) return *n;
      }
    }
    return nullable_type(def.type)->is_list() ? limit_.default_list_size : 1;
  }

  std::optional<std::size_t> int_value(const ast::Value& value) const {
    if (value.kind == ast::ValueKind::kInt) return parse(value.raw);
    if (value.kind != ast::ValueKind::kVariable) return std::nullopt;
    if (limit_.variables != nullptr) {
      if (const auto* v = limit_.variables->if_contains(value.raw); v != nullptr && v->is_int64()) {
        return static_cast<std::size_t>(std::max<std::int64_t>(0, v->get_int64()));
      }
    }
    for (const auto& var : operation_->variables) {
      if (var.name == value.raw && var.default_value) return int_value(*var.default_value);
    }
    return std::nullopt;
  }

  static std::optional<std::size_t> parse(std::string_view digits) {
    if (!digits.empty() && digits.front() == '-') return 0;
    std::size_t n = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc::result_out_of_range) return kSaturated;
    if (ec != std::errc()) return std::nullopt;
    return n;
  }

  Costs fragment_cost(std::string_view name, bool introspecting) {
    auto& memo = memo_[introspecting ? 1 : 0];
    if (auto it = memo.find(name); it != memo.end()) return it->second;
    const auto* frag = ctx_.fragment(name);
    if (frag == nullptr || !in_progress_.insert(name).second) return {};
    const Costs cost =
        cost_of(ctx_.schema().type(frag->type_condition), frag->selection_set, introspecting);
    in_progress_.erase(name);
    return memo[name] = cost;
  }

  ValidationContext& ctx_;
  CostLimit limit_;
  const ast::OperationDefinition* operation_ = nullptr;
  // Per fragment, outside introspection and inside it.
  std::array<std::unordered_map<std::string_view, Costs>, 2> memo_;
  std::unordered_set<std::string_view> in_progress_;
};

}  // namespace

Rule max_cost(ValidationContext& ctx, CostLimit limit) {
  return std::make_unique<MaxCost>(ctx, std::move(limit));
}

}  // namespace myspace::graphql::rules
