// GraphiQL from the real `myspace gateway`: a browser opening /graphql gets
// the IDE (and its files) while introspection is on, under the IDE's own
// CSP; GraphQL clients at the same URL are unaffected; production shows none.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/process.h"
#include "system.h"

namespace myspace::testing {
namespace {

constexpr const char* kBrowserAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

// A stand-in for web/graphiql/dist: the page and one asset.
class GraphiqlBuild {
 public:
  GraphiqlBuild() {
    std::filesystem::create_directories(dir_.path() / "graphiql" / "assets");
    std::ofstream(dir_.path() / "index.html")
        << "<!doctype html><title>GraphiQL</title><script type=module "
           "src=/graphiql/assets/index-1a2b.js></script>";
    std::ofstream(dir_.path() / "graphiql" / "assets" / "index-1a2b.js") << "console.log(1)";
  }
  std::string path() const { return dir_.path().string(); }

 private:
  TempDir dir_{"myspace-graphiql-"};
};

Reply browse(std::uint16_t port, const std::string& target) {
  RequestSpec spec;
  spec.method = "GET";
  spec.target = target;
  spec.headers = {{"Accept", kBrowserAccept}};
  return http_request(port, spec);
}

TEST(GatewayGraphiqlTest, ABrowserGetsTheIdeInDevelopment) {
  GraphiqlBuild build;
  GatewaySystem system;
  const auto port = system.start_gateway({{"GRAPHIQL_ROOT", build.path()}});

  const auto page = browse(port, "/graphql");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<title>GraphiQL</title>"), std::string::npos);
  const auto csp = page.header("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
  EXPECT_EQ(page.header("Vary"), "Accept");

  const auto asset = browse(port, "/graphiql/assets/index-1a2b.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_EQ(browse(port, "/graphiql/index.html").status, 404);

  // GraphQL clients at the same URL: a GET with a query, JSON accepted.
  const auto query = get_query(port, {{"query", "{ __typename }"}}, kBrowserAccept);
  EXPECT_EQ(query.status, 200) << query.body;
  EXPECT_EQ(query.json().at("data").at("__typename").as_string(), "Query");
  EXPECT_EQ(post_query(port, "{ __typename }", kBrowserAccept).status, 200);
  EXPECT_NE(system.gateway_log().find(R"("event":"gateway.graphiql")"), std::string::npos);
}

TEST(GatewayGraphiqlTest, NoIdeWithoutIntrospection) {
  GraphiqlBuild build;
  GatewaySystem system;
  const auto port =
      system.start_gateway({{"MYSPACE_ENV", "production"},
                            {"JWT_SECRET", "a-production-secret-that-is-long-enough-42"},
                            {"GRAPHIQL_ROOT", build.path()}});
  const auto page = browse(port, "/graphql");
  EXPECT_NE(page.status, 200);
  EXPECT_EQ(page.body.find("GraphiQL"), std::string::npos) << page.body;
  EXPECT_EQ(browse(port, "/graphiql/assets/index-1a2b.js").status, 404);
}

}  // namespace
}  // namespace myspace::testing
