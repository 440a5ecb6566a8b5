#include "services/commands.h"

#include <iostream>

#include "api/features.h"
#include "services/admin/admin.h"
#include "services/auth_service/auth_service.h"
#include "services/gateway/gateway_service.h"
#include "services/runtime.h"
#include "services/web/web_service.h"

namespace myspace::commands {

int run_auth(const config::Environment& env) {
  auto base = service::BaseConfig::from_env(env, "auth", 3002);
  auto config = auth_service::AuthConfig::from_env(env, base.production());
  return service::run(base, auth_service::make_setup(config));
}

int run_gateway(const config::Environment& env) {
  auto base = service::BaseConfig::from_env(env, "gateway", 4000);
  auto config = gateway::GatewayConfig::from_env(env, base.production());
  return service::run(base, gateway::make_setup(config));
}

int run_web(const config::Environment& env) {
  auto base = service::BaseConfig::from_env(env, "web", 3000);
  auto config = web::WebConfig::from_env(env, base.production());
  return service::run(base, web::make_setup(config));
}

int run_migrate(const config::Environment& env, const std::string& migrations_dir) {
  const auto stores = service::StoreConfig::from_env(env);
  admin::apply_migrations(stores.database_url, migrations_dir);
  return 0;
}

int run_seed(const config::Environment& env) {
  const auto base = service::BaseConfig::from_env(env, "seed", 1);
  if (base.production()) {
    throw config::ConfigError("MYSPACE_ENV", "demo data is never loaded in production");
  }
  const auto stores = service::StoreConfig::from_env(env);
  admin::load_demo_data(stores.database_url, env.string("SEED_FILE", "seeds/demo.sql"),
                        env.string("DEMO_PASSWORD", "demo-password-2026"));
  return 0;
}

int print_schema() {
  std::cout << api::schema_sdl();
  return std::cout.good() ? 0 : 1;
}

}  // namespace myspace::commands
