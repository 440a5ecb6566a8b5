#include "graphql/testing/star_wars.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <regex>

#include "graphql/execution/execute.h"
#include "graphql/language/parser.h"

namespace myspace::graphql::testing {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

const json::object& characters() {
  static const json::object data = json::parse(R"({
    "1000": {"__typename": "Human", "id": "1000", "name": "Luke Skywalker", "friendIds": ["1002", "1003", "2000", "2001"], "appearsIn": ["NEWHOPE", "EMPIRE", "JEDI"], "homePlanet": "Tatooine", "mass": 77},
    "1001": {"__typename": "Human", "id": "1001", "name": "Darth Vader", "friendIds": ["1004"], "appearsIn": ["NEWHOPE", "EMPIRE", "JEDI"], "homePlanet": "Tatooine"},
    "1002": {"__typename": "Human", "id": "1002", "name": "Han Solo", "friendIds": ["1000", "1003", "2001"], "appearsIn": ["NEWHOPE", "EMPIRE", "JEDI"]},
    "1003": {"__typename": "Human", "id": "1003", "name": "Leia Organa", "friendIds": ["1000", "1002", "2000", "2001"], "appearsIn": ["NEWHOPE", "EMPIRE", "JEDI"], "homePlanet": "Alderaan"},
    "1004": {"__typename": "Human", "id": "1004", "name": "Wilhuff Tarkin", "friendIds": ["1001"], "appearsIn": ["NEWHOPE"]},
    "2000": {"__typename": "Droid", "id": "2000", "name": "C-3PO", "friendIds": ["1000", "1002", "1003", "2001"], "appearsIn": ["NEWHOPE", "EMPIRE", "JEDI"], "primaryFunction": "Protocol"},
    "2001": {"__typename": "Droid", "id": "2001", "name": "R2-D2", "friendIds": ["1000", "1002", "1003"], "appearsIn": ["NEWHOPE", "EMPIRE", "JEDI"], "primaryFunction": "Astromech"}
  })")
                                       .as_object();
  return data;
}

Value character(std::string_view id) {
  const Value* c = characters().if_contains(id);
  return c ? *c : Value(nullptr);
}

StarWarsContext& context_of(ResolveInfo& info) {
  return *info.context_as<std::shared_ptr<StarWarsContext>>();
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<Resolved> friends(ResolveInfo& info) {
  auto& ctx = context_of(info);
  std::vector<std::string> ids;
  for (const auto& id : info.parent.json().at("friendIds").as_array())
    ids.emplace_back(id.as_string());
  auto loaded = co_await ctx.characters.load_many(std::move(ids));
  co_return json::array(loaded.begin(), loaded.end());
}

void bind_queries(Schema& schema) {
  schema.resolve("Query", "hero", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    const Value* episode = info.args.if_contains("episode");
    co_return character(
        episode && episode->is_string() && episode->get_string() == "EMPIRE" ? "1000" : "2001");
  });
  schema.resolve_sync("Query", "human", [](ResolveInfo& info) {
    Value c = character(info.args.at("id").as_string());
    return c.is_object() && c.at("__typename") == "Human" ? c : Value(nullptr);
  });
  schema.resolve_sync("Query", "droid", [](ResolveInfo& info) {
    Value c = character(info.args.at("id").as_string());
    return c.is_object() && c.at("__typename") == "Droid" ? c : Value(nullptr);
  });
  schema.resolve_sync("Query", "search", [](ResolveInfo& info) {
    json::array out;
    const std::string text(info.args.at("text").as_string());
    for (const auto& [id, c] : characters()) {
      if (std::string(c.at("name").as_string()).find(text) != std::string::npos) out.push_back(c);
    }
    if (std::string("Millennium Falcon").find(text) != std::string::npos) {
      out.push_back(json::object{{"__typename", "Starship"},
                                 {"id", "3000"},
                                 {"name", "Millennium Falcon"},
                                 {"length", 34.37}});
    }
    return Value(std::move(out));
  });
  schema.resolve_sync("Query", "reviews", [](ResolveInfo& info) {
    json::array out;
    for (const auto& r : context_of(info).reviews) {
      if (r.at("episode") == info.args.at("episode")) out.push_back(r);
    }
    return Value(std::move(out));
  });
  schema.resolve_sync("Query", "now", [](ResolveInfo&) { return Value("2026-11-24T07:00:00Z"); });
  schema.resolve_sync("Query", "price", [](ResolveInfo&) { return Value("12.50"); });
  schema.resolve("Query", "slow", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    co_await sleep_for(std::chrono::milliseconds(info.args.at("ms").as_int64()));
    co_return info.args.at("tag");
  });
  schema.resolve("Query", "failing", [](ResolveInfo&) -> asio::awaitable<Resolved> {
    throw GraphQLException("The droid you are looking for is not here.", "NOT_FOUND");
    co_return nullptr;
  });
  schema.resolve_sync("Query", "failingNonNull", [](ResolveInfo&) { return Value(nullptr); });
  schema.resolve("Query", "failingAsyncNonNull", [](ResolveInfo&) -> asio::awaitable<Resolved> {
    co_await sleep_for(std::chrono::milliseconds(1));
    throw GraphQLException("The hyperdrive motivator is damaged.", "NOT_FOUND");
    co_return nullptr;
  });
  schema.resolve_sync("Query", "lostProbe",
                      [](ResolveInfo&) { return Value(json::parse(R"({"id":"2","lost":true})")); });
  schema.resolve_sync("Query", "probes", [](ResolveInfo&) {
    return Value(json::parse(R"([{"id":"1","lost":false},{"id":"2","lost":true}])"));
  });
  schema.resolve_sync("Query", "echo",
                      [](ResolveInfo& info) { return Value(json::serialize(info.args)); });
  schema.resolve_sync("Query", "pick",
                      [](ResolveInfo& info) { return Value(json::serialize(info.args.at("by"))); });
}

void bind_mutations(Schema& schema) {
  schema.resolve_sync("Mutation", "createReview", [](ResolveInfo& info) {
    json::object review = info.args.at("review").as_object();
    review["episode"] = info.args.at("episode");
    context_of(info).reviews.push_back(review);
    return Value(review);
  });
  // Entries that arrive earlier wait longer: only serial execution keeps the order.
  schema.resolve("Mutation", "appendLog", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    auto& ctx = context_of(info);
    co_await sleep_for(std::chrono::milliseconds(30 - 10 * static_cast<int>(ctx.log.size() % 3)));
    ctx.log.emplace_back(info.args.at("entry").as_string());
    json::array out;
    for (const auto& e : ctx.log) out.emplace_back(e);
    co_return out;
  });
}

void bind_characters(Schema& schema) {
  for (const char* type : {"Human", "Droid"}) {
    schema.resolve(type, "friends", friends);
    schema.resolve_sync(type, "secretBackstory", [](ResolveInfo&) -> Value {
      throw std::runtime_error("secretBackstory is secret.");
    });
  }
  schema.resolve_sync("Human", "mass", [](ResolveInfo& info) -> Value {
    const Value* mass = info.parent.json().as_object().if_contains("mass");
    if (mass == nullptr) return nullptr;
    double kg = mass->to_number<double>();
    return info.args.at("unit").as_string() == "LB" ? kg * 2.20462 : kg;
  });
}

// Suspends first, as a real lookup would, then fails for a lost probe.
asio::awaitable<void> contact(const ResolveInfo& info) {
  co_await sleep_for(std::chrono::milliseconds(1));
  if (info.parent.json().at("lost").as_bool()) {
    throw GraphQLException(
        "Lost contact with probe " + std::string(info.parent.json().at("id").as_string()) + ".",
        "PROBE_LOST");
  }
}

void bind_probes(Schema& schema) {
  schema.resolve("Probe", "status", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    co_await contact(info);
    co_return Value("in contact");
  });
  schema.resolve("Probe", "relay", [](ResolveInfo& info) -> asio::awaitable<Resolved> {
    co_await contact(info);
    co_return Resolved(info.parent.json());
  });
}

void bind_scalars(Schema& schema) {
  schema.scalar(
      "DateTime",
      ScalarFunctions{[](const Value& v) -> Value {
                        static const std::regex iso(
                            R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
                        if (!v.is_string() || !std::regex_match(std::string(v.get_string()), iso)) {
                          throw std::invalid_argument("DateTime cannot represent value: " +
                                                      json::serialize(v));
                        }
                        return v;
                      },
                      nullptr, nullptr});
  // Money never travels as a float: amounts are decimal strings both ways.
  auto money = [](const Value& v) -> Value {
    static const std::regex decimal(R"(-?\d+(\.\d{1,4})?)");
    if (v.is_int64()) return json::string(std::to_string(v.get_int64()));
    if (v.is_string() && std::regex_match(std::string(v.get_string()), decimal)) return v;
    throw std::invalid_argument("Money must be a decimal string, got: " + json::serialize(v));
  };
  schema.scalar("Money", ScalarFunctions{money, money, nullptr});
}

}  // namespace

StarWarsContext::StarWarsContext()
    : characters([](std::vector<std::string> ids) -> asio::awaitable<std::vector<Value>> {
        std::vector<Value> out;
        for (const auto& id : ids) out.push_back(character(id));
        co_return out;
      }) {}

std::shared_ptr<Schema> star_wars_schema() {
  auto schema = Schema::from_sdl(kStarWarsSdl);
  bind_queries(*schema);
  bind_mutations(*schema);
  bind_characters(*schema);
  bind_probes(*schema);
  bind_scalars(*schema);
  return schema;
}

json::object run(const Schema& schema, const std::string& query, json::object variables,
                 std::string operation_name, std::shared_ptr<StarWarsContext> context) {
  asio::io_context io;
  ast::Document document = parse(query);
  ExecuteOptions options;
  options.variables = std::move(variables);
  options.operation_name = std::move(operation_name);
  options.context = context ? context : std::make_shared<StarWarsContext>();
  json::object result;
  std::exception_ptr failure;
  asio::co_spawn(io, execute(schema, document, std::move(options)),
                 [&](std::exception_ptr e, json::object r) {
                   failure = e;
                   result = std::move(r);
                 });
  io.run();
  if (failure) std::rethrow_exception(failure);
  return result;
}

}  // namespace myspace::graphql::testing
