// The permission matrix of docs/permissions.md, cell by cell.

#include "market/access/policy.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <filesystem>

#include "common/error.h"
#include "db/pool.h"
#include "graphql/execution/execute.h"
#include "graphql/language/parser.h"
#include "services/gateway/gateway_service.h"
#include "services/gateway/marketplace_schema.h"

namespace myspace::market {
namespace {

const std::optional<Viewer> kAnonymous;
Viewer as(std::string type, std::string id = "usr_self") {
  return Viewer{std::move(id), std::move(type)};
}

TEST(Policy, PublicProfilesAreForEveryone) {
  EXPECT_EQ(decide(kAnonymous, Action::kViewPublicProfile, "usr_other"), Decision::kAllow);
  EXPECT_EQ(decide(as("CLIENT"), Action::kViewPublicProfile, "usr_other"), Decision::kAllow);
}

TEST(Policy, PrivateDataAndProfileChangesAreTheOwnersOnly) {
  for (const auto action : {Action::kViewPrivateProfile, Action::kUpdateProfile}) {
    EXPECT_EQ(decide(kAnonymous, action, "usr_self"), Decision::kUnauthenticated);
    EXPECT_EQ(decide(as("FREELANCER"), action, "usr_self"), Decision::kAllow);
    EXPECT_EQ(decide(as("FREELANCER"), action, "usr_other"), Decision::kForbidden);
    EXPECT_EQ(decide(as("AGENCY"), action, ""), Decision::kForbidden);
    // A token with no subject is nobody.
    EXPECT_EQ(decide(as("CLIENT", ""), action, ""), Decision::kUnauthenticated);
  }
}

TEST(Policy, ClientsCompaniesAndAgenciesPostJobs) {
  EXPECT_EQ(decide(kAnonymous, Action::kPostJob), Decision::kUnauthenticated);
  EXPECT_EQ(decide(as("CLIENT"), Action::kPostJob), Decision::kAllow);
  EXPECT_EQ(decide(as("COMPANY"), Action::kPostJob), Decision::kAllow);
  EXPECT_EQ(decide(as("AGENCY"), Action::kPostJob), Decision::kAllow);
  EXPECT_EQ(decide(as("FREELANCER"), Action::kPostJob), Decision::kForbidden);
  EXPECT_EQ(decide(as("ADMIN"), Action::kPostJob), Decision::kForbidden);
}

TEST(Policy, FreelancersAndAgenciesProposeButNotOnTheirOwnJobs) {
  EXPECT_EQ(decide(kAnonymous, Action::kProposeOnJob, "usr_client"), Decision::kUnauthenticated);
  EXPECT_EQ(decide(as("FREELANCER"), Action::kProposeOnJob, "usr_client"), Decision::kAllow);
  EXPECT_EQ(decide(as("AGENCY"), Action::kProposeOnJob, "usr_client"), Decision::kAllow);
  EXPECT_EQ(decide(as("AGENCY"), Action::kProposeOnJob, "usr_self"), Decision::kForbidden);
  EXPECT_EQ(decide(as("CLIENT"), Action::kProposeOnJob, "usr_client"), Decision::kForbidden);
  EXPECT_EQ(decide(as("COMPANY"), Action::kProposeOnJob, "usr_client"), Decision::kForbidden);
}

TEST(Policy, AuthorizeThrowsTheMatchingCodes) {
  EXPECT_NO_THROW(authorize(as("CLIENT"), Action::kUpdateProfile, "usr_self"));
  try {
    authorize(kAnonymous, Action::kUpdateProfile, "usr_self");
    FAIL() << "anonymous update allowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnauthenticated);
  }
  try {
    authorize(as("CLIENT"), Action::kUpdateProfile, "usr_other");
    FAIL() << "update of another's profile allowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kForbidden);
  }
}

// The matrix is only as good as the questions resolvers ask it: User.email is
// private data, so its resolver must ask for kViewPrivateProfile — whatever
// path led to the user. The real schema with its real resolvers, except that
// Query.user hands on a profile as load_profile builds it (public fields plus
// the private "_email" key) instead of reading PostgreSQL.
std::string email_seen_by(const std::optional<Viewer>& viewer) {
  const char* root = std::getenv("MYSPACE_SOURCE_DIR");
  if (root == nullptr) throw std::runtime_error("tests run with MYSPACE_SOURCE_DIR set");
  auto schema = load_schema(std::filesystem::path(root) / "schema" / "schema.graphql");
  schema->resolve(
      "Query", "user", [](graphql::ResolveInfo&) -> boost::asio::awaitable<graphql::Value> {
        co_return boost::json::parse(R"({"id": "usr_owner", "_email": "owner@example.com"})");
      });
  boost::asio::io_context io;
  // Never used: no resolver this query reaches touches the database.
  db::Pool pool(io.get_executor(), db::PoolOptions{});
  auto context = std::make_shared<RequestContext>(pool, nullptr, "policy-test");
  context->viewer = viewer;
  graphql::ExecuteOptions options;
  options.context = RequestContextPtr(context);
  const auto document = graphql::parse(R"({ user(id: "usr_owner") { id email } })");
  boost::json::object response;
  boost::asio::co_spawn(io, graphql::execute(*schema, document, std::move(options)),
                        [&](std::exception_ptr failure, boost::json::object result) {
                          if (failure) std::rethrow_exception(failure);
                          response = std::move(result);
                        });
  io.run();
  return boost::json::serialize(response);
}

TEST(Policy, EmailIsCheckedAgainstThePrivatePermission) {
  EXPECT_EQ(email_seen_by(as("FREELANCER", "usr_owner")),
            R"({"data":{"user":{"id":"usr_owner","email":"owner@example.com"}}})");
  EXPECT_EQ(email_seen_by(as("CLIENT", "usr_other")),
            R"({"data":{"user":{"id":"usr_owner","email":null}}})");
  EXPECT_EQ(email_seen_by(kAnonymous), R"({"data":{"user":{"id":"usr_owner","email":null}}})");
}

}  // namespace
}  // namespace myspace::market
