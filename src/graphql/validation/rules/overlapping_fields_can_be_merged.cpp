// OverlappingFieldsCanBeMerged (spec 5.3.2): fields with the same response
// name must be the same field with the same arguments (unless their parents
// can never both apply) and must return compatible types, recursively.
//
// Each selection set's fields are gathered with fragments expanded; pairs from
// the inside of one named fragment are left to that fragment's own check, as
// in graphql-js. Comparisons are budgeted so hostile documents cannot make
// validation quadratic without bound.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "graphql/language/printer.h"
#include "graphql/validation/rules/rules.h"

namespace myspace::graphql::rules {
namespace {

constexpr std::size_t kComparisonBudget = 100000;
// Fragments that spread themselves under same-named fields make the
// sub-selection comparison recurse without end; a pair already being compared
// further up is skipped, and the recursion depth is bounded besides.
constexpr std::size_t kMaxComparisonDepth = 64;

struct FieldEntry {
  const Type* parent_type;
  const ast::Selection* node;
  const Field* def;
  std::string_view origin;  // the named fragment it came through ("" if direct)
};
using FieldMap = std::vector<std::pair<std::string_view, std::vector<FieldEntry>>>;

struct Conflict {
  std::string reason;  // already rendered
  std::vector<SourceLocation> locations1;
  std::vector<SourceLocation> locations2;
};

bool same_arguments(const ast::Selection& a, const ast::Selection& b) {
  if (a.arguments.size() != b.arguments.size()) return false;
  for (const auto& arg1 : a.arguments) {
    auto it = std::find_if(b.arguments.begin(), b.arguments.end(),
                           [&](const ast::Argument& arg2) { return arg2.name == arg1.name; });
    if (it == b.arguments.end() || print(it->value) != print(arg1.value)) return false;
  }
  return true;
}

bool do_types_conflict(const Type* a, const Type* b) {
  if (a->is_list()) return b->is_list() ? do_types_conflict(a->of_type, b->of_type) : true;
  if (b->is_list()) return true;
  if (a->is_non_null()) return b->is_non_null() ? do_types_conflict(a->of_type, b->of_type) : true;
  if (b->is_non_null()) return true;
  if (is_leaf_type(a) || is_leaf_type(b)) return a != b;
  return false;
}

class OverlappingFieldsCanBeMerged : public Visitor {
 public:
  explicit OverlappingFieldsCanBeMerged(ValidationContext& ctx) : ctx_(ctx) {}

  // Pairs are checked in graphql-js's order: the direct fields among
  // themselves, then the direct fields against each fragment spread, then
  // each pair of spreads — so the same conflict is reported the same way.
  void enter_selection_set(const ast::SelectionSet& set) override {
    if (yields_no_pairs(set)) return;
    const FieldMap& map = fields_of(ctx_.type_info().parent_type(), set);
    if (!has_overlap(map)) return;
    std::vector<std::string_view> spreads;
    spread_order(set, spreads);
    std::unordered_map<std::string_view, std::size_t> spread_index;
    for (std::size_t i = 0; i < spreads.size(); ++i) spread_index.emplace(spreads[i], i + 1);
    auto origin_index = [&](std::string_view origin) -> std::size_t {
      auto it = spread_index.find(origin);
      return it == spread_index.end() ? 0 : it->second;
    };
    struct Pair {
      std::size_t low, high, key, first, second;
      const FieldEntry* a;
      const FieldEntry* b;
    };
    std::vector<Pair> pairs;
    for (std::size_t k = 0; k < map.size() && pairs.size() <= kComparisonBudget; ++k) {
      const auto& entries = map[k].second;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        for (std::size_t j = i + 1; j < entries.size() && pairs.size() <= kComparisonBudget; ++j) {
          const auto& a = entries[i];
          const auto& b = entries[j];
          if (!a.origin.empty() && a.origin == b.origin) continue;
          const std::size_t oa = origin_index(a.origin);
          const std::size_t ob = origin_index(b.origin);
          if (ob < oa) {
            pairs.push_back({ob, oa, k, j, i, &b, &a});
          } else {
            pairs.push_back({oa, ob, k, i, j, &a, &b});
          }
        }
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
      return std::tie(x.low, x.high, x.key, x.first, x.second) <
             std::tie(y.low, y.high, y.key, y.first, y.second);
    });
    for (const Pair& pair : pairs) {
      const auto key = map[pair.key].first;
      if (auto conflict = find_conflict(false, key, *pair.a, *pair.b)) report(key, *conflict);
    }
  }

 private:
  void report(std::string_view key, Conflict& conflict) {
    std::vector<SourceLocation> locs = std::move(conflict.locations1);
    locs.insert(locs.end(), conflict.locations2.begin(), conflict.locations2.end());
    ctx_.report("Fields \"" + std::string(key) + "\" conflict because " + conflict.reason +
                    ". Use different aliases on the fields to fetch both if this was intentional.",
                std::move(locs));
  }

  // The fragments spread in `set` (directly or in its inline fragments), in order.
  static void spread_order(const ast::SelectionSet& set, std::vector<std::string_view>& out) {
    for (const auto& sel : set.selections) {
      if (sel.kind == ast::SelectionKind::kInlineFragment) {
        spread_order(sel.selection_set, out);
      } else if (sel.kind == ast::SelectionKind::kFragmentSpread &&
                 std::find(out.begin(), out.end(), sel.name) == out.end()) {
        out.push_back(sel.name);
      }
    }
  }

  // What a selection set holds directly (through its inline fragments, not
  // into the fragments it spreads), when that is at most kMaxFields fields.
  struct DirectSelections {
    static constexpr std::size_t kMaxFields = 32;
    // Left uninitialised past field_count: this runs for every selection set.
    std::array<const ast::Selection*, kMaxFields> fields;
    std::size_t field_count = 0;
    bool too_many_fields = false;
    std::string_view first_spread;
    bool several_spreads = false;  // of different fragments
  };

  static void summarize(const ast::SelectionSet& set, DirectSelections& out) {
    for (const auto& sel : set.selections) {
      switch (sel.kind) {
        case ast::SelectionKind::kField:
          if (out.field_count == DirectSelections::kMaxFields) {
            out.too_many_fields = true;
          } else {
            out.fields[out.field_count++] = &sel;
          }
          break;
        case ast::SelectionKind::kInlineFragment:
          summarize(sel.selection_set, out);
          break;
        case ast::SelectionKind::kFragmentSpread:
          if (out.first_spread.empty()) {
            out.first_spread = sel.name;
          } else if (sel.name != out.first_spread) {
            out.several_spreads = true;
          }
          break;
      }
    }
  }

  // True when gathering `set` could not give two fields to compare, told
  // without gathering (no allocation, no field lookups): its own fields all
  // have different response keys and it spreads no fragment, or it is one
  // fragment spread alone (pairs inside one fragment are that fragment's own
  // check). Most selection sets are one or the other.
  static bool yields_no_pairs(const ast::SelectionSet& set) {
    DirectSelections direct;
    summarize(set, direct);
    if (direct.too_many_fields || direct.several_spreads) return false;
    if (direct.field_count == 0) return true;  // at most one fragment
    if (!direct.first_spread.empty()) return false;
    const auto fields = std::span(direct.fields).first(direct.field_count);
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const std::string_view key = fields[i]->response_key();
      for (std::size_t j = 0; j < i; ++j) {
        if (fields[j]->response_key() == key) return false;
      }
    }
    return true;
  }

  static bool has_overlap(const FieldMap& map) {
    return std::any_of(map.begin(), map.end(), [](const auto& g) { return g.second.size() > 1; });
  }

  // A selection set's fields seen from a parent type are gathered once: each
  // set is checked on its own and again under every pair of fields that
  // contain it (graphql-js caches them the same way).
  const FieldMap& fields_of(const Type* parent, const ast::SelectionSet& set) {
    auto [it, inserted] = field_maps_.try_emplace({parent, &set});
    if (inserted) {
      std::unordered_set<std::string_view> visited;
      collect(parent, set, {}, it->second, visited);
    }
    return it->second;
  }

  void collect(const Type* parent, const ast::SelectionSet& set, std::string_view origin,
               FieldMap& map, std::unordered_set<std::string_view>& visited) const {
    for (const auto& sel : set.selections) {
      switch (sel.kind) {
        case ast::SelectionKind::kField: {
          FieldEntry entry{parent, &sel, ctx_.schema().field_definition(parent, sel.name), origin};
          const auto key = sel.response_key();
          auto it =
              std::find_if(map.begin(), map.end(), [&](const auto& g) { return g.first == key; });
          if (it == map.end()) {
            map.push_back({key, {entry}});
          } else {
            it->second.push_back(entry);
          }
          break;
        }
        case ast::SelectionKind::kInlineFragment: {
          const Type* type =
              sel.type_condition.empty() ? parent : ctx_.schema().type(sel.type_condition);
          collect(type, sel.selection_set, origin, map, visited);
          break;
        }
        case ast::SelectionKind::kFragmentSpread: {
          if (!visited.insert(sel.name).second) break;
          if (const auto* frag = ctx_.fragment(sel.name)) {
            collect(ctx_.schema().type(frag->type_condition), frag->selection_set,
                    origin.empty() ? sel.name : origin, map, visited);
          }
          break;
        }
      }
    }
  }

  std::optional<Conflict> find_conflict(bool parents_exclusive, std::string_view key,
                                        const FieldEntry& a, const FieldEntry& b) {
    if (++comparisons_ > kComparisonBudget) {
      if (comparisons_ == kComparisonBudget + 1) {
        ctx_.report("The document has too many overlapping fields to validate.", {a.node->loc});
      }
      return std::nullopt;
    }
    const bool exclusive =
        parents_exclusive ||
        (a.parent_type != b.parent_type && a.parent_type != nullptr && b.parent_type != nullptr &&
         a.parent_type->kind == TypeKind::kObject && b.parent_type->kind == TypeKind::kObject);
    auto conflict = [&](std::string reason) {
      return Conflict{std::move(reason), {a.node->loc}, {b.node->loc}};
    };
    if (!exclusive) {
      if (a.node->name != b.node->name) {
        return conflict("\"" + std::string(a.node->name) + "\" and \"" + std::string(b.node->name) +
                        "\" are different fields");
      }
      if (!same_arguments(*a.node, *b.node)) return conflict("they have differing arguments");
    }
    const Type* type1 = a.def ? a.def->type : nullptr;
    const Type* type2 = b.def ? b.def->type : nullptr;
    if (type1 != nullptr && type2 != nullptr && do_types_conflict(type1, type2)) {
      return conflict("they return conflicting types \"" + type_string(type1) + "\" and \"" +
                      type_string(type2) + "\"");
    }
    if (a.node->selection_set.empty() || b.node->selection_set.empty()) return std::nullopt;
    return sub_selection_conflicts(exclusive, key, a, named_type(type1), b, named_type(type2));
  }

  std::optional<Conflict> sub_selection_conflicts(bool exclusive, std::string_view,
                                                  const FieldEntry& a, const Type* type1,
                                                  const FieldEntry& b, const Type* type2) {
    const auto pair = std::make_tuple(a.node, b.node, exclusive);
    if (in_progress_.size() >= kMaxComparisonDepth || !in_progress_.insert(pair).second) {
      return std::nullopt;
    }
    auto result = compare_sub_selections(exclusive, a, type1, b, type2);
    in_progress_.erase(pair);
    return result;
  }

  std::optional<Conflict> compare_sub_selections(bool exclusive, const FieldEntry& a,
                                                 const Type* type1, const FieldEntry& b,
                                                 const Type* type2) {
    const FieldMap& map1 = fields_of(type1, a.node->selection_set);
    const FieldMap& map2 = fields_of(type2, b.node->selection_set);
    std::string reasons;
    Conflict combined{{}, {a.node->loc}, {b.node->loc}};
    for (const auto& [key, entries1] : map1) {
      // An init-capture rather than [&]: clang before 16 (the fuzz build) cannot capture a
      // structured binding.
      auto it = std::find_if(map2.begin(), map2.end(),
                             [&key = key](const auto& g) { return g.first == key; });
      if (it == map2.end()) continue;
      for (const auto& e1 : entries1) {
        for (const auto& e2 : it->second) {
          auto sub = find_conflict(exclusive, key, e1, e2);
          if (!sub) continue;
          if (!reasons.empty()) reasons += " and ";
          reasons += "subfields \"" + std::string(key) + "\" conflict because " + sub->reason;
          combined.locations1.insert(combined.locations1.end(), sub->locations1.begin(),
                                     sub->locations1.end());
          combined.locations2.insert(combined.locations2.end(), sub->locations2.begin(),
                                     sub->locations2.end());
        }
      }
    }
    if (reasons.empty()) return std::nullopt;
    combined.reason = std::move(reasons);
    return combined;
  }

  ValidationContext& ctx_;
  std::size_t comparisons_ = 0;
  std::set<std::tuple<const ast::Selection*, const ast::Selection*, bool>> in_progress_;
  // std::map: references to its values stay valid while more are added.
  std::map<std::pair<const Type*, const ast::SelectionSet*>, FieldMap> field_maps_;
};

}  // namespace

Rule overlapping_fields_can_be_merged(ValidationContext& ctx) {
  return std::make_unique<OverlappingFieldsCanBeMerged>(ctx);
}

}  // namespace myspace::graphql::rules
