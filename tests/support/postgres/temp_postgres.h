#pragma once
// A real, throw-away PostgreSQL 15 server for integration tests: its own data
// directory in a TempDir, listening on a free port on 127.0.0.1 (unix socket in
// the temp dir too), durability switched off for speed, a `myspace` superuser
// with trust authentication and an empty `myspace` database. Stopped and
// deleted by the destructor.
//
// initdb runs once per machine and user: its output (the `myspace` database
// already created, 1 MB WAL segments to keep it small) is kept as a template
// under the system temp directory and copied for each server, which keeps
// one-process-per-test suites fast.
//
// PostgreSQL refuses to run as root, so when the tests run as root (CI, dev
// containers) initdb and postgres run as the `postgres` user.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "support/process.h"

namespace myspace::testing {

struct TempPostgresOptions {
  std::string database = "myspace";
  bool start = true;  // false: call start() later (to test a service starting before its DB)
};

class TempPostgres {
 public:
  explicit TempPostgres(TempPostgresOptions options = {});
  ~TempPostgres();
  TempPostgres(const TempPostgres&) = delete;
  TempPostgres& operator=(const TempPostgres&) = delete;

  // postgresql://myspace@127.0.0.1:<port>/<database>
  std::string url() const { return url_for(options_.database); }
  std::string url_for(std::string_view database) const;
  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }

  // Creates another empty database; returns its URL.
  std::string create_database(std::string_view name);
  // Runs SQL synchronously on the test's database (fixtures, pg_terminate_backend …).
  void execute(std::string_view sql);

  // Fast shutdown (SIGINT): clients get "terminating connection" and are cut off.
  void stop();
  // Starts the server again on the same port and data; waits until it accepts queries.
  void start();
  void restart() {
    stop();
    start();
  }
  bool running();

  // The server's log, for failure messages.
  std::string log() const;

 private:
  TempPostgresOptions options_;
  TempDir dir_;
  std::filesystem::path data_dir_;
  std::uint16_t port_;
  std::optional<std::string> run_as_;
  std::optional<Process> server_;
  bool database_created_ = false;
};

}  // namespace myspace::testing
