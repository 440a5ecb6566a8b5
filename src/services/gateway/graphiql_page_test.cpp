#include "services/gateway/graphiql_page.h"

#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>
#include <fstream>

#include "common/random_id.h"

namespace myspace::gateway {
namespace {

namespace fs = std::filesystem;
using boost::beast::http::field;

constexpr std::string_view kBrowserAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

http::Request request(http::Verb method, std::string target, std::string_view accept) {
  http::Request r{method, std::move(target), 11};
  if (!accept.empty()) r.set(field::accept, accept);
  return r;
}

TEST(Graphiql, OnlyABrowserNavigationWantsTheIde) {
  EXPECT_TRUE(wants_graphiql(request(http::Verb::get, "/graphql", kBrowserAccept)));
  EXPECT_TRUE(wants_graphiql(request(http::Verb::head, "/graphql", "text/html")));
  EXPECT_TRUE(wants_graphiql(request(http::Verb::get, "/graphql?utm=x", "Text/HTML")));
  // A GraphQL GET, a client asking for JSON, a POST: the endpoint's.
  EXPECT_FALSE(wants_graphiql(
      request(http::Verb::get, "/graphql?query=%7Bjobs%7Bid%7D%7D", kBrowserAccept)));
  EXPECT_FALSE(wants_graphiql(request(http::Verb::get, "/graphql?a=1&query={x}", "text/html")));
  EXPECT_FALSE(wants_graphiql(
      request(http::Verb::get, "/graphql", "application/graphql-response+json, application/json")));
  EXPECT_FALSE(wants_graphiql(request(http::Verb::get, "/graphql", "")));
  EXPECT_FALSE(wants_graphiql(request(http::Verb::get, "/graphql", "*/*")));
  EXPECT_FALSE(wants_graphiql(request(http::Verb::post, "/graphql", kBrowserAccept)));
}

class GraphiqlBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("myspace-graphiql-" + random_public_id("", 10));
    fs::create_directories(root_ / "graphiql" / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>GraphiQL</title>";
    std::ofstream(root_ / "graphiql" / "assets" / "index-1a2b.js") << "console.log(1)";
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path root_;
};

TEST_F(GraphiqlBuild, OffWithoutIntrospectionOrABuild) {
  EXPECT_EQ(load_graphiql(false, root_), nullptr);
  EXPECT_EQ(load_graphiql(true, root_ / "missing"), nullptr);
  EXPECT_NE(load_graphiql(true, root_), nullptr);
}

TEST_F(GraphiqlBuild, ServesThePageAndItsFilesWithTheirPolicy) {
  const auto page = load_graphiql(true, root_);
  ASSERT_NE(page, nullptr);
  const auto navigation = request(http::Verb::get, "/graphql", kBrowserAccept);
  http::Context context{navigation, "req-1", {}, "/graphql", {}, {}};
  const auto html = page->page_for(context);
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(html->result(), http::Status::ok);
  EXPECT_NE(html->body().find("<title>GraphiQL</title>"), std::string::npos);
  EXPECT_EQ((*html)[field::content_type], "text/html; charset=utf-8");
  const std::string csp((*html)["Content-Security-Policy"]);
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << csp;
  EXPECT_NE(csp.find("connect-src 'self';"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;

  const auto query = request(http::Verb::get, "/graphql?query={jobs{id}}", kBrowserAccept);
  http::Context query_context{query, "req-2", {}, "/graphql", {}, {}};
  EXPECT_FALSE(page->page_for(query_context).has_value());

  const auto script = request(http::Verb::get, "/graphiql/assets/index-1a2b.js", "*/*");
  http::Context script_context{script, "req-3", {}, "/graphiql/*path", {}, {}};
  const auto file = page->asset(script_context);
  EXPECT_EQ(file.result(), http::Status::ok);
  EXPECT_EQ(file.body(), "console.log(1)");
  EXPECT_EQ(file["Content-Security-Policy"], graphiql_content_security_policy());

  const auto missing = request(http::Verb::get, "/graphiql/assets/nope.js", kBrowserAccept);
  http::Context missing_context{missing, "req-4", {}, "/graphiql/*path", {}, {}};
  EXPECT_EQ(page->asset(missing_context).result(), http::Status::not_found);
}

}  // namespace
}  // namespace myspace::gateway
