// Micro-benchmarks of our GraphQL engine, the C++ half of bench/graphql_vs_js.sh
// (graphql_js_bench.mjs does the same work through graphql-js):
//   introspection  graphql-js's getIntrospectionQuery() (bench/introspection.graphql)
//                  against the gateway's schema/schema.graphql;
//   job_list       the web's LatestJobs query (bench/job_list.graphql): 50 jobs,
//                  each with its client, from in-memory data (bench/job_list_data.json);
//   job_list_typed the same query and data as typed C++ records read through
//                  member resolvers, as the gateway's API binds them (src/api):
//                  what typed parents cost against the JSON path (execute only).
// Each is measured as parse, validate, parse + validate, and execute (on the
// parsed document). Custom scalars (Money, DateTime) pass values through, as
// graphql-js's default GraphQLScalarType does.
//
// `graphql_bench --memory [N]` instead runs the job-list request N times
// (default 1,000,000) through the whole graphql() pipeline with a document
// cache, as the gateway serves it, and prints RSS and heap in use along the
// way: both must stay flat.
//
// `graphql_bench --execute introspection|job_list N` executes one document N
// times and nothing else: a fixed amount of work for profilers (callgrind).

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/document_cache.h"
#include "graphql/execution/execute.h"
#include "graphql/graphql.h"
#include "graphql/language/parser.h"
#include "graphql/type/schema.h"
#include "graphql/validation/validate.h"

namespace {

namespace asio = boost::asio;
namespace gql = myspace::graphql;

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The job list's records as typed values (what src/market hands the API).
struct Client {
  std::string id;
  std::string username;
  std::string display_name;
  std::string account_type;
  std::optional<std::string> avatar_url;
  std::int64_t profile_completion = 0;
  std::string created_at;
};

struct Job {
  std::string id;
  std::string title;
  std::string description;
  std::string category;
  std::optional<std::string> budget_min;
  std::optional<std::string> budget_max;
  std::string status;
  std::vector<std::string> skills_required;
  std::string created_at;
  std::shared_ptr<const Client> client;
};

std::optional<std::string> maybe_text(const boost::json::value& value) {
  if (value.is_null()) return std::nullopt;
  return std::string(value.as_string());
}

std::shared_ptr<const std::vector<Job>> typed_jobs(const boost::json::value& jobs) {
  auto out = std::make_shared<std::vector<Job>>();
  for (const auto& item : jobs.as_array()) {
    const auto& j = item.as_object();
    const auto& c = j.at("client").as_object();
    auto client = std::make_shared<const Client>(
        Client{std::string(c.at("id").as_string()), std::string(c.at("username").as_string()),
               std::string(c.at("displayName").as_string()),
               std::string(c.at("accountType").as_string()), maybe_text(c.at("avatarUrl")),
               c.at("profileCompletion").as_int64(), std::string(c.at("createdAt").as_string())});
    std::vector<std::string> skills;
    for (const auto& skill : j.at("skillsRequired").as_array()) {
      skills.emplace_back(skill.as_string());
    }
    out->push_back(Job{std::string(j.at("id").as_string()), std::string(j.at("title").as_string()),
                       std::string(j.at("description").as_string()),
                       std::string(j.at("category").as_string()), maybe_text(j.at("budgetMin")),
                       maybe_text(j.at("budgetMax")), std::string(j.at("status").as_string()),
                       std::move(skills), std::string(j.at("createdAt").as_string()),
                       std::move(client)});
  }
  return out;
}

// Typed parents, bound as src/api binds them: a list of records, members
// read in place, the client handed down as its own typed object.
void bind_typed(gql::Schema& schema, std::shared_ptr<const std::vector<Job>> jobs) {
  schema.resolve_sync("Query", "jobs",
                      [jobs](gql::ResolveInfo&) { return gql::Resolved::objects(jobs); });
  schema.resolve_member("Job", "id", &Job::id);
  schema.resolve_member("Job", "title", &Job::title);
  schema.resolve_member("Job", "description", &Job::description);
  schema.resolve_member("Job", "category", &Job::category);
  schema.resolve_member("Job", "budgetMin", &Job::budget_min);
  schema.resolve_member("Job", "budgetMax", &Job::budget_max);
  schema.resolve_member("Job", "status", &Job::status);
  schema.resolve_member("Job", "skillsRequired", &Job::skills_required);
  schema.resolve_member("Job", "createdAt", &Job::created_at);
  schema.resolve_sync("Job", "client", [](gql::ResolveInfo& info) {
    return gql::Resolved::object(info.parent.as<Job>().client);
  });
  schema.resolve_member("User", "id", &Client::id);
  schema.resolve_member("User", "username", &Client::username);
  schema.resolve_member("User", "displayName", &Client::display_name);
  schema.resolve_member("User", "accountType", &Client::account_type);
  schema.resolve_member("User", "avatarUrl", &Client::avatar_url);
  schema.resolve_member("User", "profileCompletion", &Client::profile_completion);
  schema.resolve_member("User", "createdAt", &Client::created_at);
}

struct Fixture {
  std::shared_ptr<gql::Schema> schema;
  std::shared_ptr<gql::Schema> typed_schema;
  std::string introspection;
  std::string job_list;
  boost::json::value jobs;

  Fixture()
      : schema(gql::Schema::from_sdl(read_file(MYSPACE_SCHEMA_PATH))),
        typed_schema(gql::Schema::from_sdl(read_file(MYSPACE_SCHEMA_PATH))),
        introspection(read_file(MYSPACE_BENCH_DIR "/introspection.graphql")),
        job_list(read_file(MYSPACE_BENCH_DIR "/job_list.graphql")),
        jobs(boost::json::parse(read_file(MYSPACE_BENCH_DIR "/job_list_data.json"))) {
    // In-memory resolver: the jobs with their clients embedded; every other
    // field is read from its parent by the default resolver. Borrowed, not
    // copied, like graphql-js's `jobs: () => jobs` returns the same array.
    schema->resolve_borrowed(
        "Query", "jobs", [this](gql::ResolveInfo&) -> const boost::json::value& { return jobs; });
    bind_typed(*typed_schema, typed_jobs(jobs));
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// 0: introspection, 1: job_list, 2: job_list_typed.
const std::string& document_text(int which) {
  return which == 0 ? fixture().introspection : fixture().job_list;
}

const gql::Schema& schema_for(int which) {
  return which == 2 ? *fixture().typed_schema : *fixture().schema;
}

void label(benchmark::State& state) {
  static constexpr const char* kNames[] = {"introspection", "job_list", "job_list_typed"};
  state.SetLabel(kNames[state.range(0)]);
}

void BM_Parse(benchmark::State& state) {
  const std::string& text = document_text(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto document = gql::parse(text);
    benchmark::DoNotOptimize(document);
  }
  label(state);
}

void BM_Validate(benchmark::State& state) {
  const auto document = gql::parse(document_text(static_cast<int>(state.range(0))));
  const auto rules = gql::specified_rules();
  for (auto _ : state) {
    auto errors = gql::validate(*fixture().schema, document, rules);
    if (!errors.empty()) state.SkipWithError(errors.front().message.c_str());
    benchmark::DoNotOptimize(errors);
  }
  label(state);
}

void BM_ParseValidate(benchmark::State& state) {
  const std::string& text = document_text(static_cast<int>(state.range(0)));
  const auto rules = gql::specified_rules();
  for (auto _ : state) {
    auto document = gql::parse(text);
    auto errors = gql::validate(*fixture().schema, document, rules);
    benchmark::DoNotOptimize(errors);
  }
  label(state);
}

// Runs the benchmark loop inside one coroutine on an io_context, as the
// gateway's executions run.
void BM_Execute(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  const auto document = gql::parse(document_text(which));
  const gql::Schema& schema = schema_for(which);
  asio::io_context io;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        for (auto _ : state) {
          gql::ExecuteOptions options;  // named: see memory_mode
          auto response = co_await gql::execute(schema, document, std::move(options));
          if (response.contains("errors")) state.SkipWithError("execution reported errors");
          benchmark::DoNotOptimize(response);
        }
      },
      [](const std::exception_ptr& error) {
        if (error) std::rethrow_exception(error);
      });
  io.run();
  label(state);
}

BENCHMARK(BM_Parse)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Validate)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ParseValidate)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Execute)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);

struct Memory {
  long rss_kib = 0;
  std::size_t heap_bytes = 0;
};

Memory memory_now() {
  Memory m;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) m.rss_kib = std::strtol(line.c_str() + 6, nullptr, 10);
  }
  m.heap_bytes = mallinfo2().uordblks;
  return m;
}

// The job-list request, `total` times, through graphql() with an LRU as the
// gateway runs it; prints memory after a warm-up and at each tenth.
int memory_mode(long total) {
  const auto& f = fixture();
  gql::DocumentCache cache(64);
  asio::io_context io;
  int status = 0;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        const long warm_up = std::min(total, 10'000L);
        Memory base;
        for (long i = 1; i <= total; ++i) {
          // Named, then moved: g++ 12.2 miscompiles a prvalue aggregate (such
          // as Request{...}) passed by value to a coroutine inside co_await —
          // a short (SSO) string member is freed from the caller's frame.
          gql::Request request{f.job_list, "LatestJobs", {}};
          gql::RequestOptions options;
          options.cache = &cache;
          auto response = co_await gql::graphql(*f.schema, std::move(request), std::move(options));
          if (response.contains("errors")) {
            std::fprintf(stderr, "request %ld failed\n", i);
            status = 1;
            co_return;
          }
          if (i == warm_up) {
            base = memory_now();
            std::printf("after %ld warm-up requests: RSS %ld KiB, heap in use %zu bytes\n", i,
                        base.rss_kib, base.heap_bytes);
          } else if (i > warm_up && i % (total / 10) == 0) {
            const Memory now = memory_now();
            std::printf(
                "after %ld requests: RSS %ld KiB (%+ld), heap in use %zu bytes (%+lld)\n", i,
                now.rss_kib, now.rss_kib - base.rss_kib, now.heap_bytes,
                static_cast<long long>(now.heap_bytes) - static_cast<long long>(base.heap_bytes));
            std::fflush(stdout);
          }
        }
      },
      asio::detached);
  io.run();
  return status;
}

// Executes one parsed document `count` times on one io_context.
int execute_mode(std::string_view which, long count) {
  const int index = which == "introspection"    ? 0
                    : which == "job_list"       ? 1
                    : which == "job_list_typed" ? 2
                                                : -1;
  if (index < 0) {
    std::fprintf(stderr, "--execute takes introspection, job_list or job_list_typed\n");
    return 2;
  }
  const auto document = gql::parse(document_text(index));
  const gql::Schema& schema = schema_for(index);
  asio::io_context io;
  int status = 0;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        for (long i = 0; i < count; ++i) {
          gql::ExecuteOptions options;  // named: see memory_mode
          auto response = co_await gql::execute(schema, document, std::move(options));
          if (response.contains("errors")) status = 1;
        }
      },
      asio::detached);
  io.run();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "--memory") {
    const long total = argc >= 3 ? std::strtol(argv[2], nullptr, 10) : 1'000'000L;
    return memory_mode(total < 10 ? 10 : total);
  }
  if (argc >= 3 && std::string_view(argv[1]) == "--execute") {
    const long count = argc >= 4 ? std::strtol(argv[3], nullptr, 10) : 100L;
    return execute_mode(argv[2], count);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
