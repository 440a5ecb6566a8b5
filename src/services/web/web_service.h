#pragma once
// The web service (:3000): serves the built React front end (web/dist) from
// memory, and /config.js — the browser's runtime configuration (where the
// gateway and the auth service are), generated from the environment so one
// build runs anywhere.

#include <string>

#include "common/config.h"
#include "services/runtime.h"

namespace myspace::web {

struct WebConfig {
  std::string root;             // WEB_ROOT: directory of the built front end
  std::string public_api_url;   // PUBLIC_API_URL: the gateway's /graphql as the browser sees it
  std::string public_auth_url;  // PUBLIC_AUTH_URL: the auth service as the browser sees it

  static WebConfig from_env(const config::Environment& env);
};

// The body of /config.js for `config` (values JSON-encoded, so a URL can never
// break out of the string).
std::string runtime_config_script(const WebConfig& config);

// The Content-Security-Policy for the front end: scripts and styles only from
// ourselves, API calls only to the gateway and the auth service.
std::string content_security_policy(const WebConfig& config);

service::WorkerSetup make_setup(const WebConfig& config);

}  // namespace myspace::web
