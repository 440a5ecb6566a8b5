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
// Bump when the initdb flags change so an old cached template is not reused.
constexpr const char* kTemplateVersion = "v1";

struct Finish {
  void operator()(PGconn* conn) const noexcept { PQfinish(conn); }
};

[[noreturn]] void fail(const std::string& what, const std::string& output = {}) {
  throw std::runtime_error("TempPostgres: " + what + (output.empty() ? "" : "\n" + output));
}

void run_or_fail(const std::vector<std::string>& argv, const std::optional<std::string>& user) {
  const CommandResult result = run_command(argv, user);
  if (result.exit_code != 0)
    fail(argv[0] + " failed (exit " + std::to_string(result.exit_code) + ")", result.output);
}

// An initdb'd data directory shared by all servers of this user, created once
// (atomically: built elsewhere, then renamed into place).
std::filesystem::path template_data_dir(const std::optional<std::string>& run_as) {
  const std::filesystem::path root = std::filesystem::temp_directory_path() /
                                     ("myspace-pg15-template-" + std::string(kTemplateVersion) +
                                      "-uid" + std::to_string(geteuid()));
  const std::filesystem::path data = root / "data";
  if (std::filesystem::exists(data / "PG_VERSION")) return data;

  std::string building_pattern =
      (std::filesystem::temp_directory_path() / "myspace-pg15-building-XXXXXX");
  if (mkdtemp(building_pattern.data()) == nullptr) fail("mkdtemp failed");
  const std::filesystem::path building = building_pattern;
  std::filesystem::permissions(building, std::filesystem::perms::all);
  run_or_fail({(kBin / "initdb").string(), "-D", (building / "data").string(), "--no-sync", "-A",
               "trust", "-U", kSuperuser, "-E", "UTF8", "--locale=C"},
              run_as);
  std::error_code ec;
  std::filesystem::rename(building, root, ec);
  if (ec) std::filesystem::remove_all(building, ec);  // another process won the race
  if (!std::filesystem::exists(data / "PG_VERSION"))
    fail("template data directory missing: " + data.string());
  return data;
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
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail("SQL failed: " + std::string(sql), error);
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
  } catch (...) {  // a destructor must not throw; the process is killed by ~Process anyway
  }
}

std::string TempPostgres::url_for(std::string_view database) const {
  return "postgresql://" + std::string(kSuperuser) + "@127.0.0.1:" + std::to_string(port_) + "/" +
         std::string(database);
}

void TempPostgres::start() {
  if (server_ && server_->running()) return;
  server_.reset();
  ProcessOptions process;
  process.argv = {(kBin / "postgres").string(),
                  "-D",
                  data_dir_.string(),
                  "-p",
                  std::to_string(port_),
                  "-k",
                  dir_.path().string(),
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
  process.stdout_file = dir_.path() / "postgres.log";
  process.run_as_user = run_as_;
  server_.emplace(std::move(process));
  wait_until_ready();
  if (!database_created_) {
    exec_sql(port_, "postgres", "CREATE DATABASE " + options_.database);
    database_created_ = true;
  }
}

void TempPostgres::wait_until_ready() {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const std::string info = conninfo(port_, "postgres");
  while (std::chrono::steady_clock::now() < deadline) {
    if (!server_->running()) fail("postgres exited during startup", log());
    if (PQping(info.c_str()) == PQPING_OK) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  fail("postgres did not become ready in 20s", log());
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
  exec_sql(port_, "postgres", "CREATE DATABASE " + std::string(name));
  return url_for(name);
}

void TempPostgres::execute(std::string_view sql) {
  exec_sql(port_, options_.database, sql);
}

std::string TempPostgres::log() const {
  std::ifstream in(dir_.path() / "postgres.log");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace myspace::testing
