#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace myspace::http {
namespace {

boost::asio::awaitable<Response> ok(Context&) {
  co_return Response{Status::ok, 11};
}

using Kind = Router::Match::Kind;

TEST(Router, MatchesLiteralRoutes) {
  Router router;
  router.get("/health", ok);
  router.get("/", ok);
  EXPECT_EQ(router.match(Verb::get, "/health").kind, Kind::kFound);
  EXPECT_EQ(router.match(Verb::get, "/health").pattern, "/health");
  EXPECT_EQ(router.match(Verb::get, "/").kind, Kind::kFound);
  EXPECT_EQ(router.match(Verb::get, "/healthz").kind, Kind::kNotFound);
  EXPECT_EQ(router.match(Verb::get, "/health/x").kind, Kind::kNotFound);
  EXPECT_EQ(router.match(Verb::get, "health").kind, Kind::kNotFound);
}

TEST(Router, CapturesDecodedParameters) {
  Router router;
  router.get("/users/:id/posts/:post", ok);
  const auto match = router.match(Verb::get, "/users/a%20b/posts/7");
  ASSERT_EQ(match.kind, Kind::kFound);
  EXPECT_EQ(match.pattern, "/users/:id/posts/:post");
  ASSERT_EQ(match.params.size(), 2u);
  EXPECT_EQ(match.params[0], (std::pair<std::string, std::string>{"id", "a b"}));
  EXPECT_EQ(match.params[1], (std::pair<std::string, std::string>{"post", "7"}));
  EXPECT_EQ(router.match(Verb::get, "/users//posts/7").kind, Kind::kNotFound);
  EXPECT_EQ(router.match(Verb::get, "/users/%zz/posts/7").kind, Kind::kNotFound);
}

TEST(Router, LiteralBeatsParameterBeatsWildcard) {
  Router router;
  router.get("/users/me", ok);
  router.get("/users/:id", ok);
  router.get("/*rest", ok);
  EXPECT_EQ(router.match(Verb::get, "/users/me").pattern, "/users/me");
  EXPECT_EQ(router.match(Verb::get, "/users/42").pattern, "/users/:id");
  const auto fallback = router.match(Verb::get, "/users/42/x");
  EXPECT_EQ(fallback.pattern, "/*rest");
  ASSERT_EQ(fallback.params.size(), 1u);
  EXPECT_EQ(fallback.params[0].second, "users/42/x");
  EXPECT_EQ(router.match(Verb::get, "/").pattern, "/*rest");
}

TEST(Router, FallsBackToLessSpecificRouteWithTheMethod) {
  Router router;
  router.get("/users/me", ok);
  router.add(Verb::delete_, "/users/:id", ok);
  EXPECT_EQ(router.match(Verb::delete_, "/users/me").pattern, "/users/:id");
}

TEST(Router, WrongMethodIs405WithAllow) {
  Router router;
  router.get("/items/:id", ok);
  router.add(Verb::put, "/items/:id", ok);
  const auto match = router.match(Verb::post, "/items/1");
  EXPECT_EQ(match.kind, Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "GET, HEAD, PUT");
  EXPECT_EQ(match.handler, nullptr);
}

TEST(Router, HeadUsesGet) {
  Router router;
  router.get("/a", ok);
  const auto match = router.match(Verb::head, "/a");
  EXPECT_EQ(match.kind, Kind::kFound);
  EXPECT_NE(match.handler, nullptr);
}

TEST(Router, RejectsBadPatterns) {
  Router router;
  EXPECT_THROW(router.get("nope", ok), std::invalid_argument);
  EXPECT_THROW(router.get("/*rest/more", ok), std::invalid_argument);
  EXPECT_THROW(router.get("/:", ok), std::invalid_argument);
  router.get("/x/:id", ok);
  EXPECT_THROW(router.get("/x/:id", ok), std::invalid_argument);
  EXPECT_THROW(router.get("/x/:other/y", ok), std::invalid_argument);
}

}  // namespace
}  // namespace myspace::http
