#pragma once
// JSON in and out of HTTP bodies. Parsing failures are client errors
// (ErrorCode::kBadRequest -> 400) with a message safe to show.

#include <boost/json/value.hpp>

#include "http/message.h"

namespace myspace::http {

Response json_response(Status status, const boost::json::value& body, unsigned version = 11);

// The request body as JSON. Throws myspace::Error(kBadRequest) when the
// Content-Type is not application/json (parameters such as charset allowed),
// when the body is not valid JSON, or when it is not valid UTF-8.
boost::json::value parse_json_body(const Request& request);

}  // namespace myspace::http
