#include "db/result.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cstdlib>
#include <string>

#include "db/errors.h"

namespace myspace::db {
namespace {

constexpr Oid kInt2 = 21, kInt4 = 23, kInt8 = 20, kBool = 16, kFloat4 = 700, kFloat8 = 701;
// Built-in one-dimensional array types whose elements read well as text.
constexpr std::array<Oid, 18> kArrayTypes = {
    1009 /*text*/,   1015 /*varchar*/,   1014 /*bpchar*/,
    1003 /*name*/,   1005 /*int2*/,      1007 /*int4*/,
    1016 /*int8*/,   1000 /*bool*/,      1021 /*float4*/,
    1022 /*float8*/, 1231 /*numeric*/,   2951 /*uuid*/,
    1182 /*date*/,   1115 /*timestamp*/, 1185 /*timestamptz*/,
    199 /*json*/,    3807 /*jsonb*/,     1028 /*oid*/};
constexpr Oid kFirstUserOid = 16384;  // user-defined types (enum arrays) start here

[[noreturn]] void usage_error(std::string message) {
  throw UsageError(client_side(std::move(message)));
}

std::string describe(const Row& row, int column) {
  return "column \"" + std::string(row.column_name(column)) + "\" (type oid " +
         std::to_string(row.type(column)) + ")";
}

[[noreturn]] void type_mismatch(const Row& row, int column, std::string_view wanted) {
  usage_error("cannot read " + describe(row, column) + " as " + std::string(wanted));
}

bool is_array_type(Oid type, std::string_view text) {
  for (const Oid t : kArrayTypes) {
    if (t == type) return true;
  }
  return type >= kFirstUserOid && !text.empty() && text.front() == '{';
}

// Reads one element starting at text[i] (after '{' or ','); leaves i on the ',' or '}' after it.
std::optional<std::string> parse_element(std::string_view text, std::size_t& i) {
  std::string value;
  if (text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;
      if (i >= text.size()) break;
      value += text[i];
    }
    if (i >= text.size()) usage_error("unterminated quoted element in array");
    ++i;
    while (i < text.size() && text[i] == ' ') ++i;
    return value;
  }
  if (text[i] == '{') usage_error("multi-dimensional arrays are not supported");
  bool escaped_any = false;
  for (; i < text.size() && text[i] != ',' && text[i] != '}'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      ++i;
      escaped_any = true;
    }
    value += text[i];
  }
  while (!value.empty() && value.back() == ' ') value.pop_back();
  if (value.empty()) usage_error("empty unquoted element in array");
  if (!escaped_any && value.size() == 4 && (value == "NULL" || value == "null"))
    return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::optional<std::string>> parse_text_array(std::string_view text) {
  // Arrays with non-default bounds are printed as "[0:1]={a,b}".
  if (!text.empty() && text.front() == '[') {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) usage_error("malformed array bounds");
    text.remove_prefix(eq + 1);
  }
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') {
    usage_error("malformed array literal");
  }
  std::vector<std::optional<std::string>> out;
  if (text == "{}") return out;
  std::size_t i = 1;
  while (true) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size() - 1) usage_error("malformed array literal");
    out.push_back(parse_element(text, i));
    if (i >= text.size()) usage_error("malformed array literal");
    if (text[i] == '}') {
      if (i != text.size() - 1) usage_error("trailing characters after array");
      return out;
    }
    if (text[i] != ',') usage_error("malformed array literal");
    ++i;
  }
}

// ---- Row ----

bool Row::is_null(int column) const {
  return PQgetisnull(raw(), row_, column) == 1;
}

int Row::column_index(std::string_view name) const {
  // Exact match (PQfnumber would fold case and parse quotes).
  const int n = PQnfields(raw());
  for (int i = 0; i < n; ++i) {
    if (name == PQfname(raw(), i)) return i;
  }
  std::string known;
  for (int i = 0; i < n; ++i) known += (i ? ", " : "") + std::string(PQfname(raw(), i));
  usage_error("no column \"" + std::string(name) + "\" in result (columns: " + known + ")");
}

std::string_view Row::text(int column) const {
  return {PQgetvalue(raw(), row_, column),
          static_cast<std::size_t>(PQgetlength(raw(), row_, column))};
}

Oid Row::type(int column) const {
  return PQftype(raw(), column);
}

std::string_view Row::column_name(int column) const {
  const char* name = PQfname(raw(), column);
  if (name == nullptr) usage_error("column index " + std::to_string(column) + " out of range");
  return name;
}

// ---- Result ----

Result::Result(pg_result* result)
    : result_(result, [](const pg_result* r) { PQclear(const_cast<pg_result*>(r)); }),
      rows_(PQntuples(result)) {}

int Result::columns() const noexcept {
  return PQnfields(result_.get());
}

std::int64_t Result::affected_rows() const noexcept {
  // libpq's signature is not const-correct; PQcmdTuples only reads.
  const char* tuples = PQcmdTuples(const_cast<pg_result*>(result_.get()));
  if (tuples == nullptr || *tuples == '\0') return rows_;
  return std::strtoll(tuples, nullptr, 10);
}

Row Result::operator[](std::size_t i) const {
  if (i >= size()) {
    usage_error("row " + std::to_string(i) + " out of range (" + std::to_string(rows_) + " rows)");
  }
  return Row(result_, static_cast<int>(i));
}

Row Result::one() const {
  if (rows_ != 1) usage_error("expected one row, got " + std::to_string(rows_));
  return Row(result_, 0);
}

std::optional<Row> Result::maybe_one() const {
  if (rows_ > 1) usage_error("expected at most one row, got " + std::to_string(rows_));
  if (rows_ == 0) return std::nullopt;
  return Row(result_, 0);
}

// ---- decoders ----

namespace detail {

void throw_null(const Row& row, int column, std::string_view wanted) {
  usage_error(describe(row, column) + " is NULL; read it as std::optional<" + std::string(wanted) +
              ">");
}

std::int64_t decode_integer(const Row& row, int column, std::int64_t min, std::int64_t max) {
  const Oid type = row.type(column);
  if (type != kInt2 && type != kInt4 && type != kInt8) type_mismatch(row, column, "an integer");
  if (row.is_null(column)) throw_null(row, column, "integer");
  const std::string_view text = row.text(column);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    type_mismatch(row, column, "an integer");
  if (value < min || value > max) {
    usage_error(describe(row, column) + " value " + std::string(text) + " does not fit the type");
  }
  return value;
}

bool decode_bool(const Row& row, int column) {
  if (row.type(column) != kBool) type_mismatch(row, column, "bool");
  if (row.is_null(column)) throw_null(row, column, "bool");
  return row.text(column) == "t";
}

double decode_double(const Row& row, int column) {
  const Oid type = row.type(column);
  if (type != kFloat4 && type != kFloat8) {
    type_mismatch(row, column, "double (NUMERIC is read as std::string)");
  }
  if (row.is_null(column)) throw_null(row, column, "double");
  // strtod accepts "NaN", "Infinity" and "-Infinity" as PostgreSQL prints them.
  const std::string text(row.text(column));
  return std::strtod(text.c_str(), nullptr);
}

std::vector<std::string> decode_string_array(const Row& row, int column) {
  if (row.is_null(column)) throw_null(row, column, "std::vector<std::string>");
  if (!is_array_type(row.type(column), row.text(column))) {
    type_mismatch(row, column, "std::vector<std::string>");
  }
  std::vector<std::string> out;
  for (auto& element : parse_text_array(row.text(column))) {
    if (!element) usage_error(describe(row, column) + " has a NULL element");
    out.push_back(std::move(*element));
  }
  return out;
}

}  // namespace detail
}  // namespace myspace::db
