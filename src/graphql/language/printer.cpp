#include "graphql/language/printer.h"

#include <cstdio>
#include <vector>

namespace myspace::graphql {
namespace {

using Strings = std::vector<std::string>;
constexpr std::size_t kMaxLineLength = 80;

std::string join(const Strings& items, std::string_view separator = "") {
  std::string out;
  for (const auto& item : items) {
    if (item.empty()) continue;
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string wrap(std::string_view start, const std::string& inner, std::string_view end = "") {
  if (inner.empty()) return {};
  std::string out(start);
  out += inner;
  out += end;
  return out;
}

std::string indent(const std::string& text) {
  if (text.empty()) return {};
  std::string out = "  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string block(const Strings& items) {
  return wrap("{\n", indent(join(items, "\n")), "\n}");
}

bool has_multiline_items(const Strings& items) {
  for (const auto& item : items) {
    if (item.find('\n') != std::string::npos) return true;
  }
  return false;
}

bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

template <typename T, typename F>
Strings map(const std::vector<T>& items, F&& f) {
  Strings out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(f(item));
  return out;
}

class Printer {
 public:
  std::string value(const ast::Value& v) const {
    switch (v.kind) {
      case ast::ValueKind::kVariable:
        return "$" + std::string(v.raw);
      case ast::ValueKind::kInt:
      case ast::ValueKind::kFloat:
      case ast::ValueKind::kEnum:
        return std::string(v.raw);
      case ast::ValueKind::kString:
        return v.block ? print_block_string(v.string) : print_string(v.string);
      case ast::ValueKind::kBoolean:
        return v.boolean ? "true" : "false";
      case ast::ValueKind::kNull:
        return "null";
      case ast::ValueKind::kList:
        return "[" + join(map(v.list, [&](const ast::Value& item) { return value(item); }), ", ") +
               "]";
      case ast::ValueKind::kObject:
        return "{" +
               join(map(v.fields,
                        [&](const ast::ObjectField& f) {
                          return std::string(f.name) + ": " + value(f.value);
                        }),
                    ", ") +
               "}";
    }
    return {};
  }

  std::string type(const ast::TypeRef& t) const {
    switch (t.kind) {
      case ast::TypeRef::Kind::kNamed:
        return std::string(t.name);
      case ast::TypeRef::Kind::kList:
        return "[" + type(*t.of) + "]";
      case ast::TypeRef::Kind::kNonNull:
        return type(*t.of) + "!";
    }
    return {};
  }

  std::string document(const ast::Document& doc) const {
    Strings defs;
    for (const auto& def : doc.definitions) {
      defs.push_back(std::visit([&](const auto& d) { return definition(d); }, def));
    }
    return join(defs, "\n\n");
  }

 private:
  Strings arguments(const std::vector<ast::Argument>& args) const {
    return map(args,
               [&](const ast::Argument& a) { return std::string(a.name) + ": " + value(a.value); });
  }

  std::string directives(const std::vector<ast::Directive>& dirs) const {
    return join(map(dirs,
                    [&](const ast::Directive& d) {
                      return "@" + std::string(d.name) +
                             wrap("(", join(arguments(d.arguments), ", "), ")");
                    }),
                " ");
  }

  std::string selection_set(const ast::SelectionSet& set) const {
    return block(map(set.selections, [&](const ast::Selection& s) { return selection(s); }));
  }

  std::string selection(const ast::Selection& s) const {
    switch (s.kind) {
      case ast::SelectionKind::kField: {
        std::string prefix = wrap("", std::string(s.alias), ": ") + std::string(s.name);
        Strings args = arguments(s.arguments);
        std::string line = prefix;
        if (!args.empty()) {
          std::string inline_args = "(" + join(args, ", ") + ")";
          line += prefix.size() + inline_args.size() > kMaxLineLength
                      ? wrap("(\n", indent(join(args, "\n")), "\n)")
                      : inline_args;
        }
        return line + wrap(" ", directives(s.directives)) +
               wrap(" ", selection_set(s.selection_set));
      }
      case ast::SelectionKind::kFragmentSpread:
        return "..." + std::string(s.name) + wrap(" ", directives(s.directives));
      case ast::SelectionKind::kInlineFragment:
        return join({"...", wrap("on ", std::string(s.type_condition)), directives(s.directives),
                     selection_set(s.selection_set)},
                    " ");
    }
    return {};
  }

  std::string definition(const ast::OperationDefinition& op) const {
    Strings vars = map(op.variables, [&](const ast::VariableDefinition& v) {
      return description(v.description) + "$" + std::string(v.name) + ": " + type(v.type) +
             (v.default_value ? " = " + value(*v.default_value) : "") +
             wrap(" ", directives(v.directives));
    });
    // (graphql-js 16.15 does not indent multi-line variable definitions.)
    std::string var_defs = has_multiline_items(vars) ? wrap("(\n", join(vars, "\n"), "\n)")
                                                     : wrap("(", join(vars, ", "), ")");
    std::string operation(ast::operation_type_name(op.operation));
    std::string prefix =
        description(op.description) +
        join({operation, join({std::string(op.name), var_defs}), directives(op.directives)}, " ");
    std::string body = selection_set(op.selection_set);
    if (op.operation == ast::OperationType::kQuery && prefix == operation) return body;
    return prefix + " " + body;
  }

  std::string definition(const ast::FragmentDefinition& frag) const {
    return description(frag.description) + "fragment " + std::string(frag.name) + " on " +
           std::string(frag.type_condition) + " " + wrap("", directives(frag.directives), " ") +
           selection_set(frag.selection_set);
  }

  std::string description(const std::optional<ast::Value>& desc) const {
    return desc ? value(*desc) + "\n" : "";
  }

  std::string input_value(const ast::InputValueDefinition& v) const {
    return description(v.description) + std::string(v.name) + ": " + type(v.type) +
           (v.default_value ? " = " + value(*v.default_value) : "") +
           wrap(" ", directives(v.directives));
  }

  std::string argument_definitions(const std::vector<ast::InputValueDefinition>& args) const {
    Strings items = map(args, [&](const ast::InputValueDefinition& a) { return input_value(a); });
    return has_multiline_items(items) ? wrap("(\n", indent(join(items, "\n")), "\n)")
                                      : wrap("(", join(items, ", "), ")");
  }

  std::string field_definition(const ast::FieldDefinition& f) const {
    return description(f.description) + std::string(f.name) + argument_definitions(f.arguments) +
           ": " + type(f.type) + wrap(" ", directives(f.directives));
  }

  static Strings names(const std::vector<ast::NameRef>& refs) {
    return map(refs, [](const ast::NameRef& r) { return std::string(r.name); });
  }

  std::string definition(const ast::TypeSystemDefinition& def) const {
    const std::string name(def.name);
    const std::string dirs = directives(def.directives);
    const std::string extend = def.extension ? "extend " : "";
    switch (def.kind) {
      case ast::TypeSystemKind::kSchema: {
        Strings ops = map(def.operation_types, [](const ast::RootOperationTypeDefinition& op) {
          return std::string(ast::operation_type_name(op.operation)) + ": " + std::string(op.type);
        });
        return description(def.description) + join({extend + "schema", dirs, block(ops)}, " ");
      }
      case ast::TypeSystemKind::kScalar:
        return description(def.description) + join({extend + "scalar", name, dirs}, " ");
      case ast::TypeSystemKind::kObject:
      case ast::TypeSystemKind::kInterface: {
        const char* keyword = def.kind == ast::TypeSystemKind::kObject ? "type" : "interface";
        Strings fields =
            map(def.fields, [&](const ast::FieldDefinition& f) { return field_definition(f); });
        return description(def.description) +
               join({extend + keyword, name,
                     wrap("implements ", join(names(def.interfaces), " & ")), dirs, block(fields)},
                    " ");
      }
      case ast::TypeSystemKind::kUnion:
        return description(def.description) +
               join({extend + "union", name, dirs, wrap("= ", join(names(def.members), " | "))},
                    " ");
      case ast::TypeSystemKind::kEnum: {
        Strings values = map(def.values, [&](const ast::EnumValueDefinition& v) {
          return description(v.description) +
                 join({std::string(v.name), directives(v.directives)}, " ");
        });
        return description(def.description) +
               join({extend + "enum", name, dirs, block(values)}, " ");
      }
      case ast::TypeSystemKind::kInputObject: {
        Strings fields = map(def.input_fields,
                             [&](const ast::InputValueDefinition& v) { return input_value(v); });
        return description(def.description) +
               join({extend + "input", name, dirs, block(fields)}, " ");
      }
      case ast::TypeSystemKind::kDirective:
        if (def.extension) return join({"extend directive @" + name, dirs}, " ");
        return description(def.description) + "directive @" + name +
               argument_definitions(def.arguments) + wrap(" ", dirs) +
               (def.repeatable ? " repeatable" : "") + " on " + join(names(def.locations), " | ");
    }
    return {};
  }
};

}  // namespace

std::string print(const ast::Document& document) {
  return Printer().document(document);
}
std::string print(const ast::Value& value) {
  return Printer().value(value);
}
std::string print(const ast::TypeRef& type) {
  return Printer().type(type);
}

std::string print_string(std::string_view value) {
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char ch = value[i];
    const auto c = static_cast<unsigned char>(ch);
    // U+0080..U+009F (C1 controls) are escaped too; in UTF-8 they are C2 80..C2 9F.
    const auto next = i + 1 < value.size() ? static_cast<unsigned char>(value[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(next));
      out += buf;
      ++i;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string print_block_string(std::string_view value) {
  std::string escaped;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.substr(i, 3) == "\"\"\"") {
      escaped += "\\\"\"\"";
      i += 2;
    } else {
      escaped += value[i];
    }
  }
  Strings lines;
  {
    std::size_t start = 0;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
      if (escaped[i] != '\n' && escaped[i] != '\r') continue;
      lines.push_back(escaped.substr(start, i - start));
      if (escaped[i] == '\r' && i + 1 < escaped.size() && escaped[i + 1] == '\n') ++i;
      start = i + 1;
    }
    lines.push_back(escaped.substr(start));
  }
  const bool single_line = lines.size() == 1;
  bool force_leading_new_line = lines.size() > 1;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (!lines[i].empty() && !is_white_space(lines[i][0])) force_leading_new_line = false;
  }
  auto ends_with = [](std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  };
  const bool trailing_triple_quotes = ends_with(escaped, "\\\"\"\"");
  const bool trailing_quote = ends_with(value, "\"") && !trailing_triple_quotes;
  const bool trailing_slash = ends_with(value, "\\");
  const bool force_trailing_new_line = trailing_quote || trailing_slash;
  const bool multiple_lines = !single_line || value.size() > 70 || force_trailing_new_line ||
                              force_leading_new_line || trailing_triple_quotes;
  const bool skip_leading_new_line = single_line && !value.empty() && is_white_space(value[0]);
  std::string result;
  if ((multiple_lines && !skip_leading_new_line) || force_leading_new_line) result += '\n';
  result += escaped;
  if (multiple_lines || force_trailing_new_line) result += '\n';
  return "\"\"\"" + result + "\"\"\"";
}

}  // namespace myspace::graphql
