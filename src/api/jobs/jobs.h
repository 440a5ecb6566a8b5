#pragma once
// The jobs feature (jobs.graphql): Query.jobs and the Job type. A Job value
// is a typed parent (market::Job); Job.client goes through the request's
// user loader, so a page of N jobs costs one users query, not N.
//
// Query.jobs reads the open-jobs listing through Redis (`jobs:list`, 5
// minutes, as the seed's caching table says; job_json.h) and falls back to
// PostgreSQL whenever Redis is down or slow.

#include <chrono>
#include <string_view>

#include "graphql/type/schema.h"

namespace myspace::api {

inline constexpr std::string_view kJobsListKey = "jobs:list";
inline constexpr std::chrono::minutes kJobsListTtl{5};

void bind_jobs(graphql::Schema& schema);

}  // namespace myspace::api
