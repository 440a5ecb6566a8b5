// Fuzzes the GraphQL language: any bytes either parse (executable documents
// and SDL alike) or raise a GraphQLException, never anything else. What parses
// must survive a round trip: printing it, parsing the printed text and
// printing again gives the same text (graphql-js's print is a fixed point of
// parse ∘ print). The same holds for lone values (parse_value).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graphql/error/graphql_error.h"
#include "graphql/language/parser.h"
#include "graphql/language/printer.h"

namespace {

using myspace::graphql::GraphQLException;

[[noreturn]] void round_trip_failed(std::string_view what, std::string_view first,
                                    std::string_view second) {
  std::fprintf(stderr, "round trip of a %.*s failed\n--- printed:\n%.*s\n--- re-printed:\n%.*s\n",
               static_cast<int>(what.size()), what.data(), static_cast<int>(first.size()),
               first.data(), static_cast<int>(second.size()), second.data());
  std::abort();
}

[[noreturn]] void reparse_failed(std::string_view what, std::string_view printed,
                                 const GraphQLException& error) {
  std::fprintf(stderr, "the printed %.*s does not parse: %s\n--- printed:\n%.*s\n",
               static_cast<int>(what.size()), what.data(), error.what(),
               static_cast<int>(printed.size()), printed.data());
  std::abort();
}

void document_round_trip(std::string text) {
  std::string printed;
  try {
    printed = myspace::graphql::print(myspace::graphql::parse(std::move(text)));
  } catch (const GraphQLException&) {
    return;  // a syntax error is a fine answer to arbitrary bytes
  }
  std::string reprinted;
  try {
    reprinted = myspace::graphql::print(myspace::graphql::parse(printed));
  } catch (const GraphQLException& error) {
    reparse_failed("document", printed, error);
  }
  if (reprinted != printed) round_trip_failed("document", printed, reprinted);
}

void value_round_trip(std::string_view text) {
  std::string printed;
  try {
    printed = myspace::graphql::print(myspace::graphql::parse_value(text));
  } catch (const GraphQLException&) {
    return;
  }
  std::string reprinted;
  try {
    reprinted = myspace::graphql::print(myspace::graphql::parse_value(printed));
  } catch (const GraphQLException& error) {
    reparse_failed("value", printed, error);
  }
  if (reprinted != printed) round_trip_failed("value", printed, reprinted);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  document_round_trip(text);
  value_round_trip(text);
  return 0;
}
