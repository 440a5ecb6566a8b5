#include "services/web/web_service.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>

#include "common/log.h"
#include "http/client.h"
#include "http/static_files.h"
#include "services/dependencies.h"
#include "services/web/auth_proxy.h"

namespace myspace::web {
namespace asio = boost::asio;

namespace {

// "/auth", "/api/auth": a same-origin path of plain characters.
bool is_plain_path(std::string_view text) {
  if (!text.starts_with('/') || text.starts_with("//")) return false;
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '-' || c == '_' || c == '.';
    if (!plain) return false;
  }
  return true;
}

}  // namespace

WebConfig WebConfig::from_env(const config::Environment& env, bool production) {
  WebConfig config;
  config.root = env.string("WEB_ROOT", "web/dist");
  config.public_api_url =
      env.url("PUBLIC_API_URL", "http://localhost:4000/graphql", {"http", "https"});
  // A path ("/auth") is on the page's own origin; anything else must be an http(s) URL.
  const auto auth_url = env.get("PUBLIC_AUTH_URL");
  if (!auth_url) {
    config.public_auth_url = std::string(kAuthPrefix);
  } else if (is_plain_path(*auth_url)) {
    config.public_auth_url = *auth_url;
  } else {
    config.public_auth_url = env.url("PUBLIC_AUTH_URL", "", {"http", "https"});
  }
  config.auth_service_url = env.url("AUTH_SERVICE_URL", "http://127.0.0.1:3002", {"http"});
  config.internal_credential = service::internal_credential_from_env(
      env, service::jwt_secret_from_env(env, production), production);
  return config;
}

std::string runtime_config_script(const WebConfig& config) {
  const boost::json::value settings = {{"apiUrl", config.public_api_url},
                                       {"authUrl", config.public_auth_url}};
  std::string json = boost::json::serialize(settings);
  // JSON inside a script: "</" could end an inline <script>; escape it anyway.
  for (std::size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at)) {
    json.replace(at, 2, "<\\/");
  }
  return "window.__MYSPACE_CONFIG__ = Object.freeze(" + json + ");\n";
}

namespace {
std::string origin_of(const std::string& url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return {};
  std::string origin = std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host());
  if (parsed->has_port()) origin += ":" + std::string(parsed->port());
  return origin;
}
}  // namespace

std::string content_security_policy(const WebConfig& config) {
  std::string connect = "'self'";
  for (const auto& url : {config.public_api_url, config.public_auth_url}) {
    const auto origin = origin_of(url);  // empty for a path: 'self' covers it
    if (!origin.empty() && connect.find(" " + origin) == std::string::npos) connect += " " + origin;
  }
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
         "font-src 'self'; connect-src " +
         connect +
         "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}

const std::vector<std::string_view>& client_routes() {
  // Keep in step with web/src/app/routes.tsx ("/" is index.html already; an
  // unknown extension-less path a browser navigates to gets it too, and the
  // app shows its not-found page).
  static const std::vector<std::string_view> routes = {
      "/jobs",        "/login",    "/register",          "/dashboard",
      "/u/:username", "/settings", "/settings/*section",
  };
  return routes;
}

service::WorkerSetup make_setup(const WebConfig& config) {
  // Loaded once and shared read-only by every worker thread.
  auto files = std::make_shared<const http::StaticFiles>(config.root);
  log::info("web.assets_loaded", {{"root", config.root}, {"files", files->file_count()}});
  auto script = std::make_shared<const std::string>(runtime_config_script(config));
  auto csp = content_security_policy(config);
  const AuthProxyOptions proxy_options{.upstream = config.auth_service_url,
                                       .internal_credential = config.internal_credential};
  log::info("web.auth_proxy", {{"prefix", kAuthPrefix}, {"upstream", config.auth_service_url}});

  return [files, script, csp, proxy_options](service::Worker& worker) {
    worker.server_options.content_security_policy = csp;
    // Only the auth proxy takes a body, and a small one.
    worker.server_options.body_limit = proxy_options.max_request_bytes;
    auto client = std::make_shared<http::Client>(
        worker.io, http::ClientOptions{.default_timeout = proxy_options.timeout,
                                       .max_response_bytes = proxy_options.max_response_bytes,
                                       .user_agent = "myspace-web"});
    auto proxy = std::make_shared<const AuthProxy>(*client, proxy_options);
    worker.keep_alive.push_back(client);  // the proxy (held by its routes) uses it
    worker.router.post(kAuthRoute, AuthProxy::handler(proxy));
    worker.router.get(kAuthRoute, AuthProxy::handler(proxy));
    for (const auto route : client_routes()) {
      worker.router.get(route, http::StaticFiles::index_handler(files));
    }
    worker.router.get("/config.js", [script](http::Context&) -> asio::awaitable<http::Response> {
      http::Response response{http::Status::ok, 11};
      response.set(boost::beast::http::field::content_type, "text/javascript; charset=utf-8");
      response.set(boost::beast::http::field::cache_control, "no-cache");
      response.body() = *script;
      response.prepare_payload();
      co_return response;
    });
    worker.router.get("/*path", http::StaticFiles::handler(files));
  };
}

}  // namespace myspace::web
