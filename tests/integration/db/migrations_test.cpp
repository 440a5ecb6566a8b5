// Migrations against a real server: order, idempotence, refusing edits,
// rollback of a failing file, and concurrent migrators.
#include "db/migrations.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>
#include <cstdlib>
#include <fstream>

#include "common/sha256.h"
#include "db/errors.h"
#include "db_fixture.h"

namespace myspace::db::test {
namespace {

class DbMigrations : public DbTest {
 protected:
  void SetUp() override {
    pool_ = std::make_unique<Pool>(io_.get_executor(), pool_options(4));
    dir_ = temp_.path() / "migrations";
    std::filesystem::create_directories(dir_);
    // 0010 sorts after 0002 numerically but before it as text: order is numeric.
    write("0001_create_users.sql",
          "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);");
    write("0002_add_name.sql",
          "ALTER TABLE users ADD COLUMN name text;\nCREATE INDEX users_email ON users (email);");
    write("0010_backfill.sql",
          "UPDATE users SET name = 'x' WHERE name IS NULL;\nALTER TABLE users ALTER COLUMN name "
          "SET NOT NULL;");
  }
  void write(const std::string& name, const std::string& sql) { std::ofstream(dir_ / name) << sql; }
  std::vector<AppliedMigration> migrate_now() { return run(migrate(*pool_, dir_)); }
  std::vector<int> recorded_versions() {
    std::vector<int> versions;
    for (const Row row :
         run(pool_->query("SELECT version FROM schema_migrations ORDER BY version"))) {
      versions.push_back(row.get<int>("version"));
    }
    return versions;
  }

  testing::TempDir temp_;
  std::filesystem::path dir_;
  std::unique_ptr<Pool> pool_;
};

TEST_F(DbMigrations, AppliesEachOnceInOrder) {
  const auto applied = migrate_now();
  ASSERT_EQ(applied.size(), 3u);
  EXPECT_EQ(applied[0].version, 1);
  EXPECT_EQ(applied[1].name, "add_name");
  EXPECT_EQ(applied[2].version, 10);
  EXPECT_EQ(recorded_versions(), (std::vector<int>{1, 2, 10}));
  const Row row =
      run(pool_->query(
              "SELECT name, checksum, applied_at FROM schema_migrations WHERE version = $1", 2))
          .one();
  EXPECT_EQ(row.get<std::string>("checksum"), sha256_hex(run([&]() -> asio::awaitable<std::string> {
              co_return load_migrations(dir_)[1].sql;
            }())));
  EXPECT_FALSE(row.get<std::string>("applied_at").empty());
  // The schema is what the files say, NOT NULL included.
  EXPECT_THROW(run(pool_->query("INSERT INTO users (email) VALUES ($1)", "a@b")), NotNullViolation);

  EXPECT_TRUE(migrate_now().empty());  // idempotent
  write("0011_more.sql", "ALTER TABLE users ADD COLUMN bio text;");
  const auto more = migrate_now();
  ASSERT_EQ(more.size(), 1u);
  EXPECT_EQ(more[0].version, 11);
}

TEST_F(DbMigrations, RefusesAnEditedAppliedMigration) {
  migrate_now();
  write("0002_add_name.sql", "ALTER TABLE users ADD COLUMN name varchar(10);");
  write("0020_later.sql", "CREATE TABLE later (id int);");
  try {
    migrate_now();
    FAIL() << "edited migration accepted";
  } catch (const MigrationError& e) {
    EXPECT_NE(e.detail().find("0002_add_name.sql"), std::string::npos) << e.detail();
    EXPECT_NE(e.detail().find("changed"), std::string::npos) << e.detail();
  }
  EXPECT_EQ(recorded_versions(), (std::vector<int>{1, 2, 10}));  // nothing after it ran
}

TEST_F(DbMigrations, FailingMigrationRollsBackAndIsNotRecorded) {
  write("0011_broken.sql", "CREATE TABLE half (id int);\nINSERT INTO half VALUES (1 / 0);");
  EXPECT_THROW(migrate_now(), DataError);
  EXPECT_EQ(recorded_versions(), (std::vector<int>{1, 2, 10}));  // earlier files stay applied
  const auto half = run(pool_->query("SELECT to_regclass($1)::text AS t", "half")).one();
  EXPECT_EQ(half.get<std::optional<std::string>>("t"), std::nullopt);
  // Fixed, it applies on the next run.
  write("0011_broken.sql", "CREATE TABLE half (id int);");
  EXPECT_EQ(migrate_now().size(), 1u);
}

TEST_F(DbMigrations, ConcurrentMigratorsApplyEachFileOnce) {
  auto a = asio::co_spawn(io_, migrate(*pool_, dir_), asio::use_future);
  auto b = asio::co_spawn(io_, migrate(*pool_, dir_), asio::use_future);
  io_.restart();
  io_.run();
  EXPECT_EQ(a.get().size() + b.get().size(), 3u);
  EXPECT_EQ(recorded_versions(), (std::vector<int>{1, 2, 10}));
}

// The project's own migrations/ apply cleanly to an empty database, then are a no-op.
TEST_F(DbMigrations, ProjectMigrationsApplyAndAreIdempotent) {
  const char* source = std::getenv("MYSPACE_SOURCE_DIR");
  const std::filesystem::path project = std::filesystem::path(source ? source : "") / "migrations";
  if (source == nullptr || load_migrations(project).empty())
    GTEST_SKIP() << "no project migrations";
  const auto applied = run(migrate(*pool_, project));
  EXPECT_EQ(applied.size(), load_migrations(project).size());
  EXPECT_TRUE(run(migrate(*pool_, project)).empty());
}

}  // namespace
}  // namespace myspace::db::test
