#include "graphql/execution/execute.h"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/container/small_vector.hpp>
#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "graphql/execution/values.h"
#include "graphql/type/scalars.h"

namespace myspace::graphql {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

// Plans: how a selection set executes on objects of one type. Every object
// a selection set meets (every item of a list, say) selects the same fields
// with the same arguments, so all of that is worked out once per request.
struct SelectionPlan;
// Fields are rarely merged from several nodes: one lives inline.
using FieldNodes = boost::container::small_vector<const ast::Selection*, 1>;

// Whether completing a field's value can await (see completes_below_inline).
enum class Awaiting : char { kUnknown, kExamining, kNever, kMaybe };

struct FieldPlan {
  std::string_view key;  // the response key
  FieldNodes nodes;      // the merged field nodes (spec 6.3.2)
  const Type* parent_type = nullptr;
  const Field* def = nullptr;  // nullptr for an unknown field, which is omitted (spec 6.3)

  // Filled on first use:
  // By object type: one, except for abstract fields.
  boost::container::small_vector<std::pair<const Type*, SelectionPlan*>, 1> subplans;
  bool args_coerced = false;
  json::object args;
  std::exception_ptr args_error;
  Awaiting below = Awaiting::kUnknown;
  std::size_t member_hint = 0;             // where default_resolve last found the member
  std::optional<Passthrough> passthrough;  // of the field's scalar type

  const ast::Selection& node() const { return *nodes.front(); }
};

struct SelectionPlan {
  explicit SelectionPlan(json::storage_ptr storage) : shape(std::move(storage)) {}

  std::vector<FieldPlan> fields;  // in response order, unknown ones included
  // The response object of the known fields, all null: each object starts
  // as a copy of it (copying skips the duplicate-key search of inserting).
  json::object shape;
};

// The plans of one operation against one state of a schema: its root
// selection's and every sub-selection's (shared by fields with the same
// nodes, so a fragment spread in several places is planned once).
struct OperationPlans {
  explicit OperationPlans(json::storage_ptr shape_storage) : storage(std::move(shape_storage)) {}

  json::storage_ptr storage;        // of the plans' shapes
  std::deque<SelectionPlan> plans;  // stable addresses: fields point at their subplans
  std::map<std::pair<const Type*, FieldNodes>, SelectionPlan*> shared;
  SelectionPlan* root = nullptr;
};

// Plans a document keeps for its next executions (in its ExecutionCache):
// the gateway's DocumentCache hands the same document to every request of
// the same text. Only for operations without variables, whose plans (fields
// kept by @skip/@include, coerced arguments) depend on nothing but the
// document, the operation and the schema. One set per thread: plans grow as
// execution meets new types, which requests of one thread do only between
// suspension points, while threads would race.
class DocumentPlans {
 public:
  std::shared_ptr<OperationPlans> plans_for(const ast::OperationDefinition& operation,
                                            const Schema& schema) {
    const std::thread::id thread = std::this_thread::get_id();
    std::lock_guard lock(mutex_);
    for (Entry& entry : entries_) {
      if (entry.operation != &operation || entry.thread != thread || entry.schema != &schema) {
        continue;
      }
      // A rebinding (or another schema made where a freed one was) makes
      // what was planned stale.
      if (entry.generation != schema.generation()) {
        entry.generation = schema.generation();
        entry.plans = fresh_plans();
      }
      return entry.plans;
    }
    entries_.push_back({&operation, thread, &schema, schema.generation(), fresh_plans()});
    return entries_.back().plans;
  }

 private:
  struct Entry {
    const ast::OperationDefinition* operation;
    std::thread::id thread;
    const Schema* schema;
    std::uint64_t generation;
    std::shared_ptr<OperationPlans> plans;
  };

  // Their shapes in the default storage: they outlive every request.
  static std::shared_ptr<OperationPlans> fresh_plans() {
    return std::make_shared<OperationPlans>(json::storage_ptr());
  }

  std::mutex mutex_;
  std::vector<Entry> entries_;
};

// Runs tasks concurrently on the current executor (the request's strand) and
// resumes when all are done. A single task is simply awaited.
asio::awaitable<void> join_all(std::vector<asio::awaitable<void>> tasks) {
  if (tasks.empty()) co_return;
  if (tasks.size() == 1) {
    co_await std::move(tasks.front());
    co_return;
  }
  struct State {
    explicit State(asio::any_io_executor ex) : done(ex, asio::steady_timer::time_point::max()) {}
    asio::steady_timer done;
    std::size_t pending = 0;
    std::exception_ptr error;
  };
  // The tasks reference frames of our callers: never return before they all
  // finish, even if the request is cancelled (resolvers bound their own I/O).
  co_await asio::this_coro::throw_if_cancelled(false);
  auto ex = co_await asio::this_coro::executor;
  auto state = std::make_shared<State>(ex);
  state->pending = tasks.size();
  for (auto& task : tasks) {
    asio::co_spawn(ex, std::move(task), [state](std::exception_ptr e) {
      if (e && !state->error) state->error = e;
      if (--state->pending == 0) state->done.cancel();
    });
  }
  while (state->pending > 0) {
    boost::system::error_code ec;
    co_await state->done.async_wait(asio::bind_cancellation_slot(
        asio::cancellation_slot(), asio::redirect_error(asio::use_awaitable, ec)));
  }
  if (state->error) std::rethrow_exception(state->error);
}

const Value& null_value() {
  static const Value kNull;
  return kNull;
}

class Executor {
 public:
  Executor(const Schema& schema, const ast::Document& document, ExecuteOptions& options)
      : schema_(schema),
        document_(document),
        options_(options),
        root_(Resolved::borrow(options_.root_value)) {}

  asio::awaitable<json::object> run() {
    const ast::OperationDefinition* operation = select_operation();
    if (operation != nullptr) {
      auto coerced = coerce_variable_values(schema_, *operation, options_.variables, arena_);
      variables_ = std::move(coerced.values);
      if (!coerced.errors.empty()) {
        errors_ = std::move(coerced.errors);
        operation = nullptr;
      }
    }
    json::object response(storage_);
    if (operation == nullptr) {
      response["errors"] = errors_to_json(errors_);
      co_return response;
    }
    std::optional<json::object> data = co_await execute_operation(*operation);
    if (!errors_.empty()) response["errors"] = errors_to_json(errors_);
    response["data"] = data ? Value(std::move(*data)) : Value(nullptr);
    co_return response;
  }

 private:
  // The operation cannot be chosen or run at all (Apollo's code for it).
  void request_error(std::string message, std::optional<SourceLocation> location = {}) {
    GraphQLError e;
    e.message = std::move(message);
    if (location) e.locations.push_back(*location);
    e.extensions["code"] = "OPERATION_RESOLUTION_FAILURE";
    errors_.push_back(std::move(e));
  }

  const ast::OperationDefinition* select_operation() {
    const ast::OperationDefinition* found = nullptr;
    std::size_t count = 0;
    for (const auto& def : document_.definitions) {
      if (const auto* frag = std::get_if<ast::FragmentDefinition>(&def)) {
        fragments_.emplace(frag->name, frag);
      } else if (const auto* op = std::get_if<ast::OperationDefinition>(&def)) {
        ++count;
        if (options_.operation_name.empty() ? found == nullptr
                                            : op->name == options_.operation_name) {
          found = op;
        }
      }
    }
    if (options_.operation_name.empty() && count > 1) {
      request_error("Must provide operation name if query contains multiple operations.");
      return nullptr;
    }
    if (found == nullptr) {
      request_error(options_.operation_name.empty()
                        ? "Must provide an operation."
                        : "Unknown operation named \"" + options_.operation_name + "\".");
    }
    return found;
  }

  asio::awaitable<std::optional<json::object>> execute_operation(
      const ast::OperationDefinition& op) {
    const Type* root = op.operation == ast::OperationType::kQuery ? schema_.query_type()
                       : op.operation == ast::OperationType::kMutation
                           ? schema_.mutation_type()
                           : schema_.subscription_type();
    if (root == nullptr) {
      request_error("Schema is not configured to execute " +
                        std::string(ast::operation_type_name(op.operation)) + " operation.",
                    op.loc);
      co_return std::nullopt;
    }
    plans_ = plans_for(op);
    if (plans_->root == nullptr) {
      SelectionPlan& root_plan = plans_->plans.emplace_back(plans_->storage);
      root_plan.fields.reserve(op.selection_set.selections.size());
      Visited visited;
      collect_fields(root, op.selection_set, root_plan, visited);
      shape(root_plan);
      plans_->root = &root_plan;
    }
    SelectionPlan& plan = *plans_->root;
    const bool serial = op.operation == ast::OperationType::kMutation;
    if (!serial && selection_never_awaits(plan)) {
      json::object data(storage_);
      if (!execute_fields_inline(root_, plan, nullptr, data)) co_return std::nullopt;
      co_return data;
    }
    co_return co_await execute_fields(root_, plan, nullptr, serial);
  }

  // The document's kept plans for the operation, or new ones for this
  // request only (their shapes in the response's arena) when it has variables.
  std::shared_ptr<OperationPlans> plans_for(const ast::OperationDefinition& op) {
    if (!op.variables.empty()) return std::make_shared<OperationPlans>(storage_);
    auto kept = document_.execution_cache.get_or_make<DocumentPlans>(
        [] { return std::make_shared<DocumentPlans>(); });
    return kept->plans_for(op, schema_);
  }

  // --- Field collection (spec 6.3.2) ----------------------------------------

  bool directive_condition(const ast::Directive& d) const {
    for (const auto& arg : d.arguments) {
      if (arg.name != "if") continue;
      if (arg.value.kind == ast::ValueKind::kBoolean) return arg.value.boolean;
      if (arg.value.kind == ast::ValueKind::kVariable) {
        const Value* v = variables_.if_contains(arg.value.raw);
        return v != nullptr && v->is_bool() && v->get_bool();
      }
    }
    return false;
  }

  bool should_include(const std::vector<ast::Directive>& directives) const {
    for (const auto& d : directives) {
      if (d.name == "skip" && directive_condition(d)) return false;
      if (d.name == "include" && !directive_condition(d)) return false;
    }
    return true;
  }

  bool fragment_applies(const Type* object_type, std::string_view condition) const {
    const Type* type = schema_.type(condition);
    if (type == object_type) return true;
    return is_abstract_type(type) && schema_.is_possible_type(type, object_type);
  }

  // Fragments already spread into a selection set (a handful: a vector).
  using Visited = std::vector<std::string_view>;

  void collect_fields(const Type* object_type, const ast::SelectionSet& set, SelectionPlan& plan,
                      Visited& visited) const {
    for (const auto& sel : set.selections) {
      if (!should_include(sel.directives)) continue;
      switch (sel.kind) {
        case ast::SelectionKind::kField:
          add_field(object_type, sel, plan);
          break;
        case ast::SelectionKind::kInlineFragment:
          if (sel.type_condition.empty() || fragment_applies(object_type, sel.type_condition)) {
            collect_fields(object_type, sel.selection_set, plan, visited);
          }
          break;
        case ast::SelectionKind::kFragmentSpread: {
          if (std::find(visited.begin(), visited.end(), sel.name) != visited.end()) break;
          visited.push_back(sel.name);
          auto it = fragments_.find(sel.name);
          if (it == fragments_.end() || !fragment_applies(object_type, it->second->type_condition))
            break;
          collect_fields(object_type, it->second->selection_set, plan, visited);
          break;
        }
      }
    }
  }

  void add_field(const Type* object_type, const ast::Selection& sel, SelectionPlan& plan) const {
    const std::string_view key = sel.response_key();
    auto it = std::find_if(plan.fields.begin(), plan.fields.end(),
                           [&](const FieldPlan& field) { return field.key == key; });
    if (it != plan.fields.end()) {
      it->nodes.push_back(&sel);
      return;
    }
    FieldPlan& field = plan.fields.emplace_back();
    field.key = key;
    field.nodes.push_back(&sel);
    field.parent_type = object_type;
    field.def = schema_.field_definition(object_type, sel.name);
    field.args_coerced = field.def == nullptr || field.def->arguments.empty();
  }

  // The plan of the field's sub-selections on `object_type` (several for an
  // abstract field's possible types). Fields with the same nodes share their
  // plans: a fragment spread in several places is planned once.
  SelectionPlan& subplan(const Type* object_type, FieldPlan& field) {
    for (auto& [type, plan] : field.subplans) {
      if (type == object_type) return *plan;
    }
    SelectionPlan*& shared = plans_->shared[{object_type, field.nodes}];
    if (shared == nullptr) {
      shared = &plans_->plans.emplace_back(plans_->storage);
      std::size_t selections = 0;  // as many fields, unless fragments add more
      for (const ast::Selection* node : field.nodes)
        selections += node->selection_set.selections.size();
      shared->fields.reserve(selections);
      Visited visited;
      for (const ast::Selection* node : field.nodes) {
        collect_fields(object_type, node->selection_set, *shared, visited);
      }
      shape(*shared);
    }
    field.subplans.emplace_back(object_type, shared);
    return *shared;
  }

  // (The shape is in the response's arena too: it lives as long as the
  // request.)
  static void shape(SelectionPlan& plan) {
    plan.shape.reserve(plan.fields.size());
    for (const FieldPlan& field : plan.fields) {
      if (field.def != nullptr) plan.shape.emplace(field.key, nullptr);
    }
  }

  // Coerced once per request: the arguments depend only on the field nodes
  // and the variables. An invalid argument fails every use of the field.
  // (Fields without arguments start out coerced: an empty object.)
  const json::object& arguments(FieldPlan& field) {
    if (field.args_coerced) return field.args;
    return coerce_arguments(field);
  }

  const json::object& coerce_arguments(FieldPlan& field) {
    if (!field.args_error) {
      try {
        field.args = coerce_argument_values(field.def->arguments, field.node().arguments,
                                            variables_, field.node().loc);
        field.args_coerced = true;
        return field.args;
      } catch (...) {
        field.args_error = std::current_exception();
      }
    }
    std::rethrow_exception(field.args_error);
  }

  // --- Which fields complete inline -----------------------------------------
  // A field "never awaits" when neither its own resolver nor any resolver
  // below it in the selection is asynchronous. It then runs to completion as
  // plain function calls: no coroutine frame, no spawn, no strand round trip.
  // Only fields that may really suspend run as coroutines, concurrently with
  // their siblings (and list items) so that their loads batch and overlap.

  bool field_never_awaits(FieldPlan& field) {
    return !field.def->resolver && completes_below_inline(field);
  }

  // Whether the field's value, once resolved, completes without awaiting.
  // Decided from the schema and the selection, once per request; a fragment
  // cycle (which validation rejects) reads as "may await", the safe answer.
  bool completes_below_inline(FieldPlan& field) {
    if (field.below == Awaiting::kUnknown) {
      field.below = Awaiting::kExamining;
      field.below = below_never_awaits(field) ? Awaiting::kNever : Awaiting::kMaybe;
    }
    return field.below == Awaiting::kNever;
  }

  bool below_never_awaits(FieldPlan& field) {
    const Type* type = named_type(field.def->type);
    if (is_leaf_type(type)) return true;
    if (!is_abstract_type(type)) return selection_never_awaits(subplan(type, field));
    for (const Type* possible : type->possible_types) {
      if (!selection_never_awaits(subplan(possible, field))) return false;
    }
    return true;
  }

  bool selection_never_awaits(SelectionPlan& plan) {
    return std::all_of(plan.fields.begin(), plan.fields.end(), [this](FieldPlan& field) {
      return field.def == nullptr || field_never_awaits(field);
    });
  }

  // --- Fields (spec 6.3, 6.4) -----------------------------------------------
  // Values are completed in place, into the slot of the response that holds
  // them, so the response is built without moving values up the stack.
  // `false` means "this position failed": it becomes null if its type is
  // nullable, and otherwise the failure propagates to the parent.

  // Executes the fields into `out`, an empty object. It first takes the
  // plan's shape, one null per known field in order, whose values are then
  // completed in place.
  bool execute_fields_inline(const Resolved& parent, SelectionPlan& plan, const ResponsePath* path,
                             json::object& out) {
    out = plan.shape;
    auto slot = out.begin();
    bool ok = true;
    for (FieldPlan& field : plan.fields) {
      if (field.def == nullptr) continue;
      const ResponsePath field_path{path, field.key, 0};
      // Siblings of a failed field still run (and report their errors).
      ok = execute_field_inline(field, parent, field_path, (slot++)->value()) && ok;
    }
    return ok;
  }

  asio::awaitable<std::optional<json::object>> execute_fields(const Resolved& parent,
                                                              SelectionPlan& plan,
                                                              const ResponsePath* path,
                                                              bool serial) {
    json::object out(plan.shape, storage_);
    auto slot = out.begin();
    const std::size_t count = plan.fields.size();
    std::vector<ResponsePath> paths(count);
    std::vector<char> ok(count, 1);
    std::vector<asio::awaitable<void>> tasks;
    for (std::size_t i = 0; i < count; ++i) {
      FieldPlan& field = plan.fields[i];
      if (field.def == nullptr) continue;
      paths[i] = ResponsePath{path, field.key, 0};
      Value& value = (slot++)->value();
      if (serial) {
        ok[i] = co_await execute_field(field, parent, paths[i], value);
      } else if (field_never_awaits(field)) {
        ok[i] = execute_field_inline(field, parent, paths[i], value);
      } else {
        tasks.push_back(field_task(field, parent, paths[i], value, ok[i]));
      }
    }
    co_await join_all(std::move(tasks));
    for (char field_ok : ok) {
      if (!field_ok) co_return std::nullopt;
    }
    co_return out;
  }

  asio::awaitable<void> field_task(FieldPlan& field, const Resolved& parent,
                                   const ResponsePath& path, Value& slot, char& ok) {
    ok = co_await execute_field(field, parent, path, slot);
  }

  // Stores a null for the field, or reports that the null must propagate.
  static bool null_field(const FieldPlan& field, Value& slot) {
    slot = nullptr;
    return !field.def->type->is_non_null();
  }

  static bool has_sync_resolver(const Field& def) {
    return static_cast<bool>(def.sync_resolver) || static_cast<bool>(def.borrowing_resolver);
  }

  // Runs the field's sync or borrowing resolver into `owned`.
  void resolve_sync(FieldPlan& field, const Resolved& parent, const ResponsePath& path,
                    Resolved& owned) {
    const Field& def = *field.def;
    ResolveInfo info{
        parent, arguments(field), options_.context, schema_, *field.parent_type, def, field.node(),
        path,   variables_};
    if (def.sync_resolver) {
      owned = def.sync_resolver(info);
    } else {
      owned = Resolved::borrow(def.borrowing_resolver(info));
    }
  }

  // A field without a resolver: the parent's member of the same name, read
  // in place. Its arguments are still coerced, so that bad ones are reported.
  const Value& resolve_by_default(FieldPlan& field, const Resolved& parent) {
    arguments(field);
    return default_resolve(field, parent.json());
  }

  bool execute_field_inline(FieldPlan& field, const Resolved& parent, const ResponsePath& path,
                            Value& slot) {
    if (field.def->resolver) {
      // Unreachable: such fields never take the inline path.
      throw std::logic_error("field " + field.def->name + " has an async resolver");
    }
    if (!has_sync_resolver(*field.def)) {
      const Value* member = nullptr;
      try {
        member = &resolve_by_default(field, parent);
      } catch (...) {
        record_exception(std::current_exception(), field, path);
        return null_field(field, slot);
      }
      return complete_field_inline(field, *member, path, slot);
    }
    Resolved owned;
    try {
      resolve_sync(field, parent, path, owned);
    } catch (...) {
      record_exception(std::current_exception(), field, path);
      return null_field(field, slot);
    }
    return complete_field_inline(field, owned, path, slot);
  }

  template <typename Source>
  bool complete_field_inline(FieldPlan& field, const Source& result, const ResponsePath& path,
                             Value& slot) {
    if (!complete_inline(field.def->type, field, result, path, slot)) {
      return null_field(field, slot);
    }
    return true;
  }

  asio::awaitable<bool> execute_field(FieldPlan& field, const Resolved& parent,
                                      const ResponsePath& path, Value& slot) {
    Resolved owned;
    const Value* member = nullptr;
    std::exception_ptr failure;
    try {
      if (field.def->resolver) {
        ResolveInfo info{parent,
                         arguments(field),
                         options_.context,
                         schema_,
                         *field.parent_type,
                         *field.def,
                         field.node(),
                         path,
                         variables_};
        owned = co_await field.def->resolver(info);
      } else if (has_sync_resolver(*field.def)) {
        resolve_sync(field, parent, path, owned);
      } else {
        member = &resolve_by_default(field, parent);
      }
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure) {
      record_exception(failure, field, path);
      co_return null_field(field, slot);
    }
    if (member != nullptr) co_return co_await complete_field(field, *member, path, slot);
    co_return co_await complete_field(field, owned, path, slot);
  }

  template <typename Source>
  asio::awaitable<bool> complete_field(FieldPlan& field, const Source& result,
                                       const ResponsePath& path, Value& slot) {
    if (completes_below_inline(field)) co_return complete_field_inline(field, result, path, slot);
    std::optional<Value> completed = co_await complete_value(field.def->type, field, result, path);
    if (!completed) co_return null_field(field, slot);
    slot = std::move(*completed);
    co_return true;
  }

  // The parent's member named like the field. Objects a field meets mostly
  // share one layout (rows of one query, introspection's cached objects), so
  // the member is first looked for where it was found last time.
  static const Value& default_resolve(FieldPlan& field, const Value& parent) {
    const json::object* object = parent.if_object();
    if (object == nullptr) return null_value();
    const std::string& name = field.def->name;
    if (field.member_hint < object->size()) {
      const json::key_value_pair& member = object->begin()[field.member_hint];
      if (member.key() == name) return member.value();
    }
    auto it = object->find(name);
    if (it == object->end()) return null_value();
    field.member_hint = static_cast<std::size_t>(it - object->begin());
    return it->value();
  }

  // --- Value completion (spec 6.4.3) ----------------------------------------
  // Completion reads either JSON (a parent's member, read in place) or a
  // resolver's Resolved value; a Resolved holding JSON goes the JSON way.

  static bool is_null(const Value& value) { return value.is_null(); }
  static bool is_null(const Resolved& value) { return value.is_null(); }
  static bool is_list(const Value& value) { return value.is_array(); }
  static bool is_list(const Resolved& value) {
    return value.kind() == Resolved::Kind::kTexts || value.kind() == Resolved::Kind::kObjects;
  }
  static std::size_t list_size(const Value& list) { return list.get_array().size(); }
  static std::size_t list_size(const Resolved& list) {
    return list.kind() == Resolved::Kind::kTexts ? list.texts_view().size() : list.size();
  }
  static const Value& list_item(const Value& list, std::size_t index) {
    return list.get_array()[index];
  }
  static Resolved list_item(const Resolved& list, std::size_t index) {
    if (list.kind() == Resolved::Kind::kTexts) return Resolved::text(list.texts_view()[index]);
    return list.item(index);
  }
  // An object value as the parent of its fields.
  static Resolved as_parent(const Value& object) { return Resolved::borrow(object); }
  static const Resolved& as_parent(const Resolved& object) { return object; }

  // Completes `result` into `slot`, which holds null.
  template <typename Source>
  bool complete_inline(const Type* type, FieldPlan& field, const Source& result,
                       const ResponsePath& path, Value& slot) {
    if constexpr (std::is_same_v<Source, Resolved>) {
      if (result.is_json()) return complete_inline(type, field, result.json(), path, slot);
    }
    if (type->is_non_null()) {
      if (!complete_inline(type->of_type, field, result, path, slot)) return false;
      if (!slot.is_null()) return true;
      field_error(null_in_non_null_message(field), field, path);
      return false;
    }
    if (is_null(result)) return true;
    if (type->is_list()) return complete_list_inline(type, field, result, path, slot);
    if (is_leaf_type(type)) return serialize_leaf(type, field, result, path, slot);
    const Type* object_type = runtime_object_type(type, field, as_parent(result), path);
    if (object_type == nullptr) return false;
    return execute_fields_inline(as_parent(result), subplan(object_type, field), &path,
                                 slot.emplace_object());
  }

  template <typename Source>
  bool complete_list_inline(const Type* type, FieldPlan& field, const Source& result,
                            const ResponsePath& path, Value& slot) {
    if (!is_list(result)) {
      field_error(not_iterable_message(field), field, path);
      return false;
    }
    const std::size_t count = list_size(result);
    json::array& out = slot.emplace_array();
    out.resize(count);
    const Type* item_type = type->of_type;
    bool ok = true;
    for (std::size_t i = 0; i < count; ++i) {
      const ResponsePath item_path{&path, {}, i};
      if (complete_inline(item_type, field, list_item(result, i), item_path, out[i])) continue;
      out[i] = nullptr;
      // Later items still run (and report their errors), as they would concurrently.
      if (item_type->is_non_null()) ok = false;
    }
    return ok;
  }

  // Completion of a value below which some resolver may await. nullopt: the
  // position failed (see above).
  template <typename Source>
  asio::awaitable<std::optional<Value>> complete_value(const Type* type, FieldPlan& field,
                                                       const Source& result,
                                                       const ResponsePath& path) {
    if constexpr (std::is_same_v<Source, Resolved>) {
      if (result.is_json()) co_return co_await complete_value(type, field, result.json(), path);
    }
    if (type->is_non_null()) {
      auto completed = co_await complete_value(type->of_type, field, result, path);
      if (completed && completed->is_null()) {
        field_error(null_in_non_null_message(field), field, path);
        co_return std::nullopt;
      }
      co_return completed;
    }
    if (is_null(result)) co_return Value(nullptr, storage_);
    if (type->is_list()) co_return co_await complete_list(type, field, result, path);
    Value completed(storage_);
    if (is_leaf_type(type)) {
      if (!serialize_leaf(type, field, result, path, completed)) co_return std::nullopt;
      co_return std::move(completed);
    }
    const Type* object_type = runtime_object_type(type, field, as_parent(result), path);
    if (object_type == nullptr) co_return std::nullopt;
    SelectionPlan& plan = subplan(object_type, field);
    // An abstract field's possible types may differ: this one may never await.
    if (selection_never_awaits(plan)) {
      if (!execute_fields_inline(as_parent(result), plan, &path, completed.emplace_object())) {
        co_return std::nullopt;
      }
      co_return std::move(completed);
    }
    auto fields = co_await execute_fields(as_parent(result), plan, &path, false);
    if (!fields) co_return std::nullopt;
    co_return Value(std::move(*fields));
  }

  // Items of a list of objects complete concurrently, so that resolvers of
  // all items can batch their loads (DataLoader) and overlap their I/O.
  template <typename Source>
  asio::awaitable<std::optional<Value>> complete_list(const Type* type, FieldPlan& field,
                                                      const Source& result,
                                                      const ResponsePath& path) {
    if (!is_list(result)) {
      field_error(not_iterable_message(field), field, path);
      co_return std::nullopt;
    }
    const std::size_t count = list_size(result);
    json::array out(count, nullptr, storage_);
    std::vector<ResponsePath> paths(count);
    std::vector<char> ok(count, 1);
    // The items of a typed list are made here and must outlive their tasks.
    std::vector<Resolved> typed_items;
    if constexpr (std::is_same_v<Source, Resolved>) {
      typed_items.reserve(count);
      for (std::size_t i = 0; i < count; ++i) typed_items.push_back(list_item(result, i));
    }
    std::vector<asio::awaitable<void>> tasks;
    tasks.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      paths[i] = ResponsePath{&path, {}, i};
      if constexpr (std::is_same_v<Source, Resolved>) {
        tasks.push_back(item_task(type->of_type, field, typed_items[i], paths[i], out[i], ok[i]));
      } else {
        tasks.push_back(
            item_task(type->of_type, field, list_item(result, i), paths[i], out[i], ok[i]));
      }
    }
    co_await join_all(std::move(tasks));
    for (char item_ok : ok) {
      if (!item_ok) co_return std::nullopt;
    }
    co_return Value(std::move(out));
  }

  template <typename Source>
  asio::awaitable<void> item_task(const Type* item_type, FieldPlan& field, const Source& item,
                                  const ResponsePath& path, Value& slot, char& ok) {
    auto completed = co_await complete_value(item_type, field, item, path);
    if (completed) {
      slot = std::move(*completed);
    } else {
      ok = !item_type->is_non_null();
    }
  }

  bool serialize_leaf(const Type* type, FieldPlan& field, const Value& result,
                      const ResponsePath& path, Value& slot) {
    if (type->kind == TypeKind::kEnum) {
      if (result.is_string() && type->enum_value(result.get_string()) != nullptr) {
        copy_leaf(result, slot);
        return true;
      }
      field_error("Enum \"" + type->name + "\" cannot represent value: " + inspect(result), field,
                  path);
      return false;
    }
    if (!field.passthrough) field.passthrough = serialize_passthrough(type->scalar);
    // (`result` is not null: nulls never reach a leaf.)
    if (!type->scalar.serialize || passes_through(*field.passthrough, result)) {
      copy_leaf(result, slot);
      return true;
    }
    try {
      slot = type->scalar.serialize(result);
      return !slot.is_null() || null_from_serialize(type, field, result, path);
    } catch (const std::exception& e) {
      field_error(e.what(), field, path);
    }
    return false;
  }

  // A leaf viewed in a typed parent: text is copied straight into the
  // response when the type takes strings as they are; anything else goes
  // through the JSON path above (and its checks and messages).
  bool serialize_leaf(const Type* type, FieldPlan& field, const Resolved& result,
                      const ResponsePath& path, Value& slot) {
    if (result.kind() != Resolved::Kind::kText) {
      field_error("Expected a leaf value for field \"" + field.parent_type->name + "." +
                      field.def->name + "\", got a list or object.",
                  field, path);
      return false;
    }
    const std::string_view text = result.text_view();
    if (type->kind != TypeKind::kEnum) {
      if (!field.passthrough) field.passthrough = serialize_passthrough(type->scalar);
      if (!type->scalar.serialize || *field.passthrough == Passthrough::kString) {
        slot.emplace_string() = text;
        return true;
      }
    } else if (type->enum_value(text) != nullptr) {
      slot.emplace_string() = text;
      return true;
    }
    return serialize_leaf(type, field, Value(text), path, slot);
  }

  // Copies a leaf value into its slot (null, in the response's storage)
  // without value's copy-and-swap through a temporary.
  static void copy_leaf(const Value& from, Value& to) {
    switch (from.kind()) {
      case json::kind::string:
        to.emplace_string() = from.get_string();
        return;
      case json::kind::bool_:
        to.emplace_bool() = from.get_bool();
        return;
      case json::kind::int64:
        to.emplace_int64() = from.get_int64();
        return;
      case json::kind::double_:
        to.emplace_double() = from.get_double();
        return;
      default:
        to = from;
    }
  }

  bool null_from_serialize(const Type* type, const FieldPlan& field, const Value& result,
                           const ResponsePath& path) {
    field_error("Expected `" + type->name + ".serialize(" + inspect(result) +
                    ")` to return non-nullish value, returned: null",
                field, path);
    return false;
  }

  // The object type of a composite value: the type itself, or what an
  // abstract type resolves to (nullptr, with the error reported, if nothing).
  const Type* runtime_object_type(const Type* type, const FieldPlan& field, const Resolved& result,
                                  const ResponsePath& path) {
    if (!is_abstract_type(type)) return type;
    return resolve_runtime_type(type, field, result, path);
  }

  const Type* resolve_runtime_type(const Type* abstract, const FieldPlan& field,
                                   const Resolved& result, const ResponsePath& path) {
    std::string name;
    try {
      if (abstract->type_resolver) {
        name = abstract->type_resolver(result, options_.context);
      } else if (const Value* typename_value =
                     result.json().is_object()
                         ? result.json().get_object().if_contains("__typename")
                         : nullptr;
                 typename_value != nullptr && typename_value->is_string()) {
        name = std::string(typename_value->get_string());
      }
    } catch (...) {
      record_exception(std::current_exception(), field, path);
      return nullptr;
    }
    const std::string where = field.parent_type->name + "." + field.def->name;
    if (name.empty()) {
      field_error(
          "Abstract type \"" + abstract->name +
              "\" must resolve to an Object type at runtime for field \"" + where +
              "\". Either the \"" + abstract->name +
              "\" type should provide a \"resolveType\" function or each possible type should "
              "provide an \"isTypeOf\" function.",
          field, path);
      return nullptr;
    }
    const Type* runtime = schema_.type(name);
    if (runtime == nullptr) {
      field_error("Abstract type \"" + abstract->name + "\" was resolved to a type \"" + name +
                      "\" that does not exist inside the schema.",
                  field, path);
      return nullptr;
    }
    if (runtime->kind != TypeKind::kObject) {
      field_error("Abstract type \"" + abstract->name +
                      "\" must resolve to an Object type at runtime for field \"" + where +
                      "\" with value " + inspect(result.json()) + ", received \"" + name + "\".",
                  field, path);
      return nullptr;
    }
    if (!schema_.is_possible_type(abstract, runtime)) {
      field_error("Runtime Object type \"" + name + "\" is not a possible type for \"" +
                      abstract->name + "\".",
                  field, path);
      return nullptr;
    }
    return runtime;
  }

  static std::string null_in_non_null_message(const FieldPlan& field) {
    return "Cannot return null for non-nullable field " + field.parent_type->name + "." +
           field.def->name + ".";
  }

  static std::string not_iterable_message(const FieldPlan& field) {
    return "Expected Iterable, but did not find one for field \"" + field.parent_type->name + "." +
           field.def->name + "\".";
  }

  // --- Errors ---------------------------------------------------------------

  // Errors the engine finds in resolver results (a null for a non-null
  // field, a value the type cannot represent) are server bugs.
  void field_error(std::string message, const FieldPlan& field, const ResponsePath& path) {
    GraphQLError e;
    e.message = std::move(message);
    e.extensions["code"] = "INTERNAL_SERVER_ERROR";
    e.locations.push_back(field.node().loc);
    e.path = path.to_path();
    errors_.push_back(std::move(e));
  }

  void record_exception(std::exception_ptr failure, const FieldPlan& field,
                        const ResponsePath& path) {
    GraphQLError e;
    try {
      std::rethrow_exception(failure);
    } catch (const GraphQLException& ex) {
      e = ex.error();
    } catch (const std::exception& ex) {
      e.message = ex.what();
      e.extensions["code"] = "INTERNAL_SERVER_ERROR";
      if (options_.format_error) options_.format_error(ex, e);
    } catch (...) {
      e.message = "Unexpected error.";
      e.extensions["code"] = "INTERNAL_SERVER_ERROR";
    }
    if (e.locations.empty()) e.locations.push_back(field.node().loc);
    e.path = path.to_path();
    errors_.push_back(std::move(e));
  }

  const Schema& schema_;
  const ast::Document& document_;
  ExecuteOptions& options_;
  const Resolved root_;  // the parent of root fields
  TypeArena arena_;
  json::object variables_;
  std::unordered_map<std::string_view, const ast::FragmentDefinition*> fragments_;
  std::vector<GraphQLError> errors_;
  std::shared_ptr<OperationPlans> plans_;
  json::storage_ptr storage_ = json::make_shared_resource<json::monotonic_resource>();
};

}  // namespace

asio::awaitable<json::object> execute(const Schema& schema, const ast::Document& document,
                                      ExecuteOptions options) {
  Executor executor(schema, document, options);
  auto strand = asio::make_strand(co_await asio::this_coro::executor);
  co_return co_await asio::co_spawn(strand, executor.run(), asio::use_awaitable);
}

}  // namespace myspace::graphql
