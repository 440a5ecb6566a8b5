#pragma once
// Typed access to a statement's result. Values arrive in PostgreSQL's text
// format and are parsed on get<T>(), which checks the column's type:
//   integers  int16_t/int32_t/int64_t  from int2/int4/int8 (range-checked)
//   bool      from bool
//   double    from float4/float8 only (NUMERIC is money-like: read it as a string)
//   string    from any column, in PostgreSQL's text form (NUMERIC "12.50",
//             timestamptz "2026-01-02 03:04:05.678+00" — ISO 8601)
//   vector<string>  from any one-dimensional array (text[] …); NULL elements are refused
//   optional<T>     any of the above; NULL → nullopt
// A NULL read as a non-optional type, a missing column or a type mismatch throws
// db::UsageError naming the column: these are bugs, not data errors.

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sql.h"

struct pg_result;  // libpq's PGresult

namespace myspace::db {

class Result;

namespace detail {
template <class T>
struct Decoder;
}  // namespace detail

// One row. It shares ownership of the result, so
//   const Row row = (co_await conn.query(...)).one();
// stays valid after the Result temporary is gone.
class Row {
 public:
  template <class T>
  T get(std::string_view column) const {
    return get<T>(column_index(column));
  }
  template <class T>
  T get(int column) const {
    return detail::Decoder<T>::decode(*this, column);
  }

  bool is_null(std::string_view column) const { return is_null(column_index(column)); }
  bool is_null(int column) const;
  int column_index(std::string_view name) const;  // throws UsageError when missing

  // Raw access for decoders.
  std::string_view text(int column) const;
  Oid type(int column) const;
  std::string_view column_name(int column) const;
  int index() const noexcept { return row_; }

 private:
  friend class Result;
  Row(std::shared_ptr<const pg_result> result, int row) : result_(std::move(result)), row_(row) {}
  const pg_result* raw() const noexcept { return result_.get(); }
  std::shared_ptr<const pg_result> result_;
  int row_;
};

class Result {
 public:
  Result() = default;                  // no rows, no columns
  explicit Result(pg_result* result);  // takes ownership
  Result(Result&&) noexcept = default;
  Result& operator=(Result&&) noexcept = default;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  std::size_t size() const noexcept { return static_cast<std::size_t>(rows_); }
  bool empty() const noexcept { return rows_ == 0; }
  int columns() const noexcept;
  // Rows changed by INSERT/UPDATE/DELETE (also with RETURNING), rows of a SELECT.
  std::int64_t affected_rows() const noexcept;

  Row operator[](std::size_t i) const;
  // Exactly one row, else UsageError ("expected one row, got N").
  Row one() const;
  // Zero or one row; more is a UsageError.
  std::optional<Row> maybe_one() const;

  class Iterator {
   public:
    Row operator*() const { return Row(*result_, row_); }
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return row_ == other.row_; }

   private:
    friend class Result;
    Iterator(const std::shared_ptr<const pg_result>* result, int row)
        : result_(result), row_(row) {}
    const std::shared_ptr<const pg_result>* result_;
    int row_;
  };
  Iterator begin() const { return {&result_, 0}; }
  Iterator end() const { return {&result_, rows_}; }

 private:
  std::shared_ptr<const pg_result> result_;
  int rows_ = 0;
};

// Parses PostgreSQL's text form of a one-dimensional array ({a,"b c",NULL}).
// NULL elements are nullopt. Throws UsageError on malformed input.
std::vector<std::optional<std::string>> parse_text_array(std::string_view text);

namespace detail {

[[noreturn]] void throw_null(const Row& row, int column, std::string_view wanted);
std::int64_t decode_integer(const Row& row, int column, std::int64_t min, std::int64_t max);
bool decode_bool(const Row& row, int column);
double decode_double(const Row& row, int column);
std::vector<std::string> decode_string_array(const Row& row, int column);

template <class T>
requires(std::same_as<T, std::int16_t> || std::same_as<T, std::int32_t> ||
         std::same_as<T, std::int64_t>) struct Decoder<T> {
  static T decode(const Row& row, int column) {
    return static_cast<T>(
        decode_integer(row, column, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
  }
};
template <>
struct Decoder<bool> {
  static bool decode(const Row& row, int column) { return decode_bool(row, column); }
};
template <>
struct Decoder<double> {
  static double decode(const Row& row, int column) { return decode_double(row, column); }
};
template <>
struct Decoder<std::string> {
  static std::string decode(const Row& row, int column) {
    if (row.is_null(column)) throw_null(row, column, "std::string");
    return std::string(row.text(column));
  }
};
template <>
struct Decoder<std::vector<std::string>> {
  static std::vector<std::string> decode(const Row& row, int column) {
    return decode_string_array(row, column);
  }
};
template <class T>
struct Decoder<std::optional<T>> {
  static std::optional<T> decode(const Row& row, int column) {
    if (row.is_null(column)) return std::nullopt;
    return Decoder<T>::decode(row, column);
  }
};

}  // namespace detail
}  // namespace myspace::db
