#include "db/migrations.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/sha256.h"
#include "db/errors.h"

namespace myspace::db {
namespace {

TEST(DbMigrationNames, ParsesNumberedFiles) {
  const auto parsed = parse_migration_filename("0007_add_bids.sql");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->version, 7);
  EXPECT_EQ(parsed->name, "add_bids");
  EXPECT_EQ(parse_migration_filename("12345_x1.sql")->version, 12345);
  for (const char* bad : {"README.md", "7_x.sql", "0007-x.sql", "0007_.sql", "0007_X.sql",
                          "0007_x.SQL", "00a7_x.sql", "0007_x y.sql", "0007.sql", ".sql"}) {
    EXPECT_FALSE(parse_migration_filename(bad)) << bad;
  }
}

TEST(DbMigrationChecksum, IsSha256Hex) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

class DbMigrationFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("myspace-migrations-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& sql) { std::ofstream(dir_ / name) << sql; }
  std::filesystem::path dir_;
};

TEST_F(DbMigrationFiles, LoadsInNumericOrderIgnoringOtherFiles) {
  write("0010_ten.sql", "SELECT 10;");
  write("0002_two.sql", "SELECT 2;");
  write("0001_one.sql", "SELECT 1;");
  write("README.md", "not sql");
  const auto files = load_migrations(dir_);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].version, 1);
  EXPECT_EQ(files[1].version, 2);
  EXPECT_EQ(files[2].version, 10);
  EXPECT_EQ(files[2].sql, "SELECT 10;");
  EXPECT_EQ(files[2].checksum, sha256_hex("SELECT 10;"));
}

TEST_F(DbMigrationFiles, RefusesBadNamesAndDuplicates) {
  write("1_bad.sql", "");
  EXPECT_THROW(load_migrations(dir_), MigrationError);
  std::filesystem::remove(dir_ / "1_bad.sql");
  write("0001_a.sql", "");
  write("0001_b.sql", "");
  EXPECT_THROW(load_migrations(dir_), MigrationError);
  EXPECT_THROW(load_migrations(dir_ / "missing"), MigrationError);
}

MigrationFile file(int version, std::string name, std::string sql) {
  MigrationFile f{version, name,
                  version < 10 ? "000" + std::to_string(version) + "_" + name + ".sql"
                               : "00" + std::to_string(version) + "_" + name + ".sql",
                  sql, sha256_hex(sql)};
  return f;
}

TEST(DbMigrationPlan, PicksLowestPendingAndVerifiesHistory) {
  const std::vector<MigrationFile> files = {file(1, "a", "A"), file(2, "b", "B"),
                                            file(3, "c", "C")};
  EXPECT_EQ(next_pending_migration(files, {})->version, 1);
  EXPECT_EQ(next_pending_migration(files, {{1, "a", sha256_hex("A")}})->version, 2);
  EXPECT_EQ(
      next_pending_migration(
          files, {{1, "a", sha256_hex("A")}, {2, "b", sha256_hex("B")}, {3, "c", sha256_hex("C")}}),
      nullptr);
}

TEST(DbMigrationPlan, RefusesChangedMissingAndOutOfOrder) {
  const std::vector<MigrationFile> files = {file(1, "a", "A"), file(2, "b", "B"),
                                            file(3, "c", "C")};
  try {
    next_pending_migration(files, {{1, "a", sha256_hex("old A")}});
    FAIL();
  } catch (const MigrationError& e) {
    EXPECT_NE(e.detail().find("0001_a.sql"), std::string::npos) << e.detail();
    EXPECT_NE(e.detail().find("changed"), std::string::npos) << e.detail();
  }
  EXPECT_THROW(next_pending_migration(files, {{4, "d", sha256_hex("D")}}), MigrationError);
  EXPECT_THROW(next_pending_migration(files, {{1, "renamed", sha256_hex("A")}}), MigrationError);
  // 0002 appeared after 0003 was applied (a late merge): refuse rather than apply out of order.
  EXPECT_THROW(
      next_pending_migration(files, {{1, "a", sha256_hex("A")}, {3, "c", sha256_hex("C")}}),
      MigrationError);
}

}  // namespace
}  // namespace myspace::db
