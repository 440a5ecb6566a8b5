#pragma once
// The GraphQL lexer (spec section 2.1): turns source text into tokens, skipping
// ignored tokens (whitespace, commas, comments, BOM). Strings come out decoded:
// escapes (incl. \u{...} and surrogate pairs) resolved and block strings
// dedented per the spec's BlockStringValue(). Errors are GraphQLExceptions
// carrying graphql-js's messages and the offending line and column.

#include <cstdint>
#include <string>
#include <string_view>

#include "graphql/error/graphql_error.h"

namespace myspace::graphql {

enum class TokenKind {
  kSOF,
  kEOF,
  kBang,
  kDollar,
  kAmp,
  kParenL,
  kParenR,
  kSpread,
  kColon,
  kEquals,
  kAt,
  kBracketL,
  kBracketR,
  kBraceL,
  kPipe,
  kBraceR,
  kName,
  kInt,
  kFloat,
  kString,
  kBlockString,
};

struct Token {
  TokenKind kind = TokenKind::kSOF;
  std::uint32_t start = 0;  // byte offsets into the source
  std::uint32_t end = 0;
  SourceLocation loc;
  std::string_view raw;  // the token's text (names, numbers, punctuators)
  std::string value;     // decoded value of strings
};

// How graphql-js names a token in messages: `"{"`, `Name "foo"`, `<EOF>`.
std::string token_description(const Token& token);
std::string_view token_kind_name(TokenKind kind);

class Lexer {
 public:
  explicit Lexer(std::string_view source);

  // Reads the next significant token and makes it current.
  const Token& advance();
  const Token& token() const { return token_; }
  // The token after the current one, without consuming it.
  Token lookahead();

  // A syntax error at a byte offset of the source.
  [[noreturn]] void fail(std::uint32_t offset, const std::string& message) const;
  SourceLocation location_of(std::uint32_t offset) const;

 private:
  Token read_token(std::uint32_t pos);
  Token scan_token(std::uint32_t pos);
  std::uint32_t skip_ignored(std::uint32_t pos);
  Token make(TokenKind kind, std::uint32_t start, std::uint32_t end) const;
  Token read_name(std::uint32_t start);
  Token read_number(std::uint32_t start);
  std::uint32_t read_digits(std::uint32_t pos);
  Token read_string(std::uint32_t start);
  Token read_block_string(std::uint32_t start);
  std::uint32_t read_escape(std::uint32_t pos, std::string& out);
  std::uint32_t read_unicode_escape(std::uint32_t pos, std::string& out);
  std::string describe_char_at(std::uint32_t pos) const;
  void new_line(std::uint32_t next_line_start);
  // Columns count UTF-16 code units, as graphql-js's do; this tracks how many
  // more bytes than code units the current line has so far.
  void count_code_units(char c);
  SourceLocation loc_at(std::uint32_t offset) const;

  std::string_view source_;
  Token token_;
  // Line bookkeeping for the position where the next token starts.
  std::uint32_t line_ = 1;
  std::uint32_t line_start_ = 0;
  std::uint32_t scan_pos_ = 0;
  std::int32_t line_adjust_ = 0;
};

// The spec's BlockStringValue(rawValue): common indentation removed from all
// lines but the first, leading and trailing blank lines dropped.
std::string block_string_value(std::string_view raw);

}  // namespace myspace::graphql
