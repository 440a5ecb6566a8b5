#pragma once
// Reading jobs from PostgreSQL: the open-jobs listing, bounded so that no
// request can make it read an unbounded page.

#include <boost/asio/awaitable.hpp>
#include <cstddef>
#include <vector>

#include "market/jobs/job.h"

namespace myspace::db {
class Pool;
}

namespace myspace::market {

// Bounds of one listing page: a request can never make us read more rows.
inline constexpr std::size_t kDefaultJobsLimit = 50;
inline constexpr std::size_t kMaxJobsLimit = 100;

// The open jobs, newest first (ties broken by id, newest first), at most
// `limit` of them (clamped to 1..kMaxJobsLimit). Served by the index on
// (status, created_at DESC, id DESC).
boost::asio::awaitable<std::vector<Job>> list_open_jobs(db::Pool& pool,
                                                        std::size_t limit = kDefaultJobsLimit);

// The limit list_open_jobs() really uses for a requested one.
std::size_t clamp_jobs_limit(std::size_t requested) noexcept;

}  // namespace myspace::market
