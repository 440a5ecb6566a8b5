// The marketplace store (src/market) against a real PostgreSQL with the
// migrations and demo data applied: the open-jobs listing (filter, order,
// limit, exact money and RFC 3339 times) and the batched users lookup.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <regex>

#include "db/pool.h"
#include "market/jobs/job_store.h"
#include "market/users/user_store.h"
#include "system.h"

namespace myspace::testing {
namespace {

class MarketStoreTest : public ::testing::Test {
 protected:
  template <typename Awaitable>
  auto run(Awaitable awaitable) {
    auto future = boost::asio::co_spawn(io_, std::move(awaitable), boost::asio::use_future);
    io_.restart();
    io_.run();
    return future.get();
  }

  // Internal id of a user, looked up by email.
  std::int64_t user_id(const std::string& msf_id) {
    return run([&]() -> boost::asio::awaitable<std::int64_t> {
      const auto result = co_await pool_.query("SELECT id FROM users WHERE msf_id = $1", msf_id);
      co_return result.one().get<std::int64_t>("id");
    }());
  }

  GatewaySystem system_;
  boost::asio::io_context io_;
  db::Pool pool_{io_.get_executor(), db::PoolOptions{.connect = {.url = system_.postgres().url()}}};
};

TEST_F(MarketStoreTest, ListsOpenJobsNewestFirstWithExactMoney) {
  const auto jobs = run(market::list_open_jobs(pool_));
  ASSERT_EQ(jobs.size(), 5u);  // the demo's sixth job is IN_PROGRESS
  const std::vector<std::string> expected = {"job_demo00000001", "job_demo00000002",
                                             "job_demo00000003", "job_demo00000004",
                                             "job_demo00000005"};
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    EXPECT_EQ(jobs[i].public_id, expected[i]);
    EXPECT_EQ(jobs[i].status, "OPEN");
    EXPECT_TRUE(std::regex_match(jobs[i].created_at,
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
        << jobs[i].created_at;
  }
  EXPECT_EQ(jobs[0].title, "React dashboard for a logistics startup");
  EXPECT_EQ(jobs[0].budget_min, "2500.00");
  EXPECT_EQ(jobs[0].budget_max, "4000.00");
  EXPECT_EQ(jobs[0].category, "Web Development");
  EXPECT_EQ(jobs[0].skills_required, (std::vector<std::string>{"React", "TypeScript", "GraphQL"}));
  EXPECT_EQ(jobs[0].client_id, user_id("usr_demoClient0001"));
  EXPECT_GT(jobs[0].created_at, jobs[1].created_at);
}

TEST_F(MarketStoreTest, LimitIsHonouredAndBounded) {
  const auto two = run(market::list_open_jobs(pool_, 2));
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].public_id, "job_demo00000001");
  EXPECT_EQ(two[1].public_id, "job_demo00000002");
  EXPECT_EQ(run(market::list_open_jobs(pool_, 0)).size(), 1u);
}

TEST_F(MarketStoreTest, MissingBudgetsAreNulloptAndTimesAreUtc) {
  system_.postgres().execute(
      "INSERT INTO jobs (msf_id, client_id, title, description, category, created_at) "
      "SELECT 'job_noBudget000001', id, 'Open budget', 'd', 'Other', "
      "'2030-01-02 03:04:05.678+02' FROM users WHERE msf_id = 'usr_demoAgency0001'");
  const auto jobs = run(market::list_open_jobs(pool_, 1));
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].public_id, "job_noBudget000001");
  EXPECT_EQ(jobs[0].budget_min, std::nullopt);
  EXPECT_EQ(jobs[0].budget_max, std::nullopt);
  EXPECT_EQ(jobs[0].created_at, "2030-01-02T01:04:05.678Z");
}

TEST_F(MarketStoreTest, UsersByIdsIsOneBatchWithDuplicatesAndMisses) {
  const auto client = user_id("usr_demoClient0001");
  const auto agency = user_id("usr_demoAgency0001");
  const auto users = run(market::users_by_ids(pool_, {client, agency, client, 999'999'999}));
  ASSERT_EQ(users.size(), 2u);
  const auto& northwind = users[0].id == client ? users[0] : users[1];
  EXPECT_EQ(northwind.public_id, "usr_demoClient0001");
  EXPECT_EQ(northwind.display_name, "Northwind Traders");
  EXPECT_EQ(northwind.username, "northwind");
  EXPECT_EQ(northwind.account_type, "CLIENT");
  EXPECT_EQ(northwind.profile_completion, run([&]() -> boost::asio::awaitable<int> {
              const auto result = co_await pool_.query(
                  "SELECT profile_completion FROM users WHERE msf_id = 'usr_demoClient0001'");
              co_return result.one().get<std::int16_t>("profile_completion");
            }()));
  EXPECT_EQ(northwind.avatar_url, std::nullopt);

  EXPECT_TRUE(run(market::users_by_ids(pool_, {})).empty());
  EXPECT_THROW(run(market::users_by_ids(
                   pool_, std::vector<std::int64_t>(market::kMaxUsersBatch + 1, client))),
               std::invalid_argument);
}

}  // namespace
}  // namespace myspace::testing
