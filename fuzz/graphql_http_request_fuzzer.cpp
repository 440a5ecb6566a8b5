// Fuzzes the gateway's GraphQL-over-HTTP decoding: bytes -> an HTTP request
// (Beast's parser with the server's limits) -> decode_get / decode_post and
// Accept negotiation, as the /graphql endpoint does before any GraphQL work.
// The only acceptable failure is a RequestError with a 4xx status; a decoded
// request must be self-consistent (a persisted-query hash is 64 hex digits).

#include <boost/beast/http/field.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "graphql_http/request.h"
#include "http/message.h"
#include "http/server.h"
#include "http_bytes.h"

namespace {

namespace graphql_http = myspace::graphql_http;
namespace http = myspace::http;

void check(const graphql_http::GraphqlRequest& request) {
  if (request.persisted_query) {
    const auto& hash = request.persisted_query->sha256_hash;
    if (hash.size() != 64) std::abort();
    for (const char c : hash) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) std::abort();
    }
  }
  if (!request.query && !request.persisted_query) std::abort();
}

void decode(const http::Request& request) {
  graphql_http::negotiate(request[boost::beast::http::field::accept]);
  try {
    if (request.method() == http::Verb::get) {
      check(graphql_http::decode_get(request.target()));
    } else if (request.method() == http::Verb::post) {
      check(graphql_http::decode_post(request));
    }
  } catch (const graphql_http::RequestError& error) {
    const auto status = static_cast<unsigned>(error.status());
    if (status < 400 || status >= 500 || error.code().empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const http::ServerOptions defaults;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto request =
          myspace::fuzz::parse_request(bytes, defaults.header_limit, defaults.body_limit)) {
    decode(*request);
  }
  // The target alone, as a GET /graphql?… line would carry it.
  try {
    check(graphql_http::decode_get(bytes));
  } catch (const graphql_http::RequestError&) {
  }
  return 0;
}
