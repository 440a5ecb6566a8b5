#include "graphql/language/parser.h"

#include <array>
#include <iterator>
#include <vector>

#include "graphql/language/lexer.h"

namespace myspace::graphql {
namespace {

constexpr std::array<std::string_view, 20> kDirectiveLocations = {"QUERY",
                                                                  "MUTATION",
                                                                  "SUBSCRIPTION",
                                                                  "FIELD",
                                                                  "FRAGMENT_DEFINITION",
                                                                  "FRAGMENT_SPREAD",
                                                                  "INLINE_FRAGMENT",
                                                                  "VARIABLE_DEFINITION",
                                                                  "SCHEMA",
                                                                  "SCALAR",
                                                                  "OBJECT",
                                                                  "FIELD_DEFINITION",
                                                                  "ARGUMENT_DEFINITION",
                                                                  "INTERFACE",
                                                                  "UNION",
                                                                  "ENUM",
                                                                  "ENUM_VALUE",
                                                                  "INPUT_OBJECT",
                                                                  "INPUT_FIELD_DEFINITION",
                                                                  "DIRECTIVE_DEFINITION"};

class Parser {
 public:
  Parser(std::string_view source, const ParseOptions& options) : lexer_(source), options_(options) {
    if (options_.max_source_length != 0) check_source_length(source);
    selection_stack_.reserve(kUsualSelectionStack);
    advance();
  }

  ast::Document parse_document() {
    ast::Document doc;
    do {
      doc.definitions.push_back(parse_definition());
    } while (!peek(TokenKind::kEOF));
    return doc;
  }

  ast::Value parse_lone_value() {
    ast::Value value = parse_value(false);
    expect(TokenKind::kEOF);
    return value;
  }

 private:
  // graphql-js's maxSourceLength, before any token is read: the length in
  // UTF-16 code units (JavaScript's, which graphql-armor's character limit
  // counts too), the error located at the first unit past the limit.
  void check_source_length(std::string_view source) const {
    const std::size_t max = options_.max_source_length;
    std::size_t units = 0;
    for (std::size_t i = 0; i < source.size(); ++i) {
      const auto c = static_cast<unsigned char>(source[i]);
      if ((c & 0xC0) == 0x80) continue;             // continuation byte
      const std::size_t width = c >= 0xF0 ? 2 : 1;  // astral characters are two units
      if (units + width > max) {
        // (The unit past the limit may be the second half of an astral character.)
        SourceLocation at = lexer_.location_of(static_cast<std::uint32_t>(i));
        at.column += static_cast<std::uint32_t>(max - units);
        GraphQLError error;
        error.message = "Syntax Error: Source contains more than " + std::to_string(max) +
                        " UTF-16 code units. Parsing aborted.";
        error.locations.push_back(at);
        error.extensions["code"] = "GRAPHQL_PARSE_FAILED";
        throw GraphQLException(std::move(error));
      }
      units += width;
    }
  }

  // RAII guard for nesting depth.
  struct Nested {
    explicit Nested(Parser& p) : parser(p) {
      if (++parser.depth_ > parser.options_.max_depth) {
        parser.lexer_.fail(parser.token().start, "Document exceeds the maximum nesting depth of " +
                                                     std::to_string(parser.options_.max_depth) +
                                                     ".");
      }
    }
    ~Nested() { --parser.depth_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;
    Parser& parser;
  };

  const Token& token() const { return lexer_.token(); }
  bool peek(TokenKind kind) const { return token().kind == kind; }
  bool peek_keyword(std::string_view word) const {
    return peek(TokenKind::kName) && token().raw == word;
  }

  void advance() {
    lexer_.advance();
    if (options_.max_tokens != 0 && token().kind != TokenKind::kEOF &&
        ++token_count_ > options_.max_tokens) {
      lexer_.fail(token().start, "Document contains more than " +
                                     std::to_string(options_.max_tokens) +
                                     " tokens. Parsing aborted.");
    }
  }

  [[noreturn]] void unexpected(const Token& at) const {
    lexer_.fail(at.start, "Unexpected " + token_description(at) + ".");
  }
  [[noreturn]] void unexpected() const { unexpected(token()); }

  // Moves past a token of `kind` and returns its text, a view of the source
  // (not a copy of the token: most tokens are punctuators and names).
  std::string_view expect(TokenKind kind) {
    if (!peek(kind)) {
      lexer_.fail(token().start, "Expected " + std::string(token_description_of(kind)) +
                                     ", found " + token_description(token()) + ".");
    }
    const std::string_view raw = token().raw;
    advance();
    return raw;
  }

  static std::string token_description_of(TokenKind kind) {
    std::string_view name = token_kind_name(kind);
    switch (kind) {
      case TokenKind::kName:
      case TokenKind::kInt:
      case TokenKind::kFloat:
      case TokenKind::kString:
      case TokenKind::kBlockString:
      case TokenKind::kEOF:
        return std::string(name);
      default:
        return "\"" + std::string(name) + "\"";
    }
  }

  bool skip(TokenKind kind) {
    if (!peek(kind)) return false;
    advance();
    return true;
  }

  void expect_keyword(std::string_view word) {
    if (!peek_keyword(word)) {
      lexer_.fail(token().start, "Expected \"" + std::string(word) + "\", found " +
                                     token_description(token()) + ".");
    }
    advance();
  }

  bool skip_keyword(std::string_view word) {
    if (!peek_keyword(word)) return false;
    advance();
    return true;
  }

  std::string_view parse_name() { return expect(TokenKind::kName); }

  ast::NameRef parse_name_ref() {
    ast::NameRef ref;
    ref.loc = token().loc;
    ref.name = parse_name();
    return ref;
  }

  // --- Definitions -----------------------------------------------------------

  ast::Definition parse_definition() {
    if (peek(TokenKind::kBraceL)) return parse_operation_definition();
    const bool has_description = peek(TokenKind::kString) || peek(TokenKind::kBlockString);
    const Token keyword = has_description ? lexer_.lookahead() : token();
    if (has_description && keyword.kind == TokenKind::kBraceL) {
      lexer_.fail(token().start,
                  "Unexpected description, descriptions are not supported on shorthand queries.");
    }
    if (keyword.kind == TokenKind::kName) {
      const std::string_view word = keyword.raw;
      if (word == "schema" || word == "scalar" || word == "type" || word == "interface" ||
          word == "union" || word == "enum" || word == "input" || word == "directive") {
        return parse_type_system_definition(word);
      }
      if (word == "query" || word == "mutation" || word == "subscription") {
        return parse_operation_definition();
      }
      if (word == "fragment") return parse_fragment_definition();
      if (has_description) {
        lexer_.fail(token().start,
                    "Unexpected description, only GraphQL definitions support descriptions.");
      }
      if (word == "extend") return parse_type_system_extension();
    }
    unexpected(keyword);
  }

  ast::OperationDefinition parse_operation_definition() {
    ast::OperationDefinition op;
    op.loc = token().loc;
    if (peek(TokenKind::kBraceL)) {
      op.shorthand = true;
      op.selection_set = parse_selection_set();
      return op;
    }
    op.description = parse_description();
    op.operation = parse_operation_type();
    if (peek(TokenKind::kName)) {
      op.name_loc = token().loc;
      op.name = parse_name();
    }
    op.variables = parse_variable_definitions();
    op.directives = parse_directives(false);
    op.selection_set = parse_selection_set();
    return op;
  }

  ast::OperationType parse_operation_type() {
    const Token t = token();  // for the error below, once it is consumed
    expect(TokenKind::kName);
    if (t.raw == "query") return ast::OperationType::kQuery;
    if (t.raw == "mutation") return ast::OperationType::kMutation;
    if (t.raw == "subscription") return ast::OperationType::kSubscription;
    unexpected(t);
  }

  std::vector<ast::VariableDefinition> parse_variable_definitions() {
    std::vector<ast::VariableDefinition> defs;
    if (!skip(TokenKind::kParenL)) return defs;
    do {
      ast::VariableDefinition def;
      def.loc = token().loc;
      def.description = parse_description();
      expect(TokenKind::kDollar);
      def.name = parse_name();
      expect(TokenKind::kColon);
      def.type = parse_type_ref();
      if (skip(TokenKind::kEquals)) def.default_value = parse_value(true);
      def.directives = parse_directives(true);
      defs.push_back(std::move(def));
    } while (!skip(TokenKind::kParenR));
    return defs;
  }

  ast::SelectionSet parse_selection_set() {
    Nested nested(*this);
    ast::SelectionSet set;
    set.loc = token().loc;
    expect(TokenKind::kBraceL);
    // Selections gather on a stack shared by every set of the document (the
    // sets nested in a selection are done before it is pushed), then move into
    // a vector of the right size: one allocation per set rather than one per
    // doubling (the stack grows once per document).
    const std::size_t first = selection_stack_.size();
    do {
      selection_stack_.push_back(parse_selection());
    } while (!skip(TokenKind::kBraceR));
    set.selections.assign(std::make_move_iterator(selection_stack_.begin() + first),
                          std::make_move_iterator(selection_stack_.end()));
    selection_stack_.resize(first);
    return set;
  }

  ast::Selection parse_selection() {
    ast::Selection sel;
    sel.loc = token().loc;
    if (skip(TokenKind::kSpread)) {
      if (peek(TokenKind::kName) && token().raw != "on") {
        sel.kind = ast::SelectionKind::kFragmentSpread;
        sel.name_loc = token().loc;
        sel.name = parse_name();
        sel.directives = parse_directives(false);
        return sel;
      }
      sel.kind = ast::SelectionKind::kInlineFragment;
      if (skip_keyword("on")) {
        sel.type_condition_loc = token().loc;
        sel.type_condition = parse_name();
      }
      sel.directives = parse_directives(false);
      sel.selection_set = parse_selection_set();
      return sel;
    }
    sel.kind = ast::SelectionKind::kField;
    std::string_view name = parse_name();
    if (skip(TokenKind::kColon)) {
      sel.alias = name;
      name = parse_name();
    }
    sel.name = name;
    sel.arguments = parse_arguments(false);
    sel.directives = parse_directives(false);
    if (peek(TokenKind::kBraceL)) sel.selection_set = parse_selection_set();
    return sel;
  }

  std::vector<ast::Argument> parse_arguments(bool is_const) {
    std::vector<ast::Argument> args;
    if (!skip(TokenKind::kParenL)) return args;
    do {
      ast::Argument arg;
      arg.loc = token().loc;
      arg.name = parse_name();
      expect(TokenKind::kColon);
      arg.value = parse_value(is_const);
      args.push_back(std::move(arg));
    } while (!skip(TokenKind::kParenR));
    return args;
  }

  ast::FragmentDefinition parse_fragment_definition() {
    ast::FragmentDefinition frag;
    frag.loc = token().loc;
    frag.description = parse_description();
    expect_keyword("fragment");
    if (peek_keyword("on")) unexpected();
    frag.name_loc = token().loc;
    frag.name = parse_name();
    expect_keyword("on");
    frag.type_condition_loc = token().loc;
    frag.type_condition = parse_name();
    frag.directives = parse_directives(false);
    frag.selection_set = parse_selection_set();
    return frag;
  }

  // --- Values and types ------------------------------------------------------

  ast::Value parse_value(bool is_const) {
    Nested nested(*this);
    ast::Value value;
    value.loc = token().loc;
    switch (token().kind) {
      case TokenKind::kBracketL:
        value.kind = ast::ValueKind::kList;
        advance();
        while (!skip(TokenKind::kBracketR)) value.list.push_back(parse_value(is_const));
        return value;
      case TokenKind::kBraceL:
        value.kind = ast::ValueKind::kObject;
        advance();
        while (!skip(TokenKind::kBraceR)) {
          ast::ObjectField field;
          field.loc = token().loc;
          field.name = parse_name();
          expect(TokenKind::kColon);
          field.value = parse_value(is_const);
          value.fields.push_back(std::move(field));
        }
        return value;
      case TokenKind::kInt:
      case TokenKind::kFloat:
        value.kind = peek(TokenKind::kInt) ? ast::ValueKind::kInt : ast::ValueKind::kFloat;
        value.raw = token().raw;
        advance();
        return value;
      case TokenKind::kString:
      case TokenKind::kBlockString:
        return parse_string_literal();
      case TokenKind::kName:
        value.raw = token().raw;
        if (value.raw == "true" || value.raw == "false") {
          value.kind = ast::ValueKind::kBoolean;
          value.boolean = value.raw == "true";
        } else if (value.raw == "null") {
          value.kind = ast::ValueKind::kNull;
        } else {
          value.kind = ast::ValueKind::kEnum;
        }
        advance();
        return value;
      case TokenKind::kDollar:
        if (is_const) {
          const Token dollar = token();
          advance();
          if (peek(TokenKind::kName)) {
            lexer_.fail(dollar.start, "Unexpected variable \"$" + std::string(token().raw) +
                                          "\" in constant value.");
          }
          unexpected(dollar);
        }
        advance();
        value.kind = ast::ValueKind::kVariable;
        value.raw = parse_name();
        return value;
      default:
        unexpected();
    }
  }

  ast::Value parse_string_literal() {
    ast::Value value;
    value.loc = token().loc;
    value.kind = ast::ValueKind::kString;
    value.block = peek(TokenKind::kBlockString);
    value.string = token().value;
    advance();
    return value;
  }

  ast::TypeRef parse_type_ref() {
    Nested nested(*this);
    ast::TypeRef type;
    type.loc = token().loc;
    if (skip(TokenKind::kBracketL)) {
      type.kind = ast::TypeRef::Kind::kList;
      type.of = std::make_unique<ast::TypeRef>(parse_type_ref());
      expect(TokenKind::kBracketR);
    } else {
      type.name = parse_name();
    }
    if (skip(TokenKind::kBang)) {
      ast::TypeRef non_null;
      non_null.kind = ast::TypeRef::Kind::kNonNull;
      non_null.loc = type.loc;
      non_null.of = std::make_unique<ast::TypeRef>(std::move(type));
      return non_null;
    }
    return type;
  }

  std::vector<ast::Directive> parse_directives(bool is_const) {
    std::vector<ast::Directive> directives;
    while (peek(TokenKind::kAt)) {
      ast::Directive directive;
      directive.loc = token().loc;
      advance();
      directive.name = parse_name();
      directive.arguments = parse_arguments(is_const);
      directives.push_back(std::move(directive));
    }
    return directives;
  }

  // --- Type system -----------------------------------------------------------

  std::optional<ast::Value> parse_description() {
    if (peek(TokenKind::kString) || peek(TokenKind::kBlockString)) return parse_string_literal();
    return std::nullopt;
  }

  ast::TypeSystemDefinition parse_type_system_definition(std::string_view word) {
    ast::TypeSystemDefinition def;
    def.loc = token().loc;
    def.description = parse_description();
    advance();  // the keyword
    parse_type_system_body(word, def);
    return def;
  }

  ast::TypeSystemDefinition parse_type_system_extension() {
    ast::TypeSystemDefinition def;
    def.loc = token().loc;
    def.extension = true;
    advance();  // "extend"
    const Token keyword = token();
    if (keyword.kind == TokenKind::kName && keyword.raw == "directive" &&
        options_.directives_on_directive_definitions) {
      // extend directive @name @deprecated: directives only.
      advance();
      def.kind = ast::TypeSystemKind::kDirective;
      expect(TokenKind::kAt);
      def.name = parse_name();
      def.directives = parse_directives(true);
      if (def.directives.empty()) unexpected();
      return def;
    }
    if (keyword.kind != TokenKind::kName || keyword.raw == "directive") unexpected(keyword);
    const std::string_view word = keyword.raw;
    if (word != "schema" && word != "scalar" && word != "type" && word != "interface" &&
        word != "union" && word != "enum" && word != "input") {
      unexpected(keyword);
    }
    advance();
    parse_type_system_body(word, def);
    const bool empty = def.directives.empty() && def.interfaces.empty() && def.fields.empty() &&
                       def.members.empty() && def.values.empty() && def.input_fields.empty() &&
                       def.operation_types.empty();
    if (empty) unexpected();
    return def;
  }

  // Everything after the keyword; shared by definitions and extensions.
  void parse_type_system_body(std::string_view word, ast::TypeSystemDefinition& def) {
    if (word == "schema") {
      def.kind = ast::TypeSystemKind::kSchema;
      def.directives = parse_directives(true);
      if (def.extension && !peek(TokenKind::kBraceL)) return;
      def.operation_types = parse_operation_types();
      return;
    }
    if (word == "directive") return parse_directive_definition_body(def);
    def.name = parse_name();
    if (word == "scalar") {
      def.kind = ast::TypeSystemKind::kScalar;
      def.directives = parse_directives(true);
    } else if (word == "type" || word == "interface") {
      def.kind = word == "type" ? ast::TypeSystemKind::kObject : ast::TypeSystemKind::kInterface;
      def.interfaces = parse_implements();
      def.directives = parse_directives(true);
      def.fields = parse_fields_definition();
    } else if (word == "union") {
      def.kind = ast::TypeSystemKind::kUnion;
      def.directives = parse_directives(true);
      if (skip(TokenKind::kEquals)) {
        skip(TokenKind::kPipe);
        do {
          def.members.push_back(parse_name_ref());
        } while (skip(TokenKind::kPipe));
      }
    } else if (word == "enum") {
      def.kind = ast::TypeSystemKind::kEnum;
      def.directives = parse_directives(true);
      def.values = parse_enum_values();
    } else {
      def.kind = ast::TypeSystemKind::kInputObject;
      def.directives = parse_directives(true);
      def.input_fields = parse_input_values(TokenKind::kBraceL, TokenKind::kBraceR);
    }
  }

  std::vector<ast::RootOperationTypeDefinition> parse_operation_types() {
    std::vector<ast::RootOperationTypeDefinition> types;
    expect(TokenKind::kBraceL);
    do {
      ast::RootOperationTypeDefinition op;
      op.loc = token().loc;
      op.operation = parse_operation_type();
      expect(TokenKind::kColon);
      op.type = parse_name();
      types.push_back(op);
    } while (!skip(TokenKind::kBraceR));
    return types;
  }

  std::vector<ast::NameRef> parse_implements() {
    std::vector<ast::NameRef> interfaces;
    if (!skip_keyword("implements")) return interfaces;
    skip(TokenKind::kAmp);
    do {
      interfaces.push_back(parse_name_ref());
    } while (skip(TokenKind::kAmp));
    return interfaces;
  }

  std::vector<ast::FieldDefinition> parse_fields_definition() {
    std::vector<ast::FieldDefinition> fields;
    if (!skip(TokenKind::kBraceL)) return fields;
    do {
      ast::FieldDefinition field;
      field.loc = token().loc;
      field.description = parse_description();
      field.name = parse_name();
      field.arguments = parse_input_values(TokenKind::kParenL, TokenKind::kParenR);
      expect(TokenKind::kColon);
      field.type = parse_type_ref();
      field.directives = parse_directives(true);
      fields.push_back(std::move(field));
    } while (!skip(TokenKind::kBraceR));
    return fields;
  }

  // An optional, non-empty list of input value definitions between open and close.
  std::vector<ast::InputValueDefinition> parse_input_values(TokenKind open, TokenKind close) {
    std::vector<ast::InputValueDefinition> values;
    if (!skip(open)) return values;
    do {
      ast::InputValueDefinition value;
      value.loc = token().loc;
      value.description = parse_description();
      value.name = parse_name();
      expect(TokenKind::kColon);
      value.type = parse_type_ref();
      if (skip(TokenKind::kEquals)) value.default_value = parse_value(true);
      value.directives = parse_directives(true);
      values.push_back(std::move(value));
    } while (!skip(close));
    return values;
  }

  std::vector<ast::EnumValueDefinition> parse_enum_values() {
    std::vector<ast::EnumValueDefinition> values;
    if (!skip(TokenKind::kBraceL)) return values;
    do {
      ast::EnumValueDefinition value;
      value.loc = token().loc;
      value.description = parse_description();
      if (peek_keyword("true") || peek_keyword("false") || peek_keyword("null")) {
        lexer_.fail(token().start, token_description(token()) +
                                       " is reserved and cannot be used for an enum value.");
      }
      value.name = parse_name();
      value.directives = parse_directives(true);
      values.push_back(std::move(value));
    } while (!skip(TokenKind::kBraceR));
    return values;
  }

  void parse_directive_definition_body(ast::TypeSystemDefinition& def) {
    def.kind = ast::TypeSystemKind::kDirective;
    expect(TokenKind::kAt);
    def.name = parse_name();
    def.arguments = parse_input_values(TokenKind::kParenL, TokenKind::kParenR);
    if (options_.directives_on_directive_definitions) def.directives = parse_directives(true);
    def.repeatable = skip_keyword("repeatable");
    expect_keyword("on");
    skip(TokenKind::kPipe);
    do {
      const Token t = token();
      ast::NameRef location = parse_name_ref();
      bool known = false;
      for (auto name : kDirectiveLocations) known = known || name == location.name;
      if (!known) unexpected(t);
      def.locations.push_back(location);
    } while (skip(TokenKind::kPipe));
  }

  Lexer lexer_;
  const ParseOptions& options_;
  std::size_t token_count_ = 0;
  std::size_t depth_ = 0;
  // Selections of the sets being parsed (see parse_selection_set); room for a
  // usual document's nesting up front.
  static constexpr std::size_t kUsualSelectionStack = 32;
  std::vector<ast::Selection> selection_stack_;
};

}  // namespace

ast::Document parse(std::string source, const ParseOptions& options) {
  auto text = std::make_shared<const std::string>(std::move(source));
  Parser parser(*text, options);
  ast::Document doc = parser.parse_document();
  doc.source = std::move(text);
  return doc;
}

ast::Value parse_value(std::string_view source, const ParseOptions& options) {
  Parser parser(source, options);
  return parser.parse_lone_value();
}

}  // namespace myspace::graphql
