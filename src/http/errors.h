#pragma once
// The one place where myspace::ErrorCode becomes an HTTP status, and the one
// JSON error body shape every response uses:
//   {"error":{"code":"NOT_FOUND","message":"…"},"requestId":"…"}
// Only the client-facing message goes into a body; Error::detail() never does.

#include <string_view>

#include "common/error.h"
#include "http/message.h"

namespace myspace::http {

Status status_for(ErrorCode code) noexcept;

// An error response with the JSON body above. `code` is the stable upper-case
// name (error_code_name() for ErrorCode, or e.g. "METHOD_NOT_ALLOWED" for
// protocol-level statuses that have no ErrorCode).
Response error_response(Status status, std::string_view code, std::string_view message,
                        std::string_view request_id, unsigned version = 11);

Response error_response(ErrorCode code, std::string_view message, std::string_view request_id,
                        unsigned version = 11);

}  // namespace myspace::http
