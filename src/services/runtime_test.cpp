#include "services/runtime.h"

#include <gtest/gtest.h>

#include <map>

#include "auth/internal_credential.h"
#include "services/auth_service/auth_service.h"
#include "services/dependencies.h"

namespace myspace::service {
namespace {

config::Environment with(std::map<std::string, std::string> vars) {
  return config::Environment(
      [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        auto it = vars.find(std::string(name));
        if (it == vars.end()) return std::nullopt;
        return it->second;
      });
}

TEST(BaseConfig, DefaultsAndOverrides) {
  auto config = BaseConfig::from_env(with({{"THREADS", "3"}}), "gateway", 4000);
  EXPECT_EQ(config.port, 4000);
  EXPECT_EQ(config.threads, 3);
  EXPECT_EQ(config.environment, "development");
  EXPECT_FALSE(config.production());
  EXPECT_EQ(BaseConfig::from_env(with({{"PORT", "5000"}}), "gateway", 4000).port, 5000);
}

TEST(BaseConfig, RefusesUnknownEnvironmentAndBadPort) {
  EXPECT_THROW(BaseConfig::from_env(with({{"MYSPACE_ENV", "staging"}}), "auth", 3002),
               config::ConfigError);
  EXPECT_THROW(BaseConfig::from_env(with({{"PORT", "http"}}), "auth", 3002), config::ConfigError);
  EXPECT_THROW(BaseConfig::from_env(with({{"THREADS", "0"}}), "auth", 3002), config::ConfigError);
}

TEST(JwtSecret, DevelopmentDefaultIsRefusedInProduction) {
  EXPECT_EQ(jwt_secret_from_env(with({}), false), "dev-secret-key");
  EXPECT_THROW(jwt_secret_from_env(with({}), true), config::ConfigError);
  EXPECT_THROW(jwt_secret_from_env(with({{"JWT_SECRET", "short-but-not-default"}}), true),
               config::ConfigError);
  const std::string strong(40, 'k');
  EXPECT_EQ(jwt_secret_from_env(with({{"JWT_SECRET", strong}}), true), strong);
}

// Both services compute the same credential from the same environment, the
// JWT secret's by default; a set INTERNAL_API_SECRET replaces it.
TEST(InternalCredential, DerivedFromJwtSecretUnlessItsOwnIsSet) {
  const std::string jwt(40, 'k');
  const std::string derived = internal_credential_from_env(with({}), jwt, true);
  EXPECT_EQ(derived, auth::internal_credential(jwt));
  EXPECT_NE(derived, jwt);
  const std::string own(32, 'i');
  EXPECT_EQ(internal_credential_from_env(with({{"INTERNAL_API_SECRET", own}}), jwt, true),
            auth::internal_credential(own));
  EXPECT_THROW(
      internal_credential_from_env(with({{"INTERNAL_API_SECRET", "too-short"}}), jwt, true),
      config::ConfigError);
  EXPECT_EQ(
      internal_credential_from_env(with({{"INTERNAL_API_SECRET", "short-ok-in-dev"}}), jwt, false),
      auth::internal_credential("short-ok-in-dev"));
}

TEST(StoreConfig, ValidatesUrls) {
  EXPECT_THROW(StoreConfig::from_env(with({{"DATABASE_URL", "mysql://db/x"}})),
               config::ConfigError);
  EXPECT_THROW(StoreConfig::from_env(with({{"REDIS_URL", "http://localhost"}})),
               config::ConfigError);
  auto config = StoreConfig::from_env(with({{"DB_POOL_SIZE", "4"}}));
  EXPECT_EQ(config.pool_size, 4u);
  EXPECT_EQ(config.redis_url, "redis://127.0.0.1:6379");
}

TEST(AuthConfig, HashingThreadsIdleByDefaultOrNiceOnRequest) {
  const auto defaults = auth_service::AuthConfig::from_env(with({}), false);
  EXPECT_TRUE(defaults.bcrypt_idle);
  const auto nice = auth_service::AuthConfig::from_env(
      with({{"BCRYPT_PRIORITY", "nice"}, {"BCRYPT_NICE", "7"}}), false);
  EXPECT_FALSE(nice.bcrypt_idle);
  EXPECT_EQ(nice.bcrypt_nice, 7);
  try {
    auth_service::AuthConfig::from_env(with({{"BCRYPT_PRIORITY", "realtime"}}), false);
    ADD_FAILURE() << "BCRYPT_PRIORITY=realtime was accepted";
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.variable(), "BCRYPT_PRIORITY");
  }
}

}  // namespace
}  // namespace myspace::service
