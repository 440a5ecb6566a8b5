#include "db/migrations.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "common/log.h"
#include "common/sha256.h"
#include "db/transaction.h"

namespace myspace::db {
namespace {

// Key for pg_advisory_xact_lock: "myspace-" in ASCII. Every migrator uses it.
constexpr std::int64_t kLockKey = 0x6d7973706163652d;

[[noreturn]] void migration_error(std::string message) {
  throw MigrationError(client_side(std::move(message)));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) migration_error("cannot read migration " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string file_name(int version, const std::string& name) {
  std::string digits = std::to_string(version);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return digits + "_" + name + ".sql";
}

}  // namespace

std::optional<MigrationName> parse_migration_filename(std::string_view filename) {
  constexpr std::string_view kSuffix = ".sql";
  if (filename.size() <= kSuffix.size() || !filename.ends_with(kSuffix)) return std::nullopt;
  filename.remove_suffix(kSuffix.size());
  const auto underscore = filename.find('_');
  if (underscore == std::string_view::npos) return std::nullopt;
  const std::string_view digits = filename.substr(0, underscore);
  const std::string_view name = filename.substr(underscore + 1);
  if (digits.size() < 4 || digits.size() > 9 || name.empty()) return std::nullopt;
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const auto name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  };
  if (!std::all_of(name.begin(), name.end(), name_char)) return std::nullopt;
  return MigrationName{std::stoi(std::string(digits)), std::string(name)};
}

std::vector<MigrationFile> load_migrations(const std::filesystem::path& directory) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    migration_error("migrations directory not found: " + directory.string());
  }
  std::map<int, MigrationFile> by_version;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const std::string filename = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    const auto parsed = parse_migration_filename(filename);
    if (!parsed) {
      migration_error("migration file name must look like 0001_lowercase_name.sql: " +
                      entry.path().string());
    }
    MigrationFile file{parsed->version, parsed->name, entry.path(), read_file(entry.path()), {}};
    file.checksum = sha256_hex(file.sql);
    const auto [it, inserted] = by_version.emplace(file.version, file);
    if (!inserted) {
      migration_error("two migrations share version " + std::to_string(file.version) + ": " +
                      it->second.path.filename().string() + " and " + filename);
    }
  }
  std::vector<MigrationFile> files;
  for (auto& [version, file] : by_version) files.push_back(std::move(file));
  return files;
}

const MigrationFile* next_pending_migration(const std::vector<MigrationFile>& files,
                                            const std::vector<RecordedMigration>& recorded) {
  std::map<int, const MigrationFile*> by_version;
  for (const auto& file : files) by_version[file.version] = &file;
  int latest = 0;
  for (const auto& record : recorded) {
    const auto it = by_version.find(record.version);
    if (it == by_version.end()) {
      migration_error("migration " + file_name(record.version, record.name) +
                      " is recorded as applied but its file is missing");
    }
    const MigrationFile& file = *it->second;
    if (file.name != record.name || file.checksum != record.checksum) {
      migration_error("migration " + file.path.filename().string() +
                      " was changed after it was applied (recorded as " +
                      file_name(record.version, record.name) + ", checksum " + record.checksum +
                      "); never edit an applied migration, add a new one");
    }
    latest = std::max(latest, record.version);
    by_version.erase(it);
  }
  if (by_version.empty()) return nullptr;
  const MigrationFile* next = by_version.begin()->second;
  if (next->version < latest) {
    migration_error("migration " + next->path.filename().string() +
                    " is numbered below the latest applied migration (" + std::to_string(latest) +
                    "); renumber it after that one");
  }
  return next;
}

namespace {

// Takes the migration lock and returns what is recorded, inside an open transaction.
asio::awaitable<std::vector<RecordedMigration>> lock_and_read(Connection& conn, QueryOptions q) {
  co_await conn.query_with(q, "SELECT pg_advisory_xact_lock($1)", kLockKey);
  co_await conn.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version integer PRIMARY KEY,"
      " name text NOT NULL,"
      " checksum text NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())",
      q);
  const Result rows = co_await conn.query_with(
      q, "SELECT version, name, checksum FROM schema_migrations ORDER BY version");
  std::vector<RecordedMigration> recorded;
  for (const Row row : rows) {
    recorded.push_back({row.get<std::int32_t>("version"), row.get<std::string>("name"),
                        row.get<std::string>("checksum")});
  }
  co_return recorded;
}

// Applies the next pending migration in its own transaction; nullopt when none is left.
asio::awaitable<std::optional<AppliedMigration>> apply_next(Connection& conn,
                                                            const std::vector<MigrationFile>& files,
                                                            QueryOptions q) {
  co_await conn.execute_script("BEGIN", q);
  std::exception_ptr error;
  try {
    const auto recorded = co_await lock_and_read(conn, q);
    const MigrationFile* next = next_pending_migration(files, recorded);
    if (next != nullptr) {
      co_await conn.execute_script(next->sql, q);
      co_await conn.query_with(
          q, "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
          next->version, next->name, next->checksum);
    }
    co_await detail::commit(conn);
    if (next == nullptr) co_return std::nullopt;
    log::info("db.migration_applied", {{"version", next->version}, {"name", next->name}});
    co_return AppliedMigration{next->version, next->name};
  } catch (...) {
    error = std::current_exception();
  }
  co_await detail::rollback_quietly(conn);
  std::rethrow_exception(error);
}

}  // namespace

asio::awaitable<std::vector<AppliedMigration>> migrate(Connection& conn,
                                                       const std::filesystem::path& directory,
                                                       MigrateOptions options) {
  const std::vector<MigrationFile> files = load_migrations(directory);
  const QueryOptions q{.timeout = options.statement_timeout};
  std::vector<AppliedMigration> applied;
  while (auto migration = co_await apply_next(conn, files, q)) applied.push_back(*migration);
  co_return applied;
}

asio::awaitable<std::vector<AppliedMigration>> migrate(Pool& pool,
                                                       const std::filesystem::path& directory,
                                                       MigrateOptions options) {
  PooledConnection conn = co_await pool.acquire();
  co_return co_await migrate(*conn, directory, options);
}

}  // namespace myspace::db
