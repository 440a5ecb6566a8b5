#pragma once
// Schema migrations: numbered SQL files `NNNN_name.sql` in one directory, each
// applied once, in version order, in its own transaction, and recorded in
// schema_migrations(version, name, checksum, applied_at) with the SHA-256 of the
// file. Editing a migration that was already applied is refused (MigrationError
// naming the file): fix forward with a new file instead. Concurrent migrators
// (several service instances starting together) are serialized by a
// transaction-scoped advisory lock, so each file still runs exactly once.
//
// A file must not contain BEGIN/COMMIT, nor statements that cannot run inside a
// transaction (CREATE INDEX CONCURRENTLY). Reading the directory is blocking
// file I/O: run migrations at startup, before serving.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/pool.h"

namespace myspace::db {

struct MigrationFile {
  int version = 0;
  std::string name;  // "create_users" for 0001_create_users.sql
  std::filesystem::path path;
  std::string sql;
  std::string checksum;  // lowercase hex SHA-256 of sql
};

struct AppliedMigration {
  int version = 0;
  std::string name;
};

struct MigrateOptions {
  // Deadline per statement (a migration file, or waiting for another migrator's lock).
  std::chrono::milliseconds statement_timeout{60000};
};

// Applies every pending migration in `directory`; returns those applied now, in
// order (empty when the schema is up to date). Throws MigrationError for a bad
// directory, a changed or missing applied file, or a new file numbered below an
// applied one; a failing migration's DbError propagates and it is not recorded.
asio::awaitable<std::vector<AppliedMigration>> migrate(Pool& pool,
                                                       const std::filesystem::path& directory,
                                                       MigrateOptions options = {});
asio::awaitable<std::vector<AppliedMigration>> migrate(Connection& conn,
                                                       const std::filesystem::path& directory,
                                                       MigrateOptions options = {});

// "0007_add_bids.sql" → {7, "add_bids"}; nullopt for anything else (README.md,
// 7_x.sql, 0007-x.sql, 0007_.sql, 0007_X.SQL). Version is 4+ digits; name is
// [a-z0-9_]+.
struct MigrationName {
  int version;
  std::string name;
};
std::optional<MigrationName> parse_migration_filename(std::string_view filename);

// Every *.sql file in `directory`, sorted by version. Throws MigrationError for a
// .sql file with a malformed name or two files with the same version.
std::vector<MigrationFile> load_migrations(const std::filesystem::path& directory);

// What schema_migrations says was applied.
struct RecordedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
};

// The lowest-numbered file not yet recorded, nullptr when all are. Throws
// MigrationError when a recorded migration's file is missing, renamed or changed,
// or when the next file is numbered below the latest recorded one.
const MigrationFile* next_pending_migration(const std::vector<MigrationFile>& files,
                                            const std::vector<RecordedMigration>& recorded);

}  // namespace myspace::db
