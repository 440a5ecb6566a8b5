#pragma once
// What every service process shares: its base configuration, the worker
// threads (one io_context + one http::Server each, shared-nothing, listening on
// one port through SO_REUSEPORT), the operational routes (/health, /ready,
// /metrics) and a graceful stop on SIGINT/SIGTERM.
//
// A service supplies a `WorkerSetup`: called once on each worker thread, it
// creates that worker's resources (database pool, Redis client, …), adds its
// routes and names its readiness checks. Nothing here knows what a service does.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/config.h"
#include "http/router.h"
#include "http/server.h"

namespace myspace::service {

inline constexpr std::string_view kVersion = MYSPACE_VERSION;

struct BaseConfig {
  std::string name;                       // "auth" | "gateway" | "web"
  std::string environment;                // MYSPACE_ENV: development | test | production
  std::uint16_t port = 0;                 // PORT
  std::string address;                    // BIND_ADDRESS
  int threads = 1;                        // THREADS (default: hardware concurrency)
  std::vector<std::string> cors_origins;  // CORS_ORIGINS, comma-separated
  std::chrono::milliseconds shutdown_timeout{10'000};  // SHUTDOWN_TIMEOUT_MS

  bool production() const { return environment == "production"; }
  static BaseConfig from_env(const config::Environment& env, std::string name,
                             std::uint16_t default_port);
};

// A probe for GET /ready: completes normally when the dependency answers,
// throws (anything) when it does not.
struct ReadinessCheck {
  std::string name;
  std::function<boost::asio::awaitable<void>()> probe;
};

// Per-worker wiring handed to a service's setup function.
struct Worker {
  boost::asio::io_context& io;
  http::Router& router;
  http::ServerOptions& server_options;
  std::vector<ReadinessCheck>& readiness;
  std::vector<http::Middleware>& middleware;
  // Objects that must live as long as the worker (pools, clients, caches).
  std::vector<std::shared_ptr<void>>& keep_alive;
  int index;  // 0 .. threads-1
};

using WorkerSetup = std::function<void(Worker&)>;

// Runs the service until SIGINT/SIGTERM, then stops gracefully. Returns the
// process exit code. Logs `service.started` with the bound port.
int run(const BaseConfig& config, const WorkerSetup& setup);

}  // namespace myspace::service
