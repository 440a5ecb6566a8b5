#pragma once
// One error vocabulary for the whole system. Components raise `Error` with a
// protocol-neutral code; the HTTP layer maps the code to a status and the
// GraphQL gateway to `extensions.code`, each in exactly one place. The message
// is what a client may see; `detail` is for logs only and never leaves the server.

#include <stdexcept>
#include <string>
#include <string_view>

namespace myspace {

enum class ErrorCode {
  kBadRequest,       // malformed or invalid input
  kUnauthenticated,  // no or invalid credentials
  kForbidden,        // authenticated but not allowed
  kNotFound,         // the object does not exist (or is not visible to the caller)
  kConflict,         // violates uniqueness or the object's current state
  kPayloadTooLarge,  // body over the configured bound
  kRateLimited,      // too many requests
  kUnavailable,      // a dependency is down; retry later
  kTimeout,          // a deadline passed
  kInternal,         // a bug or an unexpected fault
};

// The stable, upper-case name of a code, as used in JSON bodies and GraphQL
// `extensions.code` (e.g. "BAD_USER_INPUT", "UNAUTHENTICATED").
std::string_view error_code_name(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string detail = {})
      : std::runtime_error(std::move(message)), code_(code), detail_(std::move(detail)) {}

  ErrorCode code() const noexcept { return code_; }
  const std::string& detail() const noexcept { return detail_; }

 private:
  ErrorCode code_;
  std::string detail_;
};

// Input that breaks a rule (kBadRequest), naming the offending field by its
// path in the request — "hourlyRate", "input.skills" — so that a client can
// put the message beside the right form field without reading the message.
class InvalidInput : public Error {
 public:
  InvalidInput(std::string field, std::string message)
      : Error(ErrorCode::kBadRequest, std::move(message)), field_(std::move(field)) {}

  const std::string& field() const noexcept { return field_; }

  // The same error with the field's path under `parent` ("input" +
  // "hourlyRate" -> "input.hourlyRate"): the domain names fields, the API
  // layer knows which argument carried them.
  InvalidInput under(std::string_view parent) const {
    return InvalidInput(std::string(parent) + "." + field_, what());
  }

 private:
  std::string field_;
};

inline std::string_view error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kBadRequest:
      return "BAD_USER_INPUT";
    case ErrorCode::kUnauthenticated:
      return "UNAUTHENTICATED";
    case ErrorCode::kForbidden:
      return "FORBIDDEN";
    case ErrorCode::kNotFound:
      return "NOT_FOUND";
    case ErrorCode::kConflict:
      return "CONFLICT";
    case ErrorCode::kPayloadTooLarge:
      return "PAYLOAD_TOO_LARGE";
    case ErrorCode::kRateLimited:
      return "RATE_LIMITED";
    case ErrorCode::kUnavailable:
      return "SERVICE_UNAVAILABLE";
    case ErrorCode::kTimeout:
      return "TIMEOUT";
    case ErrorCode::kInternal:
      return "INTERNAL_SERVER_ERROR";
  }
  return "INTERNAL_SERVER_ERROR";
}

}  // namespace myspace
