#include "api/scalars/scalars.h"

#include <boost/json/serialize.hpp>
#include <stdexcept>
#include <string>

namespace myspace::api {
namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// `count` digits at text[at..]; their value in `out`.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) noexcept {
  if (at + count > text.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!is_digit(text[i])) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

int days_in_month(int year, int month) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string describe(const graphql::Value& value) {
  return boost::json::serialize(value);
}

graphql::Value checked(const graphql::Value& value, bool (*valid)(std::string_view) noexcept,
                       std::string_view scalar, std::string_view expected) {
  if (!value.is_string() || !valid(value.get_string())) {
    throw std::invalid_argument(std::string(scalar) + " cannot represent " + describe(value) +
                                ": expected " + std::string(expected));
  }
  return value;
}

}  // namespace

bool is_valid_money(std::string_view text) noexcept {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const std::size_t int_start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  const std::size_t int_digits = i - int_start;
  if (int_digits < 1 || int_digits > 8) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  ++i;
  const std::size_t frac_start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  const std::size_t frac_digits = i - frac_start;
  return i == text.size() && frac_digits >= 1 && frac_digits <= 2;
}

bool is_valid_date_time(std::string_view t) noexcept {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(t, 0, 4, year) || t.size() < 20 || t[4] != '-' || !digits(t, 5, 2, month) ||
      t[7] != '-' || !digits(t, 8, 2, day) || (t[10] != 'T' && t[10] != 't') ||
      !digits(t, 11, 2, hour) || t[13] != ':' || !digits(t, 14, 2, minute) || t[16] != ':' ||
      !digits(t, 17, 2, second)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 ||
      minute > 59 || second > 60) {
    return false;
  }
  std::size_t i = 19;
  if (t[i] == '.') {
    const std::size_t start = ++i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == start || i - start > 9) return false;
  }
  if (i == t.size()) return false;  // an offset is required
  if (t[i] == 'Z' || t[i] == 'z') return i + 1 == t.size();
  if (t[i] != '+' && t[i] != '-') return false;
  int offset_hour = 0, offset_minute = 0;
  return i + 6 == t.size() && digits(t, i + 1, 2, offset_hour) && t[i + 3] == ':' &&
         digits(t, i + 4, 2, offset_minute) && offset_hour <= 23 && offset_minute <= 59;
}

graphql::ScalarFunctions money_scalar() {
  auto check = [](const graphql::Value& value) {
    return checked(value, &is_valid_money, "Money",
                   "a decimal string with at most 8 integer and 2 fraction digits, e.g. "
                   "\"1500.00\"");
  };
  // Literals go through parse_value (the engine's default), so a number
  // literal is refused exactly like a number variable.
  return {check, check, nullptr};
}

graphql::ScalarFunctions date_time_scalar() {
  auto check = [](const graphql::Value& value) {
    return checked(value, &is_valid_date_time, "DateTime",
                   "an RFC 3339 date-time with an offset, e.g. \"2026-11-24T07:00:00Z\"");
  };
  return {check, check, nullptr};
}

void bind_scalars(graphql::Schema& schema) {
  schema.scalar("Money", money_scalar());
  schema.scalar("DateTime", date_time_scalar());
}

}  // namespace myspace::api
