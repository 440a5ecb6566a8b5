#include "graphql/execution/execute.h"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/array.hpp>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "graphql/execution/values.h"
#include "graphql/type/scalars.h"

namespace myspace::graphql {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

// A response path as a chain of frames on the (coroutine) stack: cheap to
// extend, turned into a Path only when an error or a resolver needs it.
struct PathNode {
  const PathNode* parent = nullptr;
  std::string_view key;  // empty for a list index
  std::size_t index = 0;
};

Path to_path(const PathNode* node) {
  Path path;
  for (; node != nullptr; node = node->parent) {
    if (node->key.empty()) {
      path.emplace_back(node->index);
    } else {
      path.emplace_back(std::string(node->key));
    }
  }
  std::reverse(path.begin(), path.end());
  return path;
}

struct FieldGroup {
  std::string_view key;
  std::vector<const ast::Selection*> nodes;
};
using FieldGroups = std::vector<FieldGroup>;

// What complete_value needs to know about the field being completed.
struct FieldContext {
  const Type* parent_type;
  const Field* def;
  const FieldGroup* group;
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
      : schema_(schema), document_(document), options_(options) {}

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
    json::object response;
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
    FieldGroups groups;
    std::unordered_set<std::string_view> visited;
    collect_fields(root, op.selection_set, groups, visited);
    co_return co_await execute_fields(root, options_.root_value, groups, nullptr,
                                      op.operation == ast::OperationType::kMutation);
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

  void collect_fields(const Type* object_type, const ast::SelectionSet& set, FieldGroups& groups,
                      std::unordered_set<std::string_view>& visited) const {
    for (const auto& sel : set.selections) {
      if (!should_include(sel.directives)) continue;
      switch (sel.kind) {
        case ast::SelectionKind::kField: {
          const std::string_view key = sel.response_key();
          auto it = std::find_if(groups.begin(), groups.end(),
                                 [&](const FieldGroup& g) { return g.key == key; });
          if (it == groups.end()) {
            groups.push_back({key, {&sel}});
          } else {
            it->nodes.push_back(&sel);
          }
          break;
        }
        case ast::SelectionKind::kInlineFragment:
          if (sel.type_condition.empty() || fragment_applies(object_type, sel.type_condition)) {
            collect_fields(object_type, sel.selection_set, groups, visited);
          }
          break;
        case ast::SelectionKind::kFragmentSpread: {
          if (!visited.insert(sel.name).second) break;
          auto it = fragments_.find(sel.name);
          if (it == fragments_.end() || !fragment_applies(object_type, it->second->type_condition))
            break;
          collect_fields(object_type, it->second->selection_set, groups, visited);
          break;
        }
      }
    }
  }

  // Memoised per (object type, merged field nodes): every item of a list of
  // objects selects the same sub-fields, so they are collected once.
  const FieldGroups& collect_subfields(const Type* object_type, const FieldGroup& group) {
    auto& groups = subfields_[{object_type, group.nodes}];
    if (groups == nullptr) {
      groups = std::make_unique<FieldGroups>();
      std::unordered_set<std::string_view> visited;
      for (const ast::Selection* node : group.nodes) {
        collect_fields(object_type, node->selection_set, *groups, visited);
      }
    }
    return *groups;
  }

  // --- Fields (spec 6.3, 6.4) -----------------------------------------------

  // Fields whose value is known without awaiting: no async resolver and a
  // leaf result. They complete inline instead of as a task.
  static bool completes_inline(const Field& def) {
    return !def.resolver && is_leaf_type(named_type(def.type));
  }

  asio::awaitable<std::optional<json::object>> execute_fields(const Type* type, const Value& parent,
                                                              const FieldGroups& groups,
                                                              const PathNode* path, bool serial) {
    std::vector<const Field*> defs;
    defs.reserve(groups.size());
    json::object out;
    out.reserve(groups.size());
    for (const auto& group : groups) {
      const Field* def = schema_.field_definition(type, group.nodes.front()->name);
      defs.push_back(def);
      if (def != nullptr) out.emplace(group.key, nullptr);  // unknown fields are omitted (spec 6.3)
    }
    std::vector<PathNode> paths(groups.size());
    std::vector<char> ok(groups.size(), 1);
    std::vector<asio::awaitable<void>> tasks;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (defs[i] == nullptr) continue;
      paths[i] = PathNode{path, groups[i].key, 0};
      Value& slot = out.at(groups[i].key);
      FieldContext fc{type, defs[i], &groups[i]};
      if (serial) {
        ok[i] = co_await execute_field(fc, parent, paths[i], slot);
      } else if (completes_inline(*defs[i])) {
        ok[i] = execute_field_inline(fc, parent, paths[i], slot);
      } else {
        tasks.push_back(field_task(fc, parent, paths[i], slot, ok[i]));
      }
    }
    co_await join_all(std::move(tasks));
    for (char field_ok : ok) {
      if (!field_ok) co_return std::nullopt;
    }
    co_return out;
  }

  asio::awaitable<void> field_task(FieldContext fc, const Value& parent, const PathNode& path,
                                   Value& slot, char& ok) {
    ok = co_await execute_field(fc, parent, path, slot);
  }

  json::object coerce_arguments(const FieldContext& fc) const {
    const ast::Selection& node = *fc.group->nodes.front();
    if (fc.def->arguments.empty()) return {};
    return coerce_argument_values(fc.def->arguments, node.arguments, variables_, node.loc);
  }

  // Stores a null for the field, or reports that the null must propagate.
  static bool null_field(const FieldContext& fc, Value& slot) {
    slot = nullptr;
    return !fc.def->type->is_non_null();
  }

  bool execute_field_inline(const FieldContext& fc, const Value& parent, const PathNode& path,
                            Value& slot) {
    Value owned;
    const Value* result = &null_value();
    try {
      json::object args = coerce_arguments(fc);
      if (fc.def->sync_resolver) {
        Path full_path = to_path(&path);
        ResolveInfo info{parent,          args,    options_.context,         schema_,
                         *fc.parent_type, *fc.def, *fc.group->nodes.front(), full_path,
                         variables_};
        owned = fc.def->sync_resolver(info);
        result = &owned;
      } else {
        result = default_resolve(parent, fc.def->name);
      }
    } catch (...) {
      record_exception(std::current_exception(), fc, path);
      return null_field(fc, slot);
    }
    auto completed = complete_inline(fc.def->type, fc, *result, path);
    if (!completed) return null_field(fc, slot);
    slot = std::move(*completed);
    return true;
  }

  asio::awaitable<bool> execute_field(FieldContext fc, const Value& parent, const PathNode& path,
                                      Value& slot) {
    Value owned;
    const Value* result = &null_value();
    std::exception_ptr failure;
    try {
      json::object args = coerce_arguments(fc);
      if (fc.def->resolver || fc.def->sync_resolver) {
        Path full_path = to_path(&path);
        ResolveInfo info{parent,          args,    options_.context,         schema_,
                         *fc.parent_type, *fc.def, *fc.group->nodes.front(), full_path,
                         variables_};
        // (Not a conditional expression: GCC 12 miscompiles co_await inside one.)
        if (fc.def->resolver) {
          owned = co_await fc.def->resolver(info);
        } else {
          owned = fc.def->sync_resolver(info);
        }
        result = &owned;
      } else {
        result = default_resolve(parent, fc.def->name);
      }
    } catch (...) {
      failure = std::current_exception();
    }
    if (failure) {
      record_exception(failure, fc, path);
      co_return null_field(fc, slot);
    }
    auto completed = co_await complete_value(fc.def->type, fc, *result, path);
    if (!completed) co_return null_field(fc, slot);
    slot = std::move(*completed);
    co_return true;
  }

  static const Value* default_resolve(const Value& parent, const std::string& name) {
    if (const auto* obj = parent.if_object()) {
      if (const Value* v = obj->if_contains(name)) return v;
    }
    return &null_value();
  }

  // --- Value completion (spec 6.4.3) ----------------------------------------
  // nullopt means "this position failed": it becomes null if its type is
  // nullable, and otherwise the failure propagates to the parent.

  std::optional<Value> complete_inline(const Type* type, const FieldContext& fc,
                                       const Value& result, const PathNode& path) {
    if (type->is_non_null()) {
      auto completed = complete_inline(type->of_type, fc, result, path);
      if (completed && completed->is_null()) {
        field_error(null_in_non_null_message(fc), fc, path);
        return std::nullopt;
      }
      return completed;
    }
    if (result.is_null()) return Value(nullptr);
    if (type->is_list()) {
      if (!result.is_array()) {
        field_error(not_iterable_message(fc), fc, path);
        return std::nullopt;
      }
      const auto& items = result.get_array();
      json::array out;
      out.reserve(items.size());
      for (std::size_t i = 0; i < items.size(); ++i) {
        PathNode item_path{&path, {}, i};
        auto item = complete_inline(type->of_type, fc, items[i], item_path);
        if (!item && type->of_type->is_non_null()) return std::nullopt;
        out.push_back(item ? std::move(*item) : Value(nullptr));
      }
      return Value(std::move(out));
    }
    return serialize_leaf(type, fc, result, path);
  }

  asio::awaitable<std::optional<Value>> complete_value(const Type* type, const FieldContext& fc,
                                                       const Value& result, const PathNode& path) {
    if (is_leaf_type(named_type(type))) co_return complete_inline(type, fc, result, path);
    if (type->is_non_null()) {
      auto completed = co_await complete_value(type->of_type, fc, result, path);
      if (completed && completed->is_null()) {
        field_error(null_in_non_null_message(fc), fc, path);
        co_return std::nullopt;
      }
      co_return completed;
    }
    if (result.is_null()) co_return Value(nullptr);
    if (type->is_list()) co_return co_await complete_list(type, fc, result, path);
    const Type* object_type = type;
    if (is_abstract_type(type)) {
      object_type = resolve_runtime_type(type, fc, result, path);
      if (object_type == nullptr) co_return std::nullopt;
    }
    const FieldGroups& groups = collect_subfields(object_type, *fc.group);
    auto fields = co_await execute_fields(object_type, result, groups, &path, false);
    if (!fields) co_return std::nullopt;
    co_return Value(std::move(*fields));
  }

  // Items of a list of objects complete concurrently, so that resolvers of
  // all items can batch their loads (DataLoader) and overlap their I/O.
  asio::awaitable<std::optional<Value>> complete_list(const Type* type, const FieldContext& fc,
                                                      const Value& result, const PathNode& path) {
    if (!result.is_array()) {
      field_error(not_iterable_message(fc), fc, path);
      co_return std::nullopt;
    }
    const auto& items = result.get_array();
    json::array out(items.size(), nullptr);
    std::vector<PathNode> paths(items.size());
    std::vector<char> ok(items.size(), 1);
    std::vector<asio::awaitable<void>> tasks;
    tasks.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      paths[i] = PathNode{&path, {}, i};
      tasks.push_back(item_task(type->of_type, fc, items[i], paths[i], out[i], ok[i]));
    }
    co_await join_all(std::move(tasks));
    for (char item_ok : ok) {
      if (!item_ok) co_return std::nullopt;
    }
    co_return Value(std::move(out));
  }

  asio::awaitable<void> item_task(const Type* item_type, const FieldContext& fc, const Value& item,
                                  const PathNode& path, Value& slot, char& ok) {
    auto completed = co_await complete_value(item_type, fc, item, path);
    if (completed) {
      slot = std::move(*completed);
    } else {
      ok = !item_type->is_non_null();
    }
  }

  std::optional<Value> serialize_leaf(const Type* type, const FieldContext& fc, const Value& result,
                                      const PathNode& path) {
    if (type->kind == TypeKind::kEnum) {
      if (result.is_string() && type->enum_value(result.get_string()) != nullptr) return result;
      field_error("Enum \"" + type->name + "\" cannot represent value: " + inspect(result), fc,
                  path);
      return std::nullopt;
    }
    try {
      Value out = type->scalar.serialize ? type->scalar.serialize(result) : result;
      if (!out.is_null()) return out;
      field_error("Expected `" + type->name + ".serialize(" + inspect(result) +
                      ")` to return non-nullish value, returned: null",
                  fc, path);
    } catch (const std::exception& e) {
      field_error(e.what(), fc, path);
    }
    return std::nullopt;
  }

  const Type* resolve_runtime_type(const Type* abstract, const FieldContext& fc,
                                   const Value& result, const PathNode& path) {
    std::string name;
    try {
      if (abstract->type_resolver) {
        name = abstract->type_resolver(result, options_.context);
      } else if (const Value* typename_value =
                     result.is_object() ? result.get_object().if_contains("__typename") : nullptr;
                 typename_value != nullptr && typename_value->is_string()) {
        name = std::string(typename_value->get_string());
      }
    } catch (...) {
      record_exception(std::current_exception(), fc, path);
      return nullptr;
    }
    const std::string where = fc.parent_type->name + "." + fc.def->name;
    if (name.empty()) {
      field_error(
          "Abstract type \"" + abstract->name +
              "\" must resolve to an Object type at runtime for field \"" + where +
              "\". Either the \"" + abstract->name +
              "\" type should provide a \"resolveType\" function or each possible type should "
              "provide an \"isTypeOf\" function.",
          fc, path);
      return nullptr;
    }
    const Type* runtime = schema_.type(name);
    if (runtime == nullptr) {
      field_error("Abstract type \"" + abstract->name + "\" was resolved to a type \"" + name +
                      "\" that does not exist inside the schema.",
                  fc, path);
      return nullptr;
    }
    if (runtime->kind != TypeKind::kObject) {
      field_error("Abstract type \"" + abstract->name +
                      "\" must resolve to an Object type at runtime for field \"" + where +
                      "\" with value " + inspect(result) + ", received \"" + name + "\".",
                  fc, path);
      return nullptr;
    }
    if (!schema_.is_possible_type(abstract, runtime)) {
      field_error("Runtime Object type \"" + name + "\" is not a possible type for \"" +
                      abstract->name + "\".",
                  fc, path);
      return nullptr;
    }
    return runtime;
  }

  static std::string null_in_non_null_message(const FieldContext& fc) {
    return "Cannot return null for non-nullable field " + fc.parent_type->name + "." +
           fc.def->name + ".";
  }

  static std::string not_iterable_message(const FieldContext& fc) {
    return "Expected Iterable, but did not find one for field \"" + fc.parent_type->name + "." +
           fc.def->name + "\".";
  }

  // --- Errors ---------------------------------------------------------------

  // Errors the engine finds in resolver results (a null for a non-null
  // field, a value the type cannot represent) are server bugs.
  void field_error(std::string message, const FieldContext& fc, const PathNode& path) {
    GraphQLError e;
    e.message = std::move(message);
    e.extensions["code"] = "INTERNAL_SERVER_ERROR";
    e.locations.push_back(fc.group->nodes.front()->loc);
    e.path = to_path(&path);
    errors_.push_back(std::move(e));
  }

  void record_exception(std::exception_ptr failure, const FieldContext& fc, const PathNode& path) {
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
    if (e.locations.empty()) e.locations.push_back(fc.group->nodes.front()->loc);
    e.path = to_path(&path);
    errors_.push_back(std::move(e));
  }

  const Schema& schema_;
  const ast::Document& document_;
  ExecuteOptions& options_;
  TypeArena arena_;
  json::object variables_;
  std::unordered_map<std::string_view, const ast::FragmentDefinition*> fragments_;
  std::vector<GraphQLError> errors_;
  std::map<std::pair<const Type*, std::vector<const ast::Selection*>>, std::unique_ptr<FieldGroups>>
      subfields_;
};

}  // namespace

asio::awaitable<json::object> execute(const Schema& schema, const ast::Document& document,
                                      ExecuteOptions options) {
  Executor executor(schema, document, options);
  auto strand = asio::make_strand(co_await asio::this_coro::executor);
  co_return co_await asio::co_spawn(strand, executor.run(), asio::use_awaitable);
}

}  // namespace myspace::graphql
