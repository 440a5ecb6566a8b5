#include "support/postgres/temp_postgres.h"

#include <libpq-fe.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace myspace::testing {
namespace {

const std::filesystem::path kBin = "/usr/lib/postgresql/15/bin";
constexpr const char* kSuperuser = "myspace";
// Baked into the template so each server skips CREATE DATABASE (~0.5 s under load).
constexpr const char* kDefaultDatabase = "myspace";
// Bump when the template's contents change so an old cached one is not reused.
constexpr const char* kTemplateVersion = "v3";

struct Finish {
  void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};

[[noreturn]] void fail(const std::string& what, const std::string& output = {}) {
  throw std::runtime_error("TempPostgres: " + what + (output.empty() ? "" : "\n" + output));
}

void run_or_fail(const std::vector<std::string>& argv, const std::optional<std::string>& user) {
  const CommandResult result = run_command(argv, user);
  if (result.exit_code != 0) {
    fail(argv[0] + " failed (exit " + std::to_string(result.exit_code) + ")", result.output);
  }
}

std::string read_log(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string conninfo(std::uint16_t port, std::string_view database) {
  return "host=127.0.0.1 port=" + std::to_string(port) + " user=" + kSuperuser +
         " dbname=" + std::string(database) + " connect_timeout=2";
}

void exec_sql(std::uint16_t port, std::string_view database, std::string_view sql) {
  std::unique_ptr<PGconn, Finish> conn(PQconnectdb(conninfo(port, database).c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) fail("connect failed", PQerrorMessage(conn.get()));
  PGresult* result = PQexec(conn.get(), std::string(sql).c_str());
  const ExecStatusType status = PQresultStatus(result);
  const std::string error = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail("SQL failed: " + std::string(sql), error);
  }
}

// Durability off: a test server's data is thrown away, so fsync buys nothing.
Process start_server(const std::filesystem::path& data, std::uint16_t port,
                     const std::filesystem::path& socket_dir,
                     const std::optional<std::string>& run_as) {
  ProcessOptions process;
  process.argv = {(kBin / "postgres").string(),
                  "-D",
                  data.string(),
                  "-p",
                  std::to_string(port),
                  "-k",
                  socket_dir.string(),
                  "-c",
                  "listen_addresses=127.0.0.1",
                  "-c",
                  "fsync=off",
                  "-c",
                  "synchronous_commit=off",
                  "-c",
                  "full_page_writes=off",
                  "-c",
                  "shared_buffers=16MB",
                  "-c",
                  "max_connections=50",
                  "-c",
                  "max_wal_senders=0",
                  "-c",
                  "wal_level=minimal"};
  process.stdout_file = socket_dir / "postgres.log";
  process.run_as_user = run_as;
  return Process(std::move(process));
}

void wait_until_ready(Process& server, std::uint16_t port, const std::filesystem::path& log) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const std::string info = conninfo(port, kDefaultDatabase);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!server.running()) fail("postgres exited during startup", read_log(log));
    if (PQping(info.c_str()) == PQPING_OK) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  fail("postgres did not become ready in 20s", read_log(log));
}

// An initdb'd data directory (with the default database created) shared by all
// servers of this user; built in a scratch directory, then renamed into place,
// so a concurrent or interrupted build never leaves a half-made template.
std::filesystem::path template_data_dir(const std::optional<std::string>& run_as) {
  const std::filesystem::path tmp = std::filesystem::temp_directory_path();
  const std::filesystem::path root =
      tmp / ("myspace-pg15-template-" + std::string(kTemplateVersion) + "-uid" +
             std::to_string(geteuid()));
  const std::filesystem::path data = root / "data";
  if (std::filesystem::exists(data / "PG_VERSION")) return data;

  std::string pattern = tmp / "myspace-pg15-building-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) fail("mkdtemp failed");
  const std::filesystem::path building = pattern;
  std::filesystem::permissions(building, std::filesystem::perms::all);
  run_or_fail({(kBin / "initdb").string(), "-D", (building / "data").string(), "--no-sync", "-A",
               "trust", "-U", kSuperuser, "-E", "UTF8", "--locale=C", "--wal-segsize=1"},
              run_as);
  {
    const std::uint16_t port = free_port();
    Process server = start_server(building / "data", port, building, run_as);
    wait_until_ready(server, port, building / "postgres.log");
    exec_sql(port, "postgres", std::string("CREATE DATABASE ") + kDefaultDatabase);
    // Smaller template, faster copies: no `postgres` database (we administer
    // from `myspace`), and the shutdown checkpoint trims WAL to min_wal_size.
    exec_sql(port, kDefaultDatabase, "DROP DATABASE postgres");
    exec_sql(port, kDefaultDatabase, "ALTER SYSTEM SET min_wal_size = '2MB'");
    exec_sql(port, kDefaultDatabase, "SELECT pg_reload_conf()");
    exec_sql(port, kDefaultDatabase, "CHECKPOINT");
    server.stop(SIGINT, std::chrono::seconds(10));
  }
  std::error_code ec;
  std::filesystem::rename(building, root, ec);
  if (ec) std::filesystem::remove_all(building, ec);  // another process won the race
  if (!std::filesystem::exists(data / "PG_VERSION")) fail("template missing: " + data.string());
  return data;
}

}  // namespace

TempPostgres::TempPostgres(TempPostgresOptions options)
    : options_(std::move(options)),
      dir_("myspace-pg-"),
      data_dir_(dir_.path() / "data"),
      port_(free_port()) {
  if (running_as_root()) run_as_ = "postgres";
  const std::filesystem::path source = template_data_dir(run_as_);
  // Copied by the server's user so ownership and the 0700 mode come out right.
  run_or_fail({"cp", "-a", source.string(), data_dir_.string()}, run_as_);
  if (options_.start) start();
}

TempPostgres::~TempPostgres() {
  try {
    stop();
  } catch (...) {  // a destructor must not throw; ~Process kills the server anyway
  }
}

std::string TempPostgres::url_for(std::string_view database) const {
  return "postgresql://" + std::string(kSuperuser) + "@127.0.0.1:" + std::to_string(port_) + "/" +
         std::string(database);
}

void TempPostgres::start() {
  if (server_ && server_->running()) return;
  server_.reset();
  server_.emplace(start_server(data_dir_, port_, dir_.path(), run_as_));
  wait_until_ready(*server_, port_, dir_.path() / "postgres.log");
  if (!database_created_) {
    if (options_.database != kDefaultDatabase) {
      exec_sql(port_, kDefaultDatabase, "CREATE DATABASE " + options_.database);
    }
    database_created_ = true;
  }
}

void TempPostgres::stop() {
  if (!server_) return;
  // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for clients to leave.
  server_->stop(SIGINT, std::chrono::seconds(10));
  server_.reset();
}

bool TempPostgres::running() {
  return server_ && server_->running();
}

std::string TempPostgres::create_database(std::string_view name) {
  exec_sql(port_, kDefaultDatabase, "CREATE DATABASE " + std::string(name));
  return url_for(name);
}

void TempPostgres::execute(std::string_view sql) {
  exec_sql(port_, options_.database, sql);
}

std::string TempPostgres::log() const {
  return read_log(dir_.path() / "postgres.log");
}

}  // namespace myspace::testing
