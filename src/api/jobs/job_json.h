#pragma once
// How the open-jobs listing is kept in the seed's `jobs:list` cache entry: a
// JSON array of the jobs' typed fields. Decoding refuses anything that is not
// exactly such an array, so an entry written by an older build reads as
// unreadable (and is refilled), never as half-filled jobs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "market/jobs/job.h"

namespace myspace::api {

std::string jobs_to_json(const std::vector<market::Job>& jobs);
std::optional<std::vector<market::Job>> jobs_from_json(std::string_view text);

}  // namespace myspace::api
