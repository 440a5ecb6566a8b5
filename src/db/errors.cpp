#include "db/errors.h"

namespace myspace::db {
namespace {

bool in_class(const std::string& sqlstate, std::string_view cls) {
  return sqlstate.size() == 5 && std::string_view(sqlstate).substr(0, 2) == cls;
}

}  // namespace

void throw_server_error(ServerError server) {
  const std::string& state = server.sqlstate;
  if (state == "23505") throw UniqueViolation(std::move(server));
  if (state == "23503") throw ForeignKeyViolation(std::move(server));
  if (state == "23514") throw CheckViolation(std::move(server));
  if (state == "23502") throw NotNullViolation(std::move(server));
  if (state == "40001") throw SerializationFailure(std::move(server));
  if (state == "40P01") throw Deadlock(std::move(server));
  if (state == "57014")
    throw QueryTimeout(std::move(server));  // query_canceled / statement_timeout
  // 08: connection exceptions; 57P01-57P03: the server is shutting down or restarting.
  if (in_class(state, "08") || state == "57P01" || state == "57P02" || state == "57P03") {
    throw ConnectionLost(std::move(server));
  }
  if (in_class(state, "22")) throw DataError(std::move(server));
  if (in_class(state, "23")) {
    throw IntegrityViolation(ErrorCode::kConflict, "conflicts with existing data",
                             std::move(server));
  }
  if (in_class(state, "40")) {
    throw TransactionRollback(ErrorCode::kConflict, "concurrent update, try again",
                              std::move(server));
  }
  // 42: syntax errors, undefined tables/columns; 0A: unsupported; 25: bad transaction state.
  if (in_class(state, "42") || in_class(state, "0A") || in_class(state, "25")) {
    throw UsageError(std::move(server));
  }
  throw DbError(ErrorCode::kInternal, "internal error", std::move(server));
}

ServerError client_side(std::string message, std::string sqlstate) {
  ServerError error;
  error.sqlstate = std::move(sqlstate);
  error.message = std::move(message);
  return error;
}

}  // namespace myspace::db
