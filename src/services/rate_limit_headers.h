#pragma once
// The headers every rate-limited answer carries (IETF RateLimit fields), and
// the 429 refusal's status and Retry-After: one definition for the auth
// service and the gateway.

#include "cache/rate_limit.h"
#include "http/message.h"

namespace myspace::service {

// RateLimit-Limit / -Remaining / -Reset from `decision`.
void set_rate_headers(http::Response& response, const cache::RateDecision& decision);

// 429 with Retry-After (at least 1 s) and the RateLimit-* headers.
void refuse_rate_limited(http::Response& response, const cache::RateDecision& decision);

}  // namespace myspace::service
