#include "system.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace myspace::testing {
namespace beast_http = boost::beast::http;
using namespace std::chrono_literals;

boost::json::value Reply::json() const {
  return boost::json::parse(body);
}

std::string Reply::header(std::string_view name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : std::string(it->value());
}

Reply http_request(std::uint16_t port, const RequestSpec& spec) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  if (!spec.source_address.empty()) {
    socket.open(boost::asio::ip::tcp::v4());
    socket.bind({boost::asio::ip::make_address(spec.source_address), 0});
  }
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  // A broken gateway must fail the test, not hang it.
  const timeval timeout{10, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  beast_http::request<beast_http::string_body> request{beast_http::string_to_verb(spec.method),
                                                       spec.target, 11};
  request.set(beast_http::field::host, "127.0.0.1");
  for (const auto& [name, value] : spec.headers) request.set(name, value);
  request.body() = spec.body;
  if (!spec.body.empty() || spec.method == "POST") request.prepare_payload();
  beast_http::write(socket, request);
  boost::beast::flat_buffer buffer;
  beast_http::response<beast_http::string_body> response;
  beast_http::read(socket, buffer, response);
  Reply reply;
  reply.status = static_cast<int>(response.result_int());
  reply.body = response.body();
  for (const auto& field : response) reply.headers.insert(field.name_string(), field.value());
  return reply;
}

Reply post_query(std::uint16_t port, const std::string& query, const std::string& accept) {
  RequestSpec spec;
  spec.body = boost::json::serialize(boost::json::object{{"query", query}});
  if (!accept.empty()) spec.headers["Accept"] = accept;
  return http_request(port, spec);
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

Reply get_query(std::uint16_t port, const std::map<std::string, std::string>& parameters,
                const std::string& accept) {
  RequestSpec spec;
  spec.method = "GET";
  spec.headers.clear();
  if (!accept.empty()) spec.headers["Accept"] = accept;
  std::string separator = "?";
  for (const auto& [name, value] : parameters) {
    spec.target += separator + url_encode(name) + "=" + url_encode(value);
    separator = "&";
  }
  return http_request(port, spec);
}

double metric_value(const std::string& metrics_text, const std::string& series) {
  std::istringstream lines(metrics_text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 &&
        line[series.size()] == ' ') {
      return std::stod(line.substr(series.size() + 1));
    }
  }
  return 0;
}

GatewaySystem::GatewaySystem() {
  for (const std::string role : {"migrate", "seed"}) {
    ProcessOptions options;
    options.argv = {MYSPACE_BINARY, role};
    if (role == "migrate") {
      options.argv.insert(options.argv.end(), {"--dir", MYSPACE_SOURCE_DIR_PATH "/migrations"});
    }
    options.env_extra = environment(free_port());
    options.stdout_file = logs_.path() / (role + ".log");
    Process process(options);
    if (process.wait(60s).value_or(-1) != 0) {
      std::ifstream in(logs_.path() / (role + ".log"));
      throw std::runtime_error("myspace " + role +
                               " failed: " + std::string(std::istreambuf_iterator<char>(in), {}));
    }
  }
}

GatewaySystem::~GatewaySystem() = default;

std::map<std::string, std::string> GatewaySystem::environment(std::uint16_t port) const {
  return {{"PORT", std::to_string(port)},
          {"DATABASE_URL", postgres_.url()},
          {"REDIS_URL", redis_.url()},
          {"THREADS", "1"},
          {"MYSPACE_ENV", "test"},
          {"JWT_SECRET", "integration-test-secret-0123456789abcdef"},
          {"CORS_ORIGINS", "http://localhost:3000"},
          {"SEED_FILE", MYSPACE_SOURCE_DIR_PATH "/seeds/demo.sql"},
          {"BCRYPT_COST", "10"}};
}

std::uint16_t GatewaySystem::start_gateway(std::map<std::string, std::string> extra_env) {
  const auto port = free_port();
  ProcessOptions options;
  options.argv = {MYSPACE_BINARY, "gateway"};
  options.env_extra = environment(port);
  for (auto& [key, value] : extra_env) options.env_extra[key] = value;
  options.stdout_file = logs_.path() / "gateway.log";
  gateway_.reset();
  gateway_.emplace(options);
  if (!wait_for_port(port, 30s))
    throw std::runtime_error("gateway did not start: " + gateway_log());
  return port;
}

std::uint16_t GatewaySystem::start_extra_gateway(std::map<std::string, std::string> extra_env) {
  const auto port = free_port();
  ProcessOptions options;
  options.argv = {MYSPACE_BINARY, "gateway"};
  options.env_extra = environment(port);
  for (auto& [key, value] : extra_env) options.env_extra[key] = value;
  options.stdout_file = logs_.path() / ("gateway-" + std::to_string(port) + ".log");
  extra_gateways_.emplace_back(options);
  if (!wait_for_port(port, 30s)) throw std::runtime_error("the extra gateway did not start");
  // Until its Redis client has connected, a gateway counts rate limits in
  // process; tests of shared limits start counting once it is ready.
  for (int i = 0; i < 200; ++i) {
    if (http_request(port, RequestSpec{"GET", "/ready", {}, ""}).status == 200) break;
    std::this_thread::sleep_for(50ms);
  }
  return port;
}

std::uint16_t GatewaySystem::start_auth(std::uint16_t port,
                                        std::map<std::string, std::string> extra_env) {
  if (port == 0) port = free_port();
  ProcessOptions options;
  options.argv = {MYSPACE_BINARY, "auth"};
  options.env_extra = environment(port);
  options.env_extra["TRUSTED_PROXIES"] = "127.0.0.1";
  for (auto& [key, value] : extra_env) options.env_extra[key] = value;
  options.stdout_file = logs_.path() / "auth.log";
  auth_.reset();
  auth_.emplace(options);
  if (!wait_for_port(port, 30s)) throw std::runtime_error("auth did not start: " + auth_log());
  return port;
}

std::uint16_t GatewaySystem::start_extra_auth(std::map<std::string, std::string> extra_env) {
  const auto port = free_port();
  ProcessOptions options;
  options.argv = {MYSPACE_BINARY, "auth"};
  options.env_extra = environment(port);
  options.env_extra["TRUSTED_PROXIES"] = "127.0.0.1";
  for (auto& [key, value] : extra_env) options.env_extra[key] = value;
  options.stdout_file = logs_.path() / ("auth-" + std::to_string(port) + ".log");
  extra_auths_.emplace_back(options);
  if (!wait_for_port(port, 30s)) {
    throw std::runtime_error("an extra auth service did not start: " + extra_log("auth", port));
  }
  return port;
}

std::string GatewaySystem::extra_log(std::string_view role, std::uint16_t port) const {
  std::ifstream in(logs_.path() / (std::string(role) + "-" + std::to_string(port) + ".log"));
  return {std::istreambuf_iterator<char>(in), {}};
}

void GatewaySystem::stop_auth() {
  if (auth_) auth_->stop(SIGTERM);
  auth_.reset();
}

std::string GatewaySystem::auth_log() const {
  std::ifstream in(logs_.path() / "auth.log");
  return {std::istreambuf_iterator<char>(in), {}};
}

int GatewaySystem::run_gateway_expecting_exit(std::map<std::string, std::string> extra_env) {
  ProcessOptions options;
  options.argv = {MYSPACE_BINARY, "gateway"};
  options.env_extra = environment(free_port());
  for (auto& [key, value] : extra_env) options.env_extra[key] = value;
  options.stdout_file = logs_.path() / "gateway.log";
  Process process(options);
  return process.wait(30s).value_or(-1);
}

std::string GatewaySystem::gateway_log() const {
  std::ifstream in(logs_.path() / "gateway.log");
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace myspace::testing
