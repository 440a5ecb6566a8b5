#include "services/web/web_service.h"

#include <gtest/gtest.h>

namespace myspace::web {
namespace {

TEST(WebService, RuntimeConfigScriptCarriesUrlsAsJson) {
  WebConfig config{"web/dist", "http://localhost:4000/graphql", "http://localhost:3002"};
  EXPECT_EQ(runtime_config_script(config),
            "window.__MYSPACE_CONFIG__ = Object.freeze("
            R"({"apiUrl":"http://localhost:4000/graphql","authUrl":"http://localhost:3002"});)"
            "\n");
}

TEST(WebService, RuntimeConfigCannotBreakOutOfTheScript) {
  WebConfig config{"web/dist", "http://x/</script><script>alert(1)</script>\"", "http://y"};
  const std::string script = runtime_config_script(config);
  EXPECT_EQ(script.find("</script>"), std::string::npos);
  EXPECT_NE(script.find(R"(<\/script>)"), std::string::npos);
  EXPECT_NE(script.find(R"(\")"), std::string::npos);
}

TEST(WebService, CspAllowsOnlyTheGatewayAndAuthOrigins) {
  WebConfig config{"web/dist", "https://api.example.com/graphql", "http://127.0.0.1:3002"};
  const std::string csp = content_security_policy(config);
  EXPECT_NE(csp.find("connect-src 'self' https://api.example.com http://127.0.0.1:3002;"),
            std::string::npos);
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
}

}  // namespace
}  // namespace myspace::web
