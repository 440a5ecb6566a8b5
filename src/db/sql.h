#pragma once
// SQL text and its parameters. Statements are string literals: `Sql` converts
// only from a char array, so `conn.query("… WHERE id = " + id)` does not compile
// and every value travels as a parameter ($1, $2 …), never in the text.
// Values are sent in PostgreSQL's text format with a type where one is known
// (bool, int4, int8, float8, text[]) and as "unknown" for strings and NULL, so
// the server infers the type from context (`WHERE id = $1` on a uuid column just
// works); write a cast (`$1::bigint`) where the context says nothing (`SELECT $1`).

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myspace::db {

using Oid = unsigned int;  // libpq's Oid, without including libpq-fe.h here

class Sql {
 public:
  // Only a string literal (a char array) converts: std::string, std::string_view
  // and `"…" + value` do not, which keeps input out of the SQL text.
  template <std::size_t N>
  constexpr Sql(const char (&text)[N]) : text_(text, N - 1) {}  // NOLINT: implicit by design

  // For statements assembled at run time from trusted constant fragments (never
  // from input). The text must outlive the query call. Deliberately verbose.
  static Sql from_trusted_runtime_text(std::string_view text) {
    Sql sql("");
    sql.text_ = text;
    return sql;
  }

  std::string_view text() const noexcept { return text_; }

 private:
  std::string_view text_;
};

// One statement parameter, rendered to PostgreSQL text format on construction.
class Param {
 public:
  Param(std::nullptr_t) {}                                        // NOLINT: SQL NULL
  Param(std::nullopt_t) {}                                        // NOLINT: SQL NULL
  Param(bool value) : type_(kBool), value_(value ? "t" : "f") {}  // NOLINT
  template <std::integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char>) Param(T value)  // NOLINT
      : type_(sizeof(T) < 4 || (sizeof(T) == 4 && std::is_signed_v<T>) ? kInt4 : kInt8),
        value_(std::to_string(value)) {
    static_assert(sizeof(T) < 8 || std::is_signed_v<T>, "uint64 does not fit a PostgreSQL bigint");
  }
  Param(double value);                                           // NOLINT: float8, round-trip exact
  Param(std::string value) : value_(std::move(value)) {}         // NOLINT
  Param(std::string_view value) : value_(std::string(value)) {}  // NOLINT
  Param(const char* value) : value_(std::string(value)) {}       // NOLINT
  Param(const std::vector<std::string>& values);                 // NOLINT: text[]
  template <class T>
  Param(const std::optional<T>& value) : Param(value ? Param(*value) : Param(nullptr)) {}  // NOLINT

  Oid type() const noexcept { return type_; }
  bool is_null() const noexcept { return !value_.has_value(); }
  const std::optional<std::string>& text() const noexcept { return value_; }

  static constexpr Oid kUnknown = 0;
  static constexpr Oid kBool = 16;
  static constexpr Oid kInt8 = 20;
  static constexpr Oid kInt4 = 23;
  static constexpr Oid kFloat8 = 701;
  static constexpr Oid kTextArray = 1009;

 private:
  Oid type_ = kUnknown;
  std::optional<std::string> value_;
};

using Params = std::vector<Param>;

// Throws InvalidTextParameter when a parameter's text (a string, or an element
// of a text[]) holds a NUL byte; see InvalidTextParameter for why. Called on
// every statement's parameters just before they go to libpq.
void check_text_params(const Params& params);

// PostgreSQL's array literal for `values`: {"a","b \"c\""}. Exposed for tests.
std::string format_text_array(const std::vector<std::string>& values);

}  // namespace myspace::db
