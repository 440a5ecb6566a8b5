// The matrix is only as good as the questions resolvers ask it: User.email is
// private data, so its resolver must ask for kViewPrivateProfile — whatever
// path led to the user. The API's real schema and resolvers, except that
// Query.user hands on a profile as load_profile() would instead of reading
// PostgreSQL.

#include "api/profiles/profiles.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/serialize.hpp>

#include "api/features.h"
#include "db/pool.h"
#include "graphql/execution/execute.h"
#include "graphql/language/parser.h"

namespace myspace::api {
namespace {

std::string email_seen_by(const std::optional<market::Viewer>& viewer) {
  auto schema = build_schema();
  schema->resolve("Query", "user",
                  [](graphql::ResolveInfo&) -> boost::asio::awaitable<graphql::Resolved> {
                    auto profile = std::make_shared<market::Profile>();
                    profile->user.public_id = "usr_owner";
                    profile->email = "owner@example.com";
                    co_return graphql::Resolved::object<market::Profile>(std::move(profile));
                  });
  boost::asio::io_context io;
  // Never used: no resolver this query reaches touches the database.
  db::Pool pool(io.get_executor(), db::PoolOptions{});
  const Services services{.pool = pool};
  graphql::ExecuteOptions options;
  options.context =
      std::make_shared<RequestContext>(services, "profiles-test", "127.0.0.1", viewer);
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

market::Viewer as(std::string type, std::string id) {
  return {std::move(id), std::move(type)};
}

TEST(Profiles, EmailIsCheckedAgainstThePrivatePermission) {
  EXPECT_EQ(email_seen_by(as("FREELANCER", "usr_owner")),
            R"({"data":{"user":{"id":"usr_owner","email":"owner@example.com"}}})");
  EXPECT_EQ(email_seen_by(as("CLIENT", "usr_other")),
            R"({"data":{"user":{"id":"usr_owner","email":null}}})");
  EXPECT_EQ(email_seen_by(std::nullopt), R"({"data":{"user":{"id":"usr_owner","email":null}}})");
}

}  // namespace
}  // namespace myspace::api
