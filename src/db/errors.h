#pragma once
// Database errors, classified by SQLSTATE into types so callers catch what they
// can handle (`catch (const db::UniqueViolation& e)`) and retry logic reads as
// `catch (const db::SerializationFailure&)`. Every type derives from DbError,
// which is a myspace::Error: its message is safe for a client, while the server's
// own message (table names, values) is kept in detail() for logs only.

#include <string>
#include <string_view>

#include "common/error.h"

namespace myspace::db {

// What the server said about a failed statement (fields of a PGresult error).
struct ServerError {
  std::string sqlstate;    // five characters, e.g. "23505"
  std::string message;     // primary message, e.g. duplicate key value violates …
  std::string detail;      // e.g. Key (email)=(a@b.c) already exists.
  std::string constraint;  // e.g. users_email_key (integrity violations only)
  std::string table;
};

class DbError : public myspace::Error {
 public:
  DbError(ErrorCode code, std::string client_message, ServerError server)
      : Error(code, std::move(client_message), server.message), server_(std::move(server)) {}

  const std::string& sqlstate() const noexcept { return server_.sqlstate; }
  // The violated constraint's name for integrity violations, else empty.
  const std::string& constraint() const noexcept { return server_.constraint; }
  // The server's message; for logs, never for clients (it may contain values).
  const std::string& server_message() const noexcept { return server_.message; }
  const ServerError& server() const noexcept { return server_; }

 private:
  ServerError server_;
};

// Class 23: the statement broke a declared rule; nothing was changed.
class IntegrityViolation : public DbError {
  using DbError::DbError;
};
class UniqueViolation : public IntegrityViolation {  // 23505
 public:
  explicit UniqueViolation(ServerError s)
      : IntegrityViolation(ErrorCode::kConflict, "already exists", std::move(s)) {}
};
class ForeignKeyViolation : public IntegrityViolation {  // 23503
 public:
  explicit ForeignKeyViolation(ServerError s)
      : IntegrityViolation(ErrorCode::kConflict, "refers to a missing or used object",
                           std::move(s)) {}
};
class CheckViolation : public IntegrityViolation {  // 23514
 public:
  explicit CheckViolation(ServerError s)
      : IntegrityViolation(ErrorCode::kBadRequest, "invalid value", std::move(s)) {}
};
class NotNullViolation : public IntegrityViolation {  // 23502
 public:
  explicit NotNullViolation(ServerError s)
      : IntegrityViolation(ErrorCode::kBadRequest, "missing value", std::move(s)) {}
};

// Class 22: a value the server could not accept (bad syntax for a uuid, overflow…).
class DataError : public DbError {
 public:
  explicit DataError(ServerError s)
      : DbError(ErrorCode::kBadRequest, "invalid value", std::move(s)) {}

 protected:
  DataError(std::string client_message, ServerError s)
      : DbError(ErrorCode::kBadRequest, std::move(client_message), std::move(s)) {}
};

// A text parameter holding a NUL byte, refused before it is sent: libpq hands
// text parameters to the server as C strings, so it would see only what
// precedes the NUL — "northwind\0junk" would match "northwind", and a check
// made on the whole string would disagree with the query run on its prefix.
// SQLSTATE 22021 (character_not_in_repertoire) is what the server says of a
// NUL in text, so callers treat both alike.
class InvalidTextParameter : public DataError {
 public:
  explicit InvalidTextParameter(ServerError s)
      : DataError("text must not contain NUL characters", std::move(s)) {}
};

// Class 40: the server rolled the transaction back; running it again may succeed.
// db::transact retries these.
class TransactionRollback : public DbError {
  using DbError::DbError;
};
class SerializationFailure : public TransactionRollback {  // 40001
 public:
  explicit SerializationFailure(ServerError s)
      : TransactionRollback(ErrorCode::kConflict, "concurrent update, try again", std::move(s)) {}
};
class Deadlock : public TransactionRollback {  // 40P01
 public:
  explicit Deadlock(ServerError s)
      : TransactionRollback(ErrorCode::kConflict, "concurrent update, try again", std::move(s)) {}
};

// The connection could not be opened or died in use (server down or restarted,
// network). Whether an interrupted statement took effect is unknown, so it is
// never retried silently (see db::transact for the one safe case).
class ConnectionLost : public DbError {
 public:
  explicit ConnectionLost(ServerError s)
      : DbError(ErrorCode::kUnavailable, "database unavailable", std::move(s)) {}
};

// A statement passed its deadline (ours, or the server's statement_timeout, 57014).
// The connection it ran on is closed.
class QueryTimeout : public DbError {
 public:
  explicit QueryTimeout(ServerError s)
      : DbError(ErrorCode::kTimeout, "database timeout", std::move(s)) {}
};

// The pool could not provide a connection before the acquire deadline.
class PoolExhausted : public DbError {
 public:
  explicit PoolExhausted(ServerError s)
      : DbError(ErrorCode::kUnavailable, "database busy", std::move(s)) {}
};

// A bug in the caller: a missing column, a type mismatch, one() on zero rows,
// SQL the server rejects (syntax error, unknown table). Not retryable.
class UsageError : public DbError {
 public:
  explicit UsageError(ServerError s)
      : DbError(ErrorCode::kInternal, "internal error", std::move(s)) {}
};

// A migration directory or the recorded schema history is inconsistent.
class MigrationError : public DbError {
 public:
  explicit MigrationError(ServerError s)
      : DbError(ErrorCode::kInternal, "internal error", std::move(s)) {}
};

// Throws the DbError subtype for server.sqlstate. Unknown states become a DbError
// with kInternal (class 42, syntax/undefined objects, becomes UsageError).
[[noreturn]] void throw_server_error(ServerError server);

// A ServerError carrying only a message, for errors raised on the client side.
ServerError client_side(std::string message, std::string sqlstate = {});

}  // namespace myspace::db
