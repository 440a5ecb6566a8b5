#include "graphql/language/lexer.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace myspace::graphql {
namespace {

bool is_name_start(char c) {
  return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_continue(char c) {
  return is_name_start(c) || is_digit(c);
}
bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the UTF-8 sequence at `pos` leniently (for messages only).
std::uint32_t code_point_at(std::string_view s, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b = byte(pos);
  std::size_t extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (pos + extra >= s.size() + (extra == 0 ? 1 : 0) && extra > 0) return b;
  std::uint32_t cp = extra == 0 ? b : b & (0x3F >> extra);
  for (std::size_t i = 1; i <= extra; ++i) cp = (cp << 6) | (byte(pos + i) & 0x3F);
  return cp;
}

std::string code_point_name(std::uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

bool is_leading_surrogate(std::uint32_t cp) {
  return cp >= 0xD800 && cp <= 0xDBFF;
}
bool is_trailing_surrogate(std::uint32_t cp) {
  return cp >= 0xDC00 && cp <= 0xDFFF;
}

std::vector<std::string_view> split_lines(std::string_view raw) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\n' && raw[i] != '\r') continue;
    lines.push_back(raw.substr(start, i - start));
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    start = i + 1;
  }
  lines.push_back(raw.substr(start));
  return lines;
}

std::size_t leading_white_space(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && is_white_space(line[i])) ++i;
  return i;
}

}  // namespace

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::kSOF:
      return "<SOF>";
    case TokenKind::kEOF:
      return "<EOF>";
    case TokenKind::kBang:
      return "!";
    case TokenKind::kDollar:
      return "$";
    case TokenKind::kAmp:
      return "&";
    case TokenKind::kParenL:
      return "(";
    case TokenKind::kParenR:
      return ")";
    case TokenKind::kSpread:
      return "...";
    case TokenKind::kColon:
      return ":";
    case TokenKind::kEquals:
      return "=";
    case TokenKind::kAt:
      return "@";
    case TokenKind::kBracketL:
      return "[";
    case TokenKind::kBracketR:
      return "]";
    case TokenKind::kBraceL:
      return "{";
    case TokenKind::kPipe:
      return "|";
    case TokenKind::kBraceR:
      return "}";
    case TokenKind::kName:
      return "Name";
    case TokenKind::kInt:
      return "Int";
    case TokenKind::kFloat:
      return "Float";
    case TokenKind::kString:
      return "String";
    case TokenKind::kBlockString:
      return "BlockString";
  }
  return "";
}

std::string token_description(const Token& token) {
  switch (token.kind) {
    case TokenKind::kSOF:
    case TokenKind::kEOF:
      return std::string(token_kind_name(token.kind));
    case TokenKind::kName:
    case TokenKind::kInt:
    case TokenKind::kFloat:
      return std::string(token_kind_name(token.kind)) + " \"" + std::string(token.raw) + "\"";
    case TokenKind::kString:
    case TokenKind::kBlockString:
      return std::string(token_kind_name(token.kind)) + " \"" + token.value + "\"";
    default:
      return "\"" + std::string(token_kind_name(token.kind)) + "\"";
  }
}

std::string block_string_value(std::string_view raw) {
  auto lines = split_lines(raw);
  std::size_t common_indent = std::string_view::npos;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::size_t indent = leading_white_space(lines[i]);
    if (indent < lines[i].size()) common_indent = std::min(common_indent, indent);
  }
  if (common_indent != std::string_view::npos) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      lines[i] = lines[i].substr(std::min(common_indent, lines[i].size()));
    }
  }
  auto blank = [](std::string_view line) { return leading_white_space(line) == line.size(); };
  std::size_t first = 0;
  std::size_t last = lines.size();
  while (first < last && blank(lines[first])) ++first;
  while (last > first && blank(lines[last - 1])) --last;
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i != first) out += '\n';
    out += lines[i];
  }
  return out;
}

Lexer::Lexer(std::string_view source) : source_(source) {}

SourceLocation Lexer::location_of(std::uint32_t offset) const {
  SourceLocation loc{1, 1};
  std::uint32_t line_start = 0;
  for (std::uint32_t i = 0; i < offset && i < source_.size(); ++i) {
    char c = source_[i];
    if (c == '\n' || (c == '\r' && !(i + 1 < source_.size() && source_[i + 1] == '\n'))) {
      ++loc.line;
      line_start = i + 1;
    }
  }
  std::uint32_t column = 1;
  for (std::uint32_t i = line_start; i < offset && i < source_.size(); ++i) {
    const auto c = static_cast<unsigned char>(source_[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    column += c >= 0xF0 ? 2 : 1;       // astral characters are two UTF-16 units
  }
  loc.column = column;
  return loc;
}

void Lexer::count_code_units(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  if ((c & 0xC0) == 0x80) {
    ++line_adjust_;
  } else if (c >= 0xF0) {
    --line_adjust_;
  }
}

SourceLocation Lexer::loc_at(std::uint32_t offset) const {
  return {line_, static_cast<std::uint32_t>(static_cast<std::int32_t>(offset - line_start_) -
                                            line_adjust_ + 1)};
}

void Lexer::fail(std::uint32_t offset, const std::string& message) const {
  GraphQLError error;
  error.message = "Syntax Error: " + message;
  error.locations.push_back(location_of(offset));
  error.extensions["code"] = "GRAPHQL_PARSE_FAILED";
  throw GraphQLException(std::move(error));
}

std::string Lexer::describe_char_at(std::uint32_t pos) const {
  if (pos >= source_.size()) return "<EOF>";
  char c = source_[pos];
  if (c >= 0x20 && c <= 0x7E) {
    if (c == '"') return "'\"'";
    return std::string("\"") + c + "\"";
  }
  return code_point_name(code_point_at(source_, pos));
}

const Token& Lexer::advance() {
  if (token_.kind != TokenKind::kEOF) token_ = read_token(scan_pos_);
  return token_;
}

Token Lexer::lookahead() {
  if (token_.kind == TokenKind::kEOF) return token_;
  auto saved_line = line_;
  auto saved_line_start = line_start_;
  auto saved_pos = scan_pos_;
  auto saved_adjust = line_adjust_;
  Token next = read_token(scan_pos_);
  line_ = saved_line;
  line_start_ = saved_line_start;
  scan_pos_ = saved_pos;
  line_adjust_ = saved_adjust;
  return next;
}

void Lexer::new_line(std::uint32_t next_line_start) {
  ++line_;
  line_start_ = next_line_start;
  line_adjust_ = 0;
}

std::uint32_t Lexer::skip_ignored(std::uint32_t pos) {
  const auto size = static_cast<std::uint32_t>(source_.size());
  while (pos < size) {
    char c = source_[pos];
    if (c == ' ' || c == '\t' || c == ',') {
      ++pos;
    } else if (c == '\n') {
      new_line(++pos);
    } else if (c == '\r') {
      pos += (pos + 1 < size && source_[pos + 1] == '\n') ? 2 : 1;
      new_line(pos);
    } else if (c == '#') {
      while (pos < size && source_[pos] != '\n' && source_[pos] != '\r')
        count_code_units(source_[pos++]);
    } else if (source_.substr(pos, 3) == "\xEF\xBB\xBF") {
      pos += 3;
      line_adjust_ += 2;
    } else {
      break;
    }
  }
  return pos;
}

Token Lexer::make(TokenKind kind, std::uint32_t start, std::uint32_t end) const {
  Token token;
  token.kind = kind;
  token.start = start;
  token.end = end;
  token.loc = loc_at(start);
  token.raw = source_.substr(start, end - start);
  return token;
}

Token Lexer::read_token(std::uint32_t pos) {
  Token token = scan_token(skip_ignored(pos));
  scan_pos_ = token.end;
  return token;
}

// Every branch returns the token it makes, so it is built in place (no Token
// moved from one to another: a Token holds a std::string).
Token Lexer::scan_token(std::uint32_t pos) {
  const auto size = static_cast<std::uint32_t>(source_.size());
  if (pos >= size) {
    return make(TokenKind::kEOF, size, size);
  } else {
    auto punct = [&](TokenKind kind, std::uint32_t length) {
      return make(kind, pos, pos + length);
    };
    switch (source_[pos]) {
      case '!':
        return punct(TokenKind::kBang, 1);
      case '$':
        return punct(TokenKind::kDollar, 1);
      case '&':
        return punct(TokenKind::kAmp, 1);
      case '(':
        return punct(TokenKind::kParenL, 1);
      case ')':
        return punct(TokenKind::kParenR, 1);
      case ':':
        return punct(TokenKind::kColon, 1);
      case '=':
        return punct(TokenKind::kEquals, 1);
      case '@':
        return punct(TokenKind::kAt, 1);
      case '[':
        return punct(TokenKind::kBracketL, 1);
      case ']':
        return punct(TokenKind::kBracketR, 1);
      case '{':
        return punct(TokenKind::kBraceL, 1);
      case '|':
        return punct(TokenKind::kPipe, 1);
      case '}':
        return punct(TokenKind::kBraceR, 1);
      case '.':
        if (source_.substr(pos, 3) == "...") {
          return punct(TokenKind::kSpread, 3);
        }
        fail(pos, "Unexpected character: " + describe_char_at(pos) + ".");
      case '"':
        return source_.substr(pos, 3) == "\"\"\"" ? read_block_string(pos) : read_string(pos);
      default: {
        char c = source_[pos];
        if (is_digit(c) || c == '-') {
          return read_number(pos);
        } else if (is_name_start(c)) {
          return read_name(pos);
        } else if (c == '\'') {
          fail(pos,
               "Unexpected single quote character ('), did you mean to use a double quote (\")?");
        } else {
          fail(pos, "Unexpected character: " + describe_char_at(pos) + ".");
        }
      }
    }
  }
}

Token Lexer::read_name(std::uint32_t start) {
  std::uint32_t pos = start + 1;
  while (pos < source_.size() && is_name_continue(source_[pos])) ++pos;
  return make(TokenKind::kName, start, pos);
}

std::uint32_t Lexer::read_digits(std::uint32_t pos) {
  if (pos >= source_.size() || !is_digit(source_[pos])) {
    fail(pos, "Invalid number, expected digit but got: " + describe_char_at(pos) + ".");
  }
  while (pos < source_.size() && is_digit(source_[pos])) ++pos;
  return pos;
}

Token Lexer::read_number(std::uint32_t start) {
  std::uint32_t pos = start;
  auto at = [&](std::uint32_t i) { return i < source_.size() ? source_[i] : '\0'; };
  bool is_float = false;
  if (at(pos) == '-') ++pos;
  if (at(pos) == '0') {
    ++pos;
    if (is_digit(at(pos))) {
      fail(pos, "Invalid number, unexpected digit after 0: " + describe_char_at(pos) + ".");
    }
  } else {
    pos = read_digits(pos);
  }
  if (at(pos) == '.') {
    is_float = true;
    pos = read_digits(pos + 1);
  }
  if (at(pos) == 'e' || at(pos) == 'E') {
    is_float = true;
    ++pos;
    if (at(pos) == '+' || at(pos) == '-') ++pos;
    pos = read_digits(pos);
  }
  if (at(pos) == '.' || is_name_start(at(pos))) {
    fail(pos, "Invalid number, expected digit but got: " + describe_char_at(pos) + ".");
  }
  return make(is_float ? TokenKind::kFloat : TokenKind::kInt, start, pos);
}

Token Lexer::read_string(std::uint32_t start) {
  const SourceLocation start_loc = loc_at(start);
  std::string value;
  std::uint32_t pos = start + 1;
  std::uint32_t chunk = pos;
  const auto size = static_cast<std::uint32_t>(source_.size());
  while (pos < size) {
    char c = source_[pos];
    if (c == '"') {
      value.append(source_.substr(chunk, pos - chunk));
      Token token = make(TokenKind::kString, start, pos + 1);
      token.loc = start_loc;
      token.value = std::move(value);
      return token;
    }
    if (c == '\\') {
      value.append(source_.substr(chunk, pos - chunk));
      pos = read_escape(pos, value);
      chunk = pos;
      continue;
    }
    if (c == '\n' || c == '\r') break;
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      fail(pos, "Invalid character within String: " + describe_char_at(pos) + ".");
    }
    count_code_units(c);
    ++pos;
  }
  fail(pos, "Unterminated string.");
}

// Reads the escape sequence starting at the backslash at `pos`.
std::uint32_t Lexer::read_escape(std::uint32_t pos, std::string& out) {
  char c = pos + 1 < source_.size() ? source_[pos + 1] : '\0';
  switch (c) {
    case '"':
      out += '"';
      return pos + 2;
    case '\\':
      out += '\\';
      return pos + 2;
    case '/':
      out += '/';
      return pos + 2;
    case 'b':
      out += '\b';
      return pos + 2;
    case 'f':
      out += '\f';
      return pos + 2;
    case 'n':
      out += '\n';
      return pos + 2;
    case 'r':
      out += '\r';
      return pos + 2;
    case 't':
      out += '\t';
      return pos + 2;
    case 'u':
      return read_unicode_escape(pos, out);
    default:
      fail(pos, "Invalid character escape sequence: \"" +
                    std::string(source_.substr(pos, c == '\0' ? 1 : 2)) + "\".");
  }
}

std::uint32_t Lexer::read_unicode_escape(std::uint32_t pos, std::string& out) {
  auto at = [&](std::size_t i) { return i < source_.size() ? source_[i] : '\0'; };
  auto invalid = [&](std::size_t length) {
    fail(pos, "Invalid Unicode escape sequence: \"" +
                  std::string(source_.substr(pos, std::min(length, source_.size() - pos))) + "\".");
  };
  auto read_fixed = [&](std::size_t at_pos) -> long {
    long cp = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      int h = hex_value(at(at_pos + i));
      if (h < 0) return -1;
      cp = cp * 16 + h;
    }
    return cp;
  };
  if (at(pos + 2) == '{') {
    std::uint32_t cp = 0;
    std::size_t i = pos + 3;
    for (; at(i) != '}'; ++i) {
      int h = hex_value(at(i));
      if (h < 0 || cp > 0x10FFFF) invalid(i - pos + 1);
      cp = cp * 16 + static_cast<std::uint32_t>(h);
    }
    if (i == pos + 3 || cp > 0x10FFFF || is_leading_surrogate(cp) || is_trailing_surrogate(cp)) {
      invalid(i - pos + 1);
    }
    append_utf8(out, cp);
    return static_cast<std::uint32_t>(i + 1);
  }
  long cp = read_fixed(pos + 2);
  if (cp < 0) invalid(6);
  auto code = static_cast<std::uint32_t>(cp);
  if (is_trailing_surrogate(code)) invalid(6);
  if (is_leading_surrogate(code)) {
    long trail = at(pos + 6) == '\\' && at(pos + 7) == 'u' ? read_fixed(pos + 8) : -1;
    if (trail < 0 || !is_trailing_surrogate(static_cast<std::uint32_t>(trail))) invalid(6);
    code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<std::uint32_t>(trail) - 0xDC00);
    append_utf8(out, code);
    return pos + 12;
  }
  append_utf8(out, code);
  return pos + 6;
}

Token Lexer::read_block_string(std::uint32_t start) {
  // The token's location is where it starts; lines inside advance the lexer's
  // line count for the tokens after it.
  const SourceLocation start_loc = loc_at(start);
  std::string raw;
  std::uint32_t pos = start + 3;
  std::uint32_t chunk = pos;
  const auto size = static_cast<std::uint32_t>(source_.size());
  while (pos < size) {
    char c = source_[pos];
    if (c == '"' && source_.substr(pos, 3) == "\"\"\"") {
      raw.append(source_.substr(chunk, pos - chunk));
      Token token;
      token.kind = TokenKind::kBlockString;
      token.start = start;
      token.end = pos + 3;
      token.loc = start_loc;
      token.raw = source_.substr(start, token.end - start);
      token.value = block_string_value(raw);
      return token;
    }
    if (c == '\\' && source_.substr(pos, 4) == "\\\"\"\"") {
      raw.append(source_.substr(chunk, pos - chunk));
      raw += "\"\"\"";
      pos += 4;
      chunk = pos;
      continue;
    }
    if (c == '\n' || c == '\r') {
      pos += (c == '\r' && pos + 1 < size && source_[pos + 1] == '\n') ? 2 : 1;
      new_line(pos);
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      fail(pos, "Invalid character within String: " + describe_char_at(pos) + ".");
    }
    count_code_units(c);
    ++pos;
  }
  fail(pos, "Unterminated string.");
}

}  // namespace myspace::graphql
