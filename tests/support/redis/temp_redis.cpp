#include "support/redis/temp_redis.h"

#include <signal.h>

#include <stdexcept>

namespace myspace::testing {
namespace {

constexpr const char* kRedisServer = "/usr/bin/redis-server";

}  // namespace

TempRedis::TempRedis(TempRedisOptions options)
    : options_(std::move(options)),
      dir_("myspace-redis-"),
      port_(options_.port != 0 ? options_.port : free_port()) {
  start();
}

TempRedis::~TempRedis() {
  stop();
}

std::string TempRedis::url() const {
  const std::string auth = options_.password ? ":" + *options_.password + "@" : "";
  return "redis://" + auth + "127.0.0.1:" + std::to_string(port_);
}

std::string TempRedis::url_without_password() const {
  return "redis://127.0.0.1:" + std::to_string(port_);
}

void TempRedis::start() {
  if (process_) return;
  std::vector<std::string> argv = {kRedisServer,
                                   "--port",
                                   std::to_string(port_),
                                   "--bind",
                                   "127.0.0.1",
                                   "--save",
                                   "",
                                   "--appendonly",
                                   "no",
                                   "--dir",
                                   dir_.path().string(),
                                   "--daemonize",
                                   "no"};
  if (options_.password) argv.insert(argv.end(), {"--requirepass", *options_.password});
  argv.insert(argv.end(), options_.extra_args.begin(), options_.extra_args.end());

  // The server's log stays in the temp dir; a failed start reports its tail.
  const auto log_file = dir_.path() / "redis.log";
  process_ = std::make_unique<Process>(ProcessOptions{argv, {}, log_file, std::nullopt});
  if (!wait_for_port(port_, options_.start_timeout)) {
    process_.reset();
    throw std::runtime_error("redis-server did not start on port " + std::to_string(port_) +
                             "; see " + log_file.string());
  }
}

void TempRedis::stop() {
  if (!process_) return;
  process_->stop(SIGTERM, std::chrono::seconds(5));
  process_.reset();
}

void TempRedis::restart() {
  stop();
  start();
}

std::string TempRedis::cli(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {"redis-cli", "-h", "127.0.0.1", "-p", std::to_string(port_)};
  if (options_.password) {
    argv.insert(argv.end(), {"-a", *options_.password, "--no-auth-warning"});
  }
  argv.insert(argv.end(), args.begin(), args.end());
  CommandResult result = run_command(argv);
  if (result.exit_code != 0) {
    throw std::runtime_error("redis-cli failed (" + std::to_string(result.exit_code) +
                             "): " + result.output);
  }
  return result.output;
}

}  // namespace myspace::testing
