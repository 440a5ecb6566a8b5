#pragma once
// A real redis-server for integration tests: started on a free port of
// 127.0.0.1 in a temporary directory, without persistence, and killed on
// destruction. stop()/start()/restart() keep the port, so a client can be
// tested across a server restart.
//
//   myspace::testing::TempRedis redis;                      // started
//   myspace::testing::TempRedis secured({.password = "s3cret"});
//   cache::Client client(executor, redis.url());

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/process.h"

namespace myspace::testing {

struct TempRedisOptions {
  std::uint16_t port = 0;                              // 0: a free port, chosen at construction
  std::optional<std::string> password = std::nullopt;  // --requirepass
  std::vector<std::string> extra_args = {};            // appended to the command line
  std::chrono::milliseconds start_timeout{5000};
};

class TempRedis {
 public:
  // Starts the server; throws std::runtime_error when it does not come up.
  explicit TempRedis(TempRedisOptions options = {});
  ~TempRedis();
  TempRedis(const TempRedis&) = delete;
  TempRedis& operator=(const TempRedis&) = delete;

  std::uint16_t port() const noexcept { return port_; }
  // redis://[:password@]127.0.0.1:<port>
  std::string url() const;
  // The same URL without the password (for AUTH failure tests).
  std::string url_without_password() const;
  bool running() const noexcept { return process_ != nullptr; }

  // SIGKILL-free stop: SIGTERM, wait for exit. Idempotent.
  void stop();
  // Starts again on the same port; waits until it accepts connections.
  void start();
  void restart();

  // Runs redis-cli against the server (with the password) and returns its
  // output, e.g. cli({"SCRIPT", "FLUSH"}). Throws when redis-cli fails.
  std::string cli(const std::vector<std::string>& args) const;

 private:
  TempRedisOptions options_;
  TempDir dir_;
  std::uint16_t port_;
  std::unique_ptr<Process> process_;
};

}  // namespace myspace::testing
