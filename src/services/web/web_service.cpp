#include "services/web/web_service.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>

#include "common/log.h"
#include "http/static_files.h"

namespace myspace::web {
namespace asio = boost::asio;

WebConfig WebConfig::from_env(const config::Environment& env) {
  WebConfig config;
  config.root = env.string("WEB_ROOT", "web/dist");
  config.public_api_url =
      env.url("PUBLIC_API_URL", "http://localhost:4000/graphql", {"http", "https"});
  config.public_auth_url = env.url("PUBLIC_AUTH_URL", "http://localhost:3002", {"http", "https"});
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
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
         "font-src 'self'; connect-src 'self' " +
         origin_of(config.public_api_url) + " " + origin_of(config.public_auth_url) +
         "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}

service::WorkerSetup make_setup(const WebConfig& config) {
  // Loaded once and shared read-only by every worker thread.
  auto files = std::make_shared<const http::StaticFiles>(config.root);
  log::info("web.assets_loaded", {{"root", config.root}, {"files", files->file_count()}});
  auto script = std::make_shared<const std::string>(runtime_config_script(config));
  auto csp = content_security_policy(config);

  return [files, script, csp](service::Worker& worker) {
    worker.server_options.content_security_policy = csp;
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
