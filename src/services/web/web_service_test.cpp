#include "services/web/web_service.h"

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(WebService, AuthOnTheOwnOriginByDefault) {
  const config::Environment empty(
      [](std::string_view) -> std::optional<std::string> { return std::nullopt; });
  const auto config = WebConfig::from_env(empty);
  EXPECT_EQ(config.public_auth_url, "/auth");
  EXPECT_EQ(config.auth_service_url, "http://127.0.0.1:3002");
  EXPECT_NE(runtime_config_script(config).find(R"("authUrl":"/auth")"), std::string::npos);
  // A path needs no origin of its own in connect-src: 'self' covers it.
  EXPECT_NE(content_security_policy(config).find("connect-src 'self' http://localhost:4000;"),
            std::string::npos);
}

TEST(WebService, PublicAuthUrlIsAPathOrAnHttpUrl) {
  const auto with = [](std::string value) {
    return config::Environment([value](std::string_view name) -> std::optional<std::string> {
      if (name == "PUBLIC_AUTH_URL") return value;
      return std::nullopt;
    });
  };
  EXPECT_EQ(WebConfig::from_env(with("/api/auth")).public_auth_url, "/api/auth");
  EXPECT_EQ(WebConfig::from_env(with("https://auth.example.com")).public_auth_url,
            "https://auth.example.com");
  for (const auto* bad : {"//evil.example", "javascript:alert(1)", R"(/auth";alert(1)//)"}) {
    EXPECT_THROW(WebConfig::from_env(with(bad)), config::ConfigError) << bad;
  }
}

TEST(WebService, ClientRoutesCoverTheAppsPages) {
  const auto& routes = client_routes();
  for (const auto* route :
       {"/jobs", "/login", "/register", "/dashboard", "/u/:username", "/settings/*section"}) {
    EXPECT_NE(std::find(routes.begin(), routes.end(), route), routes.end()) << route;
  }
}

}  // namespace
}  // namespace myspace::web
