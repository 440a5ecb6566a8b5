#pragma once
// Shared by the HTTP fuzz targets: bytes -> a request, through Beast's parser
// exactly as the server reads one (header and body limits set), with the end
// of the input taken as the peer closing the connection.

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "http/message.h"

namespace myspace::fuzz {

// The request, or nullopt when the bytes are not one complete request within
// the limits (the server answers 400, 413 or 431 then).
inline std::optional<http::Request> parse_request(std::string_view bytes, std::size_t header_limit,
                                                  std::size_t body_limit) {
  namespace beast_http = boost::beast::http;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(header_limit));
  parser.body_limit(body_limit);
  boost::beast::error_code ec;
  // The peer closed the connection: whatever is pending must be complete now.
  const auto end_of_input = [&] {
    ec = {};
    parser.put_eof(ec);
    return !ec && parser.is_done();
  };
  while (!parser.is_done()) {
    if (bytes.empty()) return end_of_input() ? std::optional(parser.release()) : std::nullopt;
    const std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
    bytes.remove_prefix(used);
    if (ec == beast_http::error::need_more) {
      ec = {};
    } else if (ec) {
      return std::nullopt;
    }
    // No progress: the rest is an incomplete piece that only more bytes could finish.
    if (used == 0) return end_of_input() ? std::optional(parser.release()) : std::nullopt;
  }
  return parser.release();
}

}  // namespace myspace::fuzz
