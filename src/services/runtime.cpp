#include "services/runtime.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <thread>

#include "common/log.h"
#include "common/metrics.h"
#include "http/json.h"

namespace myspace::service {
namespace asio = boost::asio;

BaseConfig BaseConfig::from_env(const config::Environment& env, std::string name,
                                std::uint16_t default_port) {
  BaseConfig config;
  config.name = std::move(name);
  config.environment = env.string("MYSPACE_ENV", "development");
  if (config.environment != "development" && config.environment != "test" &&
      config.environment != "production") {
    throw config::ConfigError("MYSPACE_ENV", "must be development, test or production");
  }
  config.port = env.port("PORT", default_port);
  config.address = env.string("BIND_ADDRESS", "0.0.0.0");
  const auto cores = static_cast<std::int64_t>(std::max(1u, std::thread::hardware_concurrency()));
  config.threads = static_cast<int>(env.integer("THREADS", cores, 1, 256));
  config.cors_origins = env.list("CORS_ORIGINS", "http://localhost:3000,http://127.0.0.1:3000");
  config.shutdown_timeout = env.milliseconds("SHUTDOWN_TIMEOUT_MS", std::chrono::seconds(10),
                                             std::chrono::milliseconds(0), std::chrono::minutes(5));
  return config;
}

namespace {

const auto kStartedAt = std::chrono::steady_clock::now();

void add_operational_routes(const BaseConfig& config, http::Router& router,
                            const std::vector<ReadinessCheck>& readiness) {
  // Load balancers and orchestrators poll /health constantly, so its body is a
  // prefix serialized once plus the uptime:
  // {"status":"ok","service":…,"version":…,"uptimeSeconds":N}
  std::string health_prefix = boost::json::serialize(
      boost::json::object{{"status", "ok"}, {"service", config.name}, {"version", kVersion}});
  health_prefix.back() = ',';
  health_prefix += "\"uptimeSeconds\":";
  router.get(
      "/health",
      [prefix = std::move(health_prefix)](http::Context&) -> asio::awaitable<http::Response> {
        const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::steady_clock::now() - kStartedAt);
        http::Response response{http::Status::ok, 11};
        response.set(boost::beast::http::field::content_type, "application/json");
        response.body() = prefix + std::to_string(uptime.count()) + "}";
        co_return response;
      });
  router.get("/ready", [&readiness](http::Context&) -> asio::awaitable<http::Response> {
    boost::json::object checks;
    bool ready = true;
    for (const auto& check : readiness) {
      try {
        co_await check.probe();
        checks[check.name] = "ok";
      } catch (const std::exception& e) {
        ready = false;
        checks[check.name] = "unavailable";
        log::warn("service.not_ready", {{"check", check.name}, {"reason", e.what()}});
      }
    }
    co_return http::json_response(ready ? http::Status::ok : http::Status::service_unavailable,
                                  boost::json::object{{"status", ready ? "ready" : "not_ready"},
                                                      {"checks", std::move(checks)}});
  });
  router.get("/metrics", [](http::Context&) -> asio::awaitable<http::Response> {
    http::Response response{http::Status::ok, 11};
    response.set(boost::beast::http::field::content_type, "text/plain; version=0.0.4");
    response.body() = metrics::Registry::global().render();
    response.prepare_payload();
    co_return response;
  });
}

// One thread's share of the service.
struct WorkerState {
  asio::io_context io{1};
  http::Router router;
  http::ServerOptions options;
  std::vector<ReadinessCheck> readiness;
  std::vector<http::Middleware> middleware;
  std::vector<std::shared_ptr<void>> keep_alive;
  std::unique_ptr<http::Server> server;
};

void build_worker(const BaseConfig& config, const WorkerSetup& setup, WorkerState& state, int index,
                  std::uint16_t port) {
  state.options.name = config.name;
  state.options.address = config.address;
  state.options.port = port;
  state.options.cors_origins = config.cors_origins;
  state.options.shutdown_timeout = config.shutdown_timeout;
  Worker worker{state.io,         state.router,     state.options, state.readiness,
                state.middleware, state.keep_alive, index};
  setup(worker);
  add_operational_routes(config, state.router, state.readiness);
  state.server = std::make_unique<http::Server>(state.io, state.options, std::move(state.router));
  for (auto& middleware : state.middleware) state.server->use(middleware);
  state.server->start();
}

asio::awaitable<void> stop_worker(WorkerState& state) {
  co_await state.server->stop();
  state.keep_alive.clear();
  state.io.stop();
}

}  // namespace

int run(const BaseConfig& config, const WorkerSetup& setup) {
  // Installed before anything listens: a SIGTERM sent as soon as the port
  // answers is then queued for the wait below instead of killing the process.
  asio::io_context signals_io{1};
  asio::signal_set signals(signals_io, SIGINT, SIGTERM);

  std::vector<std::unique_ptr<WorkerState>> workers;
  for (int i = 0; i < config.threads; ++i) workers.push_back(std::make_unique<WorkerState>());

  // The first worker binds (possibly port 0); the others share its port.
  build_worker(config, setup, *workers[0], 0, config.port);
  const std::uint16_t port = workers[0]->server->port();
  for (int i = 1; i < config.threads; ++i) build_worker(config, setup, *workers[i], i, port);

  std::vector<std::thread> threads;
  for (auto& worker : workers) {
    threads.emplace_back([&state = *worker] {
      auto guard = asio::make_work_guard(state.io);
      state.io.run();
    });
  }
  log::info("service.started", {{"port", port},
                                {"threads", config.threads},
                                {"version", kVersion},
                                {"environment", config.environment}});

  signals.async_wait([&](const boost::system::error_code&, int signal) {
    log::info("service.stopping", {{"signal", signal}});
    for (auto& worker : workers) {
      asio::co_spawn(worker->io, stop_worker(*worker), asio::detached);
    }
  });
  signals_io.run();
  for (auto& thread : threads) thread.join();
  log::info("service.stopped", {});
  return 0;
}

}  // namespace myspace::service
