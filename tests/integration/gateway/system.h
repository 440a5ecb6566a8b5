#pragma once
// A marketplace system for the gateway's integration tests: a TempPostgres
// with the migrations and demo data applied by the real `myspace` binary, a
// TempRedis, and `myspace gateway` (and `myspace auth`) processes started
// against them. Plus a blocking HTTP client for talking to the gateway.

#include <boost/beast/http/fields.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/postgres/temp_postgres.h"
#include "support/process.h"
#include "support/redis/temp_redis.h"

namespace myspace::testing {

struct Reply {
  int status = 0;
  boost::beast::http::fields headers;
  std::string body;
  boost::json::value json() const;  // throws when the body is not JSON
  std::string header(std::string_view name) const;
};

struct RequestSpec {
  std::string method = "POST";
  std::string target = "/graphql";
  std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
  std::string body;
  // Connect from this local address (e.g. "127.0.0.2": another client on
  // the loopback network) rather than the kernel's choice.
  std::string source_address = {};
};

Reply http_request(std::uint16_t port, const RequestSpec& spec);
// POST {"query": query} with Accept `accept` ("" for none).
Reply post_query(std::uint16_t port, const std::string& query, const std::string& accept = "");
// GET /graphql?<encoded parameters>.
Reply get_query(std::uint16_t port, const std::map<std::string, std::string>& parameters,
                const std::string& accept = "");
std::string url_encode(std::string_view text);

// The value of a Prometheus series ("name{labels}") in a /metrics text, 0 if absent.
double metric_value(const std::string& metrics_text, const std::string& series);

class GatewaySystem {
 public:
  GatewaySystem();
  ~GatewaySystem();

  // Starts `myspace gateway` on a free port with THREADS=1 and the given
  // extra environment; waits until it listens. Returns its port.
  std::uint16_t start_gateway(std::map<std::string, std::string> extra_env = {});
  // Another `myspace gateway` alongside the first (kept until the system goes);
  // its output goes to gateway-<port>.log.
  std::uint16_t start_extra_gateway(std::map<std::string, std::string> extra_env = {});
  // Starts `myspace auth` (BCRYPT_COST 10, TRUSTED_PROXIES=127.0.0.1) on
  // `port` (0: a free one); returns its port. stop_auth() ends it (SIGTERM).
  std::uint16_t start_auth(std::uint16_t port = 0,
                           std::map<std::string, std::string> extra_env = {});
  void stop_auth();
  std::string auth_log() const;
  // Another `myspace auth` alongside the first (kept until the system goes),
  // on a free port with the same defaults; its output goes to
  // auth-<port>.log, read by extra_log("auth", port).
  std::uint16_t start_extra_auth(std::map<std::string, std::string> extra_env = {});
  // The output of an extra process: extra_log("gateway", port) for a gateway
  // from start_extra_gateway, extra_log("auth", port) for start_extra_auth.
  std::string extra_log(std::string_view role, std::uint16_t port) const;
  // Runs `myspace gateway` expecting it to exit; returns the exit code.
  int run_gateway_expecting_exit(std::map<std::string, std::string> extra_env);
  std::string gateway_log() const;

  TempPostgres& postgres() { return postgres_; }
  TempRedis& redis() { return redis_; }

 private:
  std::map<std::string, std::string> environment(std::uint16_t port) const;

  TempPostgres postgres_;
  TempRedis redis_;
  TempDir logs_{"myspace-gateway-logs-"};
  std::optional<Process> gateway_;
  std::vector<Process> extra_gateways_;
  std::vector<Process> extra_auths_;
  std::optional<Process> auth_;
};

}  // namespace myspace::testing
