#pragma once
// Entry points of the `myspace` subcommands. Each reads its configuration from
// `env`, throws config::ConfigError on invalid configuration, and returns the
// process exit code.

#include <string>

#include "common/config.h"

namespace myspace::commands {

int run_auth(const config::Environment& env);
int run_gateway(const config::Environment& env);
int run_web(const config::Environment& env);
int run_migrate(const config::Environment& env, const std::string& migrations_dir);
int run_seed(const config::Environment& env);
// Writes the API's joined SDL to standard output.
int print_schema();

}  // namespace myspace::commands
