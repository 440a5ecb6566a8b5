#include "services/rate_limit_headers.h"

#include <algorithm>
#include <string>

namespace myspace::service {

void set_rate_headers(http::Response& response, const cache::RateDecision& decision) {
  response.set("RateLimit-Limit", std::to_string(decision.limit));
  response.set("RateLimit-Remaining", std::to_string(decision.remaining));
  response.set("RateLimit-Reset", std::to_string(decision.reset.count()));
}

void refuse_rate_limited(http::Response& response, const cache::RateDecision& decision) {
  response.result(http::Status::too_many_requests);
  response.set(http::beast_http::field::retry_after,
               std::to_string(std::max<std::int64_t>(1, decision.reset.count())));
  set_rate_headers(response, decision);
}

}  // namespace myspace::service
