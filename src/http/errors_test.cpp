#include "http/errors.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace myspace::http {
namespace {

TEST(ErrorMapping, EveryCodeHasItsStatus) {
  EXPECT_EQ(status_for(ErrorCode::kBadRequest), Status::bad_request);
  EXPECT_EQ(status_for(ErrorCode::kUnauthenticated), Status::unauthorized);
  EXPECT_EQ(status_for(ErrorCode::kForbidden), Status::forbidden);
  EXPECT_EQ(status_for(ErrorCode::kNotFound), Status::not_found);
  EXPECT_EQ(status_for(ErrorCode::kConflict), Status::conflict);
  EXPECT_EQ(status_for(ErrorCode::kPayloadTooLarge), Status::payload_too_large);
  EXPECT_EQ(status_for(ErrorCode::kRateLimited), Status::too_many_requests);
  EXPECT_EQ(status_for(ErrorCode::kUnavailable), Status::service_unavailable);
  EXPECT_EQ(status_for(ErrorCode::kTimeout), Status::gateway_timeout);
  EXPECT_EQ(status_for(ErrorCode::kInternal), Status::internal_server_error);
}

TEST(ErrorMapping, BodyHasCodeMessageAndRequestId) {
  const auto response = error_response(ErrorCode::kNotFound, "no such job", "req-1");
  EXPECT_EQ(response.result(), Status::not_found);
  EXPECT_EQ(response[beast_http::field::content_type], "application/json");
  const auto body = boost::json::parse(response.body());
  EXPECT_EQ(body.at("error").at("code").as_string(), "NOT_FOUND");
  EXPECT_EQ(body.at("error").at("message").as_string(), "no such job");
  EXPECT_EQ(body.at("requestId").as_string(), "req-1");
  EXPECT_EQ(response[beast_http::field::content_length], std::to_string(response.body().size()));
}

TEST(ErrorMapping, MessageIsEscaped) {
  const auto response = error_response(ErrorCode::kBadRequest, "bad \"x\"\n", "r");
  EXPECT_EQ(boost::json::parse(response.body()).at("error").at("message").as_string(),
            "bad \"x\"\n");
}

}  // namespace
}  // namespace myspace::http
