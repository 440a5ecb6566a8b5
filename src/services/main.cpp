// The `myspace` binary: one executable, one subcommand per process role.
//   myspace auth | gateway | web   run a service until SIGINT/SIGTERM
//   myspace migrate                apply pending migrations
//   myspace seed                   load demo data (development and test only)
//   myspace schema                 print the gateway's GraphQL schema (SDL)
// Configuration comes from the environment (see README.md); an invalid value
// stops the process before it binds anything, naming the variable.

#include <CLI/CLI.hpp>
#include <iostream>

#include "common/config.h"
#include "common/log.h"
#include "services/commands.h"

int main(int argc, char** argv) {
  using namespace myspace;
  CLI::App app{"MySpace 2.0 services"};
  app.require_subcommand(1);
  std::string migrations_dir = "migrations";
  auto* auth = app.add_subcommand("auth", "Run the auth service (default port 3002)");
  auto* gateway = app.add_subcommand("gateway", "Run the GraphQL gateway (default port 4000)");
  auto* web = app.add_subcommand("web", "Run the web server (default port 3000)");
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  migrate->add_option("--dir", migrations_dir, "Directory of NNNN_name.sql files");
  auto* seed = app.add_subcommand("seed", "Load demo data (idempotent; not in production)");
  auto* schema = app.add_subcommand(
      "schema", "Print the gateway's GraphQL schema (what schema/schema.graphql holds)");
  CLI11_PARSE(app, argc, argv);

  const auto env = config::Environment::process();
  const std::string role = app.get_subcommands().front()->get_name();
  log::init(role, log::parse_level(env.string("LOG_LEVEL", "info")));
  try {
    if (auth->parsed()) return commands::run_auth(env);
    if (gateway->parsed()) return commands::run_gateway(env);
    if (web->parsed()) return commands::run_web(env);
    if (migrate->parsed()) return commands::run_migrate(env, migrations_dir);
    if (seed->parsed()) return commands::run_seed(env);
    if (schema->parsed()) return commands::print_schema();
  } catch (const config::ConfigError& e) {
    log::error("config.invalid", {{"variable", e.variable()}, {"message", e.what()}});
    std::cerr << "myspace " << role << ": invalid configuration: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    log::error("process.failed", {{"message", e.what()}});
    std::cerr << "myspace " << role << ": " << e.what() << '\n';
    return 1;
  }
  return 1;
}
