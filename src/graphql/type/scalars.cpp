#include "graphql/type/scalars.h"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "graphql/language/printer.h"

namespace myspace::graphql {
namespace {

[[noreturn]] void fail(const std::string& message) {
  throw std::invalid_argument(message);
}

constexpr double kMaxInt = std::numeric_limits<std::int32_t>::max();
constexpr double kMinInt = std::numeric_limits<std::int32_t>::min();

bool integral(double d) {
  return std::isfinite(d) && std::floor(d) == d;
}

// Int result coercion: integral numbers (and booleans, numeric strings) in range.
Value serialize_int(const Value& v) {
  double number = 0;
  if (v.is_bool()) return v.get_bool() ? 1 : 0;
  if (v.is_int64())
    number = static_cast<double>(v.get_int64());
  else if (v.is_uint64())
    number = static_cast<double>(v.get_uint64());
  else if (v.is_double())
    number = v.get_double();
  else if (v.is_string()) {
    const auto& s = v.get_string();
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), number);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) {
      fail("Int cannot represent non-integer value: " + inspect(v));
    }
  } else {
    fail("Int cannot represent non-integer value: " + inspect(v));
  }
  if (!integral(number)) fail("Int cannot represent non-integer value: " + inspect(v));
  if (number > kMaxInt || number < kMinInt) {
    fail("Int cannot represent non 32-bit signed integer value: " + inspect(v));
  }
  return static_cast<std::int64_t>(number);
}

Value parse_int(const Value& v) {
  double number = 0;
  if (v.is_int64())
    number = static_cast<double>(v.get_int64());
  else if (v.is_uint64())
    number = static_cast<double>(v.get_uint64());
  else if (v.is_double())
    number = v.get_double();
  else
    fail("Int cannot represent non-integer value: " + inspect(v));
  if (!integral(number)) fail("Int cannot represent non-integer value: " + inspect(v));
  if (number > kMaxInt || number < kMinInt) {
    fail("Int cannot represent non 32-bit signed integer value: " + inspect(v));
  }
  return static_cast<std::int64_t>(number);
}

Value parse_int_literal(const ast::Value& literal) {
  if (literal.kind != ast::ValueKind::kInt) {
    fail("Int cannot represent non-integer value: " + print(literal));
  }
  std::int64_t number = 0;
  auto [ptr, ec] =
      std::from_chars(literal.raw.data(), literal.raw.data() + literal.raw.size(), number);
  if (ec != std::errc() || number > kMaxInt || number < kMinInt) {
    fail("Int cannot represent non 32-bit signed integer value: " + std::string(literal.raw));
  }
  return number;
}

Value serialize_float(const Value& v) {
  if (v.is_bool()) return v.get_bool() ? 1.0 : 0.0;
  if (v.is_number()) {
    double d = v.to_number<double>();
    if (std::isfinite(d)) return d;
  }
  if (v.is_string()) {
    double d = 0;
    const auto& s = v.get_string();
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc() && ptr == s.data() + s.size() && !s.empty() && std::isfinite(d)) return d;
  }
  fail("Float cannot represent non numeric value: " + inspect(v));
}

Value parse_float(const Value& v) {
  if (!v.is_number()) fail("Float cannot represent non numeric value: " + inspect(v));
  return v.to_number<double>();
}

Value parse_float_literal(const ast::Value& literal) {
  if (literal.kind != ast::ValueKind::kInt && literal.kind != ast::ValueKind::kFloat) {
    fail("Float cannot represent non numeric value: " + print(literal));
  }
  double d = 0;
  std::from_chars(literal.raw.data(), literal.raw.data() + literal.raw.size(), d);
  return d;
}

Value serialize_string(const Value& v) {
  if (v.is_string()) return v;
  if (v.is_bool()) return v.get_bool() ? "true" : "false";
  if (v.is_number()) return boost::json::string(boost::json::serialize(v));
  fail("String cannot represent value: " + inspect(v));
}

Value parse_string(const Value& v) {
  if (!v.is_string()) fail("String cannot represent a non string value: " + inspect(v));
  return v;
}

Value parse_string_literal(const ast::Value& literal) {
  if (literal.kind != ast::ValueKind::kString) {
    fail("String cannot represent a non string value: " + print(literal));
  }
  return boost::json::string(literal.string);
}

Value serialize_boolean(const Value& v) {
  if (v.is_bool()) return v;
  if (v.is_number()) {
    double d = v.to_number<double>();
    if (std::isfinite(d)) return d != 0;
  }
  fail("Boolean cannot represent a non boolean value: " + inspect(v));
}

Value parse_boolean(const Value& v) {
  if (!v.is_bool()) fail("Boolean cannot represent a non boolean value: " + inspect(v));
  return v;
}

Value parse_boolean_literal(const ast::Value& literal) {
  if (literal.kind != ast::ValueKind::kBoolean) {
    fail("Boolean cannot represent a non boolean value: " + print(literal));
  }
  return literal.boolean;
}

Value serialize_id(const Value& v) {
  if (v.is_string()) return v;
  if (v.is_int64() || v.is_uint64()) return boost::json::string(boost::json::serialize(v));
  if (v.is_double() && integral(v.get_double())) {
    return boost::json::string(std::to_string(static_cast<std::int64_t>(v.get_double())));
  }
  fail("ID cannot represent value: " + inspect(v));
}

Value parse_id(const Value& v) {
  if (v.is_string()) return v;
  if (v.is_int64() || v.is_uint64()) return boost::json::string(boost::json::serialize(v));
  fail("ID cannot represent value: " + inspect(v));
}

Value parse_id_literal(const ast::Value& literal) {
  if (literal.kind == ast::ValueKind::kString) return boost::json::string(literal.string);
  if (literal.kind == ast::ValueKind::kInt) return boost::json::string(literal.raw);
  fail("ID cannot represent a non-string and non-integer value: " + print(literal));
}

}  // namespace

bool is_specified_scalar(std::string_view name) {
  return name == "Int" || name == "Float" || name == "String" || name == "Boolean" || name == "ID";
}

Passthrough serialize_passthrough(const ScalarFunctions& functions) {
  using Serialize = Value (*)(const Value&);
  const Serialize* serialize = functions.serialize.target<Serialize>();
  if (serialize == nullptr) return Passthrough::kNone;
  if (*serialize == serialize_string || *serialize == serialize_id) return Passthrough::kString;
  if (*serialize == serialize_boolean) return Passthrough::kBoolean;
  if (*serialize == serialize_int) return Passthrough::kInt;
  if (*serialize == serialize_float) return Passthrough::kFloat;
  return Passthrough::kNone;
}

bool passes_through(Passthrough passthrough, const Value& value) {
  switch (passthrough) {
    case Passthrough::kString:
      return value.is_string();
    case Passthrough::kBoolean:
      return value.is_bool();
    case Passthrough::kInt:
      return value.is_int64() && value.get_int64() >= kMinInt && value.get_int64() <= kMaxInt;
    case Passthrough::kFloat:
      return value.is_double() && std::isfinite(value.get_double());
    case Passthrough::kNone:
      break;
  }
  return false;
}

std::optional<ScalarFunctions> specified_scalar(std::string_view name) {
  if (name == "Int") return ScalarFunctions{serialize_int, parse_int, parse_int_literal};
  if (name == "Float") return ScalarFunctions{serialize_float, parse_float, parse_float_literal};
  if (name == "String")
    return ScalarFunctions{serialize_string, parse_string, parse_string_literal};
  if (name == "Boolean") {
    return ScalarFunctions{serialize_boolean, parse_boolean, parse_boolean_literal};
  }
  if (name == "ID") return ScalarFunctions{serialize_id, parse_id, parse_id_literal};
  return std::nullopt;
}

namespace {

// Numbers as JavaScript prints them (graphql-js's messages): 3 not 3.0E0,
// 1.5 not 1.5E0, 1e-7 not 1E-7.
std::string js_number(double d) {
  if (!std::isfinite(d)) return std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
  if (integral(d) && std::fabs(d) < 1e21) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, end);
  // to_chars writes e-07 / e+21; JavaScript writes e-7 / e+21.
  if (auto e = out.find('e'); e != std::string::npos) {
    std::size_t digits = e + 2;
    while (digits + 1 < out.size() && out[digits] == '0') out.erase(digits, 1);
  }
  return out;
}

}  // namespace

std::string inspect(const Value& value) {
  if (value.is_double()) return js_number(value.get_double());
  if (value.is_object()) {
    const auto& obj = value.get_object();
    if (obj.empty()) return "{}";
    std::string out = "{ ";
    bool first = true;
    for (const auto& [key, member] : obj) {
      if (!first) out += ", ";
      first = false;
      out += std::string(key) + ": " + inspect(member);
    }
    return out + " }";
  }
  if (value.is_array()) {
    std::string out = "[";
    bool first = true;
    for (const auto& item : value.get_array()) {
      if (!first) out += ", ";
      first = false;
      out += inspect(item);
    }
    return out + "]";
  }
  return boost::json::serialize(value);
}

Value literal_to_json(const ast::Value& literal) {
  switch (literal.kind) {
    case ast::ValueKind::kInt: {
      std::int64_t number = 0;
      auto [ptr, ec] =
          std::from_chars(literal.raw.data(), literal.raw.data() + literal.raw.size(), number);
      if (ec == std::errc()) return number;
      [[fallthrough]];
    }
    case ast::ValueKind::kFloat: {
      double d = 0;
      std::from_chars(literal.raw.data(), literal.raw.data() + literal.raw.size(), d);
      return d;
    }
    case ast::ValueKind::kString:
      return boost::json::string(literal.string);
    case ast::ValueKind::kBoolean:
      return literal.boolean;
    case ast::ValueKind::kEnum:
      return boost::json::string(literal.raw);
    case ast::ValueKind::kList: {
      boost::json::array out;
      for (const auto& item : literal.list) out.push_back(literal_to_json(item));
      return out;
    }
    case ast::ValueKind::kObject: {
      boost::json::object out;
      for (const auto& field : literal.fields) out[field.name] = literal_to_json(field.value);
      return out;
    }
    case ast::ValueKind::kNull:
    case ast::ValueKind::kVariable:
      return nullptr;
  }
  return nullptr;
}

}  // namespace myspace::graphql
