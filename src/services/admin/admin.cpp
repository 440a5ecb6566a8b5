#include "services/admin/admin.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <fstream>
#include <sstream>

#include "auth/password.h"
#include "common/log.h"
#include "db/migrations.h"
#include "db/transaction.h"

namespace myspace::admin {
namespace asio = boost::asio;

namespace {

db::PoolOptions one_connection(const std::string& database_url) {
  db::PoolOptions options;
  options.connect.url = database_url;
  options.connect.connect_timeout = std::chrono::seconds(10);
  options.max_size = 1;
  options.acquire_timeout = std::chrono::seconds(15);
  options.name = "admin";
  return options;
}

// Runs `task` on a private io_context and returns its result (or rethrows).
template <class T>
T run_to_completion(std::function<asio::awaitable<T>(db::Pool&)> task,
                    const std::string& database_url) {
  asio::io_context io{1};
  db::Pool pool(io.get_executor(), one_connection(database_url));
  auto future = asio::co_spawn(io, task(pool), asio::use_future);
  io.run();
  return future.get();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int apply_migrations(const std::string& database_url, const std::filesystem::path& directory) {
  auto applied = run_to_completion<std::vector<db::AppliedMigration>>(
      [&directory](db::Pool& pool) { return db::migrate(pool, directory); }, database_url);
  // db::migrate logs each migration it applies; this is the summary.
  log::info("migrate.done", {{"applied", applied.size()}});
  return static_cast<int>(applied.size());
}

void load_demo_data(const std::string& database_url, const std::filesystem::path& script,
                    const std::string& password) {
  const std::string sql = read_file(script);
  const std::string hash = auth::hash_password(password, auth::kMinBcryptCost);
  run_to_completion<int>(
      [&](db::Pool& pool) -> asio::awaitable<int> {
        co_await db::transact(pool, [&](db::Connection& conn) -> asio::awaitable<void> {
          co_await conn.query("SELECT set_config('myspace.demo_password_hash', $1, true)", hash);
          co_await conn.execute_script(sql);
        });
        co_return 0;
      },
      database_url);
  log::info("seed.done", {{"script", script.string()}});
}

}  // namespace myspace::admin
