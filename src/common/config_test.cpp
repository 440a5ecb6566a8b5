#include "common/config.h"

#include <gtest/gtest.h>

#include <map>

namespace myspace::config {
namespace {

Environment with(std::map<std::string, std::string> vars) {
  return Environment([vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

TEST(Config, UsesFallbackWhenUnsetOrEmpty) {
  auto env = with({{"EMPTY", ""}});
  EXPECT_EQ(env.port("PORT", 4000), 4000);
  EXPECT_EQ(env.string("EMPTY", "x"), "x");
}

TEST(Config, RejectsBadPortNamingTheVariable) {
  auto env = with({{"PORT", "70000"}, {"OTHER", "abc"}});
  try {
    env.port("PORT", 4000);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_EQ(e.variable(), "PORT");
    EXPECT_NE(std::string(e.what()).find("between 1 and 65535"), std::string::npos);
  }
  EXPECT_THROW(env.port("OTHER", 1), ConfigError);
}

TEST(Config, ValidatesUrlScheme) {
  auto env = with({{"DATABASE_URL", "mysql://x/y"}, {"REDIS_URL", "redis://localhost:6379"}});
  EXPECT_THROW(env.url("DATABASE_URL", "", {"postgresql", "postgres"}), ConfigError);
  EXPECT_EQ(env.url("REDIS_URL", "", {"redis"}), "redis://localhost:6379");
  EXPECT_THROW(with({{"U", "not a url"}}).url("U", "", {"http"}), ConfigError);
}

TEST(Config, ParsesBooleansAndLists) {
  auto env = with({{"B", "yes"}, {"BAD", "maybe"}, {"L", " a, b ,,c "}});
  EXPECT_TRUE(env.boolean("B", false));
  EXPECT_THROW(env.boolean("BAD", false), ConfigError);
  EXPECT_EQ(env.list("L", ""), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Config, RequiredThrowsWhenMissing) {
  EXPECT_THROW(with({}).required("JWT_SECRET"), ConfigError);
}

}  // namespace
}  // namespace myspace::config
