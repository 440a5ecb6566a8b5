#include "db/pool.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/log.h"
#include "common/metrics.h"

namespace myspace::db {

using Clock = std::chrono::steady_clock;

// An acquire() waiting for a connection. release() either hands it a connection
// (still counted in use) or, when a slot was freed by discarding a broken one,
// just wakes it to open a new connection itself. Waking = cancelling the timer.
struct Pool::Waiter {
  explicit Waiter(const asio::any_io_executor& executor, Clock::time_point deadline)
      : timer(executor, deadline) {}
  asio::steady_timer timer;
  std::unique_ptr<Connection> conn;
};

// ---- PooledConnection ----

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : pool_(other.pool_), conn_(std::move(other.conn_)) {}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    if (conn_ != nullptr) pool_->release(std::move(conn_));
    pool_ = other.pool_;
    conn_ = std::move(other.conn_);
  }
  return *this;
}

PooledConnection::~PooledConnection() {
  if (conn_ != nullptr) pool_->release(std::move(conn_));
}

// ---- Pool ----

Pool::Pool(asio::any_io_executor executor, PoolOptions options)
    : executor_(std::move(executor)), options_(std::move(options)) {
  auto& registry = metrics::Registry::global();
  const std::string pool = "pool=\"" + options_.name + "\"";
  in_use_gauge_ = &registry.gauge("db_pool_connections", "PostgreSQL connections by state",
                                  pool + ",state=\"in_use\"");
  idle_gauge_ = &registry.gauge("db_pool_connections", "PostgreSQL connections by state",
                                pool + ",state=\"idle\"");
  acquire_seconds_ = &registry.histogram("db_pool_acquire_seconds",
                                         "Time to get a connection from the pool", pool);
  query_seconds_ = &registry.histogram("db_query_seconds", "PostgreSQL statement latency", pool);
  errors_ = &registry.counter("db_errors_total", "Failed statements and connection attempts", pool);
}

Pool::~Pool() {
  in_use_gauge_->add(-published_in_use_);
  idle_gauge_->add(-published_idle_);
}

void Pool::publish_gauges() {
  const auto in_use = static_cast<std::int64_t>(in_use_);
  const auto idle = static_cast<std::int64_t>(idle_.size());
  in_use_gauge_->add(in_use - published_in_use_);
  idle_gauge_->add(idle - published_idle_);
  published_in_use_ = in_use;
  published_idle_ = idle;
}

PooledConnection Pool::lend(std::unique_ptr<Connection> conn) {
  ++in_use_;
  publish_gauges();
  return PooledConnection(this, std::move(conn));
}

std::unique_ptr<Connection> Pool::take_idle() {
  // Most recently used first: it is the likeliest to be alive and warm.
  while (!idle_.empty()) {
    std::unique_ptr<Connection> conn = std::move(idle_.back());
    idle_.pop_back();
    if (!conn->check_closed_while_idle()) return conn;
    log::info("db.pool.discard", {{"pool", options_.name}, {"reason", "closed while idle"}});
  }
  publish_gauges();
  return nullptr;
}

asio::awaitable<PooledConnection> Pool::open_new() {
  ++connecting_;
  std::unique_ptr<Connection> conn;
  try {
    conn = co_await Connection::connect(options_.connect);
  } catch (const DbError& e) {
    --connecting_;
    errors_->inc();
    log::warn("db.pool.connect_failed", {{"pool", options_.name}, {"error", e.detail()}});
    wake_next_waiter();  // the slot it held is free again
    throw;
  }
  --connecting_;
  conn->instrument(query_seconds_, errors_);
  co_return lend(std::move(conn));
}

asio::awaitable<PooledConnection> Pool::acquire() {
  const auto started = Clock::now();
  const auto deadline = started + options_.acquire_timeout;
  const auto observe = [&] {
    acquire_seconds_->observe(std::chrono::duration<double>(Clock::now() - started).count());
  };
  while (true) {
    if (auto conn = take_idle()) {
      observe();
      co_return lend(std::move(conn));
    }
    if (size() < options_.max_size) {
      PooledConnection conn = co_await open_new();
      observe();
      co_return conn;
    }
    if (Clock::now() >= deadline) break;
    auto waiter = std::make_shared<Waiter>(executor_, deadline);
    waiters_.push_back(waiter);
    boost::system::error_code ec;
    co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    std::erase(waiters_, waiter);
    if (waiter->conn != nullptr) {
      observe();
      // Handed over by release(), which kept it counted in use.
      co_return PooledConnection(this, std::move(waiter->conn));
    }
  }
  errors_->inc();
  throw PoolExhausted(client_side("no PostgreSQL connection free within " +
                                  std::to_string(options_.acquire_timeout.count()) + "ms (pool \"" +
                                  options_.name + "\", max " + std::to_string(options_.max_size) +
                                  " connections in use)"));
}

void Pool::wake_next_waiter() {
  for (auto& waiter : waiters_) {
    if (waiter->conn == nullptr) {
      waiter->timer.cancel();
      return;
    }
  }
}

void Pool::discard(std::unique_ptr<Connection> conn, std::string_view why) {
  log::info("db.pool.discard", {{"pool", options_.name}, {"reason", why}});
  conn.reset();
  publish_gauges();
  wake_next_waiter();
}

void Pool::release(std::unique_ptr<Connection> conn) {
  --in_use_;
  if (!conn->usable()) return discard(std::move(conn), "broken");
  // A handle dropped inside a transaction (an exception outside db::transact):
  // closing is the only way to be sure its changes are rolled back.
  if (conn->in_transaction()) return discard(std::move(conn), "left inside a transaction");
  for (auto& waiter : waiters_) {
    if (waiter->conn == nullptr) {
      ++in_use_;
      waiter->conn = std::move(conn);
      waiter->timer.cancel();
      return;
    }
  }
  idle_.push_back(std::move(conn));
  publish_gauges();
}

asio::awaitable<Result> Pool::query_params(Sql sql, Params params, QueryOptions options) {
  PooledConnection conn = co_await acquire();
  co_return co_await conn->query_params(sql, std::move(params), options);
}

asio::awaitable<void> Pool::ping() {
  PooledConnection conn = co_await acquire();
  co_await conn->query_with({.timeout = options_.connect.connect_timeout}, "SELECT 1");
}

}  // namespace myspace::db
