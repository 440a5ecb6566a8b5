#include "graphql/language/lexer.h"

#include <gtest/gtest.h>

namespace myspace::graphql {
namespace {

Token lex_one(std::string_view source) {
  Lexer lexer(source);
  return lexer.advance();
}

std::string lex_error(std::string_view source) {
  try {
    Lexer lexer(source);
    while (lexer.advance().kind != TokenKind::kEOF) {
    }
  } catch (const GraphQLException& e) {
    const auto& loc = e.error().locations.at(0);
    return e.error().message + " @" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
  return "no error";
}

TEST(Lexer, SkipsIgnoredTokensAndTracksPosition) {
  Lexer lexer("\xEF\xBB\xBF  # comment\n,, \r\n\tfoo\r  bar");
  const Token& foo = lexer.advance();
  EXPECT_EQ(foo.kind, TokenKind::kName);
  EXPECT_EQ(foo.raw, "foo");
  EXPECT_EQ(foo.loc, (SourceLocation{3, 2}));
  const Token& bar = lexer.advance();
  EXPECT_EQ(bar.raw, "bar");
  EXPECT_EQ(bar.loc, (SourceLocation{4, 3}));
  EXPECT_EQ(lexer.advance().kind, TokenKind::kEOF);
}

TEST(Lexer, ReadsPunctuatorsAndNumbers) {
  Lexer lexer("! $ & ( ) ... : = @ [ ] { | } -1.5e+3 0 4");
  std::vector<TokenKind> kinds;
  for (Token t = lexer.advance(); t.kind != TokenKind::kEOF; t = lexer.advance())
    kinds.push_back(t.kind);
  std::vector<TokenKind> expected = {TokenKind::kBang,     TokenKind::kDollar,   TokenKind::kAmp,
                                     TokenKind::kParenL,   TokenKind::kParenR,   TokenKind::kSpread,
                                     TokenKind::kColon,    TokenKind::kEquals,   TokenKind::kAt,
                                     TokenKind::kBracketL, TokenKind::kBracketR, TokenKind::kBraceL,
                                     TokenKind::kPipe,     TokenKind::kBraceR,   TokenKind::kFloat,
                                     TokenKind::kInt,      TokenKind::kInt};
  EXPECT_EQ(kinds, expected);
  EXPECT_EQ(lex_one("-1.5e+3").raw, "-1.5e+3");
}

TEST(Lexer, DecodesStringEscapes) {
  EXPECT_EQ(lex_one(R"("a\"b\\c\/d\b\f\n\r\t")").value, "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(lex_one(R"("\u00e9")").value, "\xC3\xA9");
  EXPECT_EQ(lex_one(R"("\u{1F600}")").value, "\xF0\x9F\x98\x80");
  EXPECT_EQ(lex_one(R"("\uD83D\uDE00")").value, "\xF0\x9F\x98\x80");
  EXPECT_EQ(lex_one(R"("\u{0}")").value, std::string(1, '\0'));
  EXPECT_EQ(lex_one("\"unicode \xE2\x98\x83\"").value, "unicode \xE2\x98\x83");
}

TEST(Lexer, RejectsBadEscapesWithGraphqlJsMessages) {
  EXPECT_EQ(lex_error(R"("\x")"), "Syntax Error: Invalid character escape sequence: \"\\x\". @1:2");
  EXPECT_EQ(lex_error(R"("\uD83D")"),
            "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\". @1:2");
  EXPECT_EQ(lex_error(R"("\uDE00")"),
            "Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\". @1:2");
  EXPECT_EQ(lex_error(R"("\u{110000}")"),
            "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\". @1:2");
  EXPECT_EQ(lex_error(R"("\u{D800}")"),
            "Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\". @1:2");
  EXPECT_EQ(lex_error(R"("\uXYZW")"),
            "Syntax Error: Invalid Unicode escape sequence: \"\\uXYZW\". @1:2");
}

TEST(Lexer, RejectsBadStringsAndCharacters) {
  EXPECT_EQ(lex_error("\"abc"), "Syntax Error: Unterminated string. @1:5");
  EXPECT_EQ(lex_error("\"ab\ncd\""), "Syntax Error: Unterminated string. @1:4");
  EXPECT_EQ(lex_error("\"a\x07\""), "Syntax Error: Invalid character within String: U+0007. @1:3");
  EXPECT_EQ(lex_error("\n  ?"), "Syntax Error: Unexpected character: \"?\". @2:3");
  EXPECT_EQ(lex_error("'a'"),
            "Syntax Error: Unexpected single quote character ('), did you mean to use a double "
            "quote (\")? @1:1");
  EXPECT_EQ(lex_error(".."), "Syntax Error: Unexpected character: \".\". @1:1");
  EXPECT_EQ(lex_error("\xE2\x98\x83"), "Syntax Error: Unexpected character: U+2603. @1:1");
  EXPECT_EQ(lex_error("\"\"\"abc"), "Syntax Error: Unterminated string. @1:7");
}

TEST(Lexer, RejectsBadNumbers) {
  EXPECT_EQ(lex_error("00"), "Syntax Error: Invalid number, unexpected digit after 0: \"0\". @1:2");
  EXPECT_EQ(lex_error("1."), "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:3");
  EXPECT_EQ(lex_error("1.A"), "Syntax Error: Invalid number, expected digit but got: \"A\". @1:3");
  EXPECT_EQ(lex_error("-A"), "Syntax Error: Invalid number, expected digit but got: \"A\". @1:2");
  EXPECT_EQ(lex_error("1.0e"), "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:5");
  EXPECT_EQ(lex_error("123abc"),
            "Syntax Error: Invalid number, expected digit but got: \"a\". @1:4");
  EXPECT_EQ(lex_error("1.2.3"),
            "Syntax Error: Invalid number, expected digit but got: \".\". @1:4");
  EXPECT_EQ(lex_error("\"\"\"a\x01\"\"\""),
            "Syntax Error: Invalid character within String: U+0001. @1:5");
}

// The examples of the spec's section 2.9.4 (Block Strings) and graphql-js's lexer tests.
TEST(Lexer, BlockStringsFollowTheSpecIndentationAlgorithm) {
  EXPECT_EQ(lex_one("\"\"\"simple\"\"\"").value, "simple");
  EXPECT_EQ(lex_one("\"\"\" white space \"\"\"").value, " white space ");
  EXPECT_EQ(lex_one("\"\"\"contains \" quote\"\"\"").value, "contains \" quote");
  EXPECT_EQ(lex_one("\"\"\"contains \\\"\"\" triple quote\"\"\"").value,
            "contains \"\"\" triple quote");
  EXPECT_EQ(lex_one("\"\"\"multi\nline\"\"\"").value, "multi\nline");
  EXPECT_EQ(lex_one("\"\"\"multi\rline\r\nnormalized\"\"\"").value, "multi\nline\nnormalized");
  EXPECT_EQ(lex_one("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"").value,
            "unescaped \\n\\r\\b\\t\\f\\u1234");
  EXPECT_EQ(lex_one("\"\"\"\n\n    spans\n      multiple\n        lines\n\n    \"\"\"").value,
            "spans\n  multiple\n    lines");
  // Spec example: the first line's indentation is kept, common indentation removed.
  EXPECT_EQ(
      lex_one("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"").value,
      "Hello,\n  World!\n\nYours,\n  GraphQL.");
  EXPECT_EQ(block_string_value("  first\n    second\n  third"), "  first\n  second\nthird");
  EXPECT_EQ(block_string_value("\n\n  \n"), "");
}

TEST(Lexer, BlockStringAdvancesLineNumbers) {
  Lexer lexer("\"\"\"a\nb\nc\"\"\" name");
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{1, 1}));
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{3, 6}));
}

// graphql-js counts columns in UTF-16 code units; so do we.
TEST(Lexer, ColumnsCountUtf16CodeUnits) {
  Lexer lexer("\"\xC3\xA9\xF0\x9F\x98\x80\" name # \xE2\x98\x83\n  \"\"\"\xF0\x9F\x98\x80\"\"\" x");
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{1, 1}));
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{1, 7}));  // "é😀" is 5 units
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{2, 3}));
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{2, 12}));
  EXPECT_EQ(lex_error("\"\xF0\x9F\x98\x80\" ?"), "Syntax Error: Unexpected character: \"?\". @1:6");
}

TEST(Lexer, LookaheadDoesNotConsume) {
  Lexer lexer("a\nb");
  lexer.advance();
  Token next = lexer.lookahead();
  EXPECT_EQ(next.raw, "b");
  EXPECT_EQ(next.loc, (SourceLocation{2, 1}));
  EXPECT_EQ(lexer.token().raw, "a");
  EXPECT_EQ(lexer.advance().loc, (SourceLocation{2, 1}));
}

TEST(Lexer, DescribesTokensLikeGraphqlJs) {
  EXPECT_EQ(token_description(lex_one("}")), "\"}\"");
  EXPECT_EQ(token_description(lex_one("foo")), "Name \"foo\"");
  EXPECT_EQ(token_description(lex_one("12")), "Int \"12\"");
  EXPECT_EQ(token_description(lex_one("\"s\"")), "String \"s\"");
  EXPECT_EQ(token_description(lex_one("")), "<EOF>");
}

}  // namespace
}  // namespace myspace::graphql
