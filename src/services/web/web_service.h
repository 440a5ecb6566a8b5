#pragma once
// The web service (:3000): serves the built React front end (web/dist) from
// memory, /config.js — the browser's runtime configuration (where the gateway
// and the auth service are), generated from the environment so one build runs
// anywhere — and proxies /auth/* to the auth service (auth_proxy.h), so that
// signing in happens on the app's own origin.

#include <string>
#include <string_view>
#include <vector>

#include "common/config.h"
#include "services/runtime.h"

namespace myspace::web {

struct WebConfig {
  std::string root;            // WEB_ROOT: directory of the built front end
  std::string public_api_url;  // PUBLIC_API_URL: the gateway's /graphql as the browser sees it
  // PUBLIC_AUTH_URL: the auth service as the browser sees it; by default
  // "/auth", this service's own proxy. A path or an absolute http(s) URL.
  std::string public_auth_url = "/auth";
  std::string auth_service_url = "http://127.0.0.1:3002";  // AUTH_SERVICE_URL: where /auth/* goes
  // From INTERNAL_API_SECRET or JWT_SECRET, as the gateway's: the proxy's
  // X-Forwarded-For is believed only with it.
  std::string internal_credential{};

  static WebConfig from_env(const config::Environment& env, bool production = false);
};

// The body of /config.js for `config` (values JSON-encoded, so a URL can never
// break out of the string).
std::string runtime_config_script(const WebConfig& config);

// The Content-Security-Policy for the front end: scripts and styles only from
// ourselves, API calls only to ourselves, the gateway and the auth service.
std::string content_security_policy(const WebConfig& config);

// The front end's client-side routes (web/src/app/routes.tsx), as Router
// patterns: each answers with index.html whatever its path looks like
// ("/u/ada.codes" is a page, not a file) or its request accepts.
const std::vector<std::string_view>& client_routes();

service::WorkerSetup make_setup(const WebConfig& config);

}  // namespace myspace::web
