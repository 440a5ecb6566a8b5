#include "http/errors.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace myspace::http {

Status status_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kBadRequest:
      return Status::bad_request;
    case ErrorCode::kUnauthenticated:
      return Status::unauthorized;
    case ErrorCode::kForbidden:
      return Status::forbidden;
    case ErrorCode::kNotFound:
      return Status::not_found;
    case ErrorCode::kConflict:
      return Status::conflict;
    case ErrorCode::kPayloadTooLarge:
      return Status::payload_too_large;
    case ErrorCode::kRateLimited:
      return Status::too_many_requests;
    case ErrorCode::kUnavailable:
      return Status::service_unavailable;
    case ErrorCode::kTimeout:
      return Status::gateway_timeout;
    case ErrorCode::kInternal:
      return Status::internal_server_error;
  }
  return Status::internal_server_error;
}

Response error_response(Status status, std::string_view code, std::string_view message,
                        std::string_view request_id, unsigned version) {
  boost::json::value body = {{"error", {{"code", code}, {"message", message}}},
                             {"requestId", request_id}};
  Response response{status, version};
  response.set(beast_http::field::content_type, "application/json");
  response.set(beast_http::field::cache_control, "no-store");
  response.body() = boost::json::serialize(body);
  response.prepare_payload();
  return response;
}

Response error_response(ErrorCode code, std::string_view message, std::string_view request_id,
                        unsigned version) {
  return error_response(status_for(code), error_code_name(code), message, request_id, version);
}

}  // namespace myspace::http
