#include "db/errors.h"

#include <gtest/gtest.h>

namespace myspace::db {
namespace {

ServerError state(std::string sqlstate, std::string constraint = {}) {
  ServerError error;
  error.sqlstate = std::move(sqlstate);
  error.message = "server says no";
  error.constraint = std::move(constraint);
  return error;
}

template <class Expected>
void expect_thrown_as(const std::string& sqlstate, ErrorCode code) {
  try {
    throw_server_error(state(sqlstate));
    FAIL() << "no exception for " << sqlstate;
  } catch (const Expected& e) {
    EXPECT_EQ(e.sqlstate(), sqlstate);
    EXPECT_EQ(e.code(), code) << sqlstate;
  } catch (const std::exception& e) {
    FAIL() << sqlstate << " thrown as the wrong type: " << typeid(e).name();
  }
}

TEST(DbErrors, ClassifiesBySqlstate) {
  expect_thrown_as<UniqueViolation>("23505", ErrorCode::kConflict);
  expect_thrown_as<ForeignKeyViolation>("23503", ErrorCode::kConflict);
  expect_thrown_as<CheckViolation>("23514", ErrorCode::kBadRequest);
  expect_thrown_as<NotNullViolation>("23502", ErrorCode::kBadRequest);
  expect_thrown_as<SerializationFailure>("40001", ErrorCode::kConflict);
  expect_thrown_as<Deadlock>("40P01", ErrorCode::kConflict);
  expect_thrown_as<QueryTimeout>("57014", ErrorCode::kTimeout);
  expect_thrown_as<ConnectionLost>("08006", ErrorCode::kUnavailable);
  expect_thrown_as<ConnectionLost>("57P01", ErrorCode::kUnavailable);
  expect_thrown_as<DataError>("22P02", ErrorCode::kBadRequest);
  expect_thrown_as<UsageError>("42P01", ErrorCode::kInternal);
  expect_thrown_as<IntegrityViolation>("23P01", ErrorCode::kConflict);
  expect_thrown_as<TransactionRollback>("40002", ErrorCode::kConflict);
}

TEST(DbErrors, FamiliesAreCatchableByBase) {
  EXPECT_THROW(throw_server_error(state("23505")), IntegrityViolation);
  EXPECT_THROW(throw_server_error(state("40001")), TransactionRollback);
  EXPECT_THROW(throw_server_error(state("XX000")), DbError);
  EXPECT_THROW(throw_server_error(state("XX000")), myspace::Error);
}

TEST(DbErrors, KeepsConstraintAndServerMessageOutOfClientMessage) {
  try {
    throw_server_error(state("23505", "users_email_key"));
  } catch (const UniqueViolation& e) {
    EXPECT_EQ(e.constraint(), "users_email_key");
    EXPECT_EQ(e.server_message(), "server says no");
    EXPECT_EQ(e.detail(), "server says no");
    EXPECT_STREQ(e.what(), "already exists");
  }
}

}  // namespace
}  // namespace myspace::db
