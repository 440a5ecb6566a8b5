// The listing's bounds: no caller can make list_open_jobs() read an unbounded
// or empty page. (The queries themselves are tested against a real PostgreSQL
// in tests/integration/gateway.)

#include "market/jobs/job_store.h"

#include <gtest/gtest.h>

namespace myspace::market {
namespace {

TEST(JobsLimit, IsClampedToOneThroughTheMaximum) {
  EXPECT_EQ(clamp_jobs_limit(0), 1u);
  EXPECT_EQ(clamp_jobs_limit(1), 1u);
  EXPECT_EQ(clamp_jobs_limit(kDefaultJobsLimit), kDefaultJobsLimit);
  EXPECT_EQ(clamp_jobs_limit(kMaxJobsLimit), kMaxJobsLimit);
  EXPECT_EQ(clamp_jobs_limit(kMaxJobsLimit + 1), kMaxJobsLimit);
  EXPECT_EQ(clamp_jobs_limit(static_cast<std::size_t>(-1)), kMaxJobsLimit);
}

}  // namespace
}  // namespace myspace::market
