#pragma once
// GraphiQL, the GraphQL IDE, in development: a browser opening /graphql gets
// the IDE (as Apollo Server shows its landing page), built by our own front-end
// build from npm `graphiql` (web/graphiql → web/graphiql/dist; no CDN), its
// files served under /graphiql/. Only while introspection is on: the IDE is
// built on it, and production turns both off. Everything else at /graphql —
// any POST, a GET with a query, a client not asking for HTML — is the GraphQL
// endpoint's, untouched.

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "http/message.h"
#include "http/static_files.h"

namespace myspace::gateway {

inline constexpr std::string_view kGraphiqlAssetsRoute = "/graphiql/*path";

// The Content-Security-Policy of GraphiQL's responses: scripts, workers,
// fonts and connections only from this origin, as for everything else the
// gateway sends; styles may also be inline, because Monaco (GraphiQL's
// editor) injects its own <style> elements.
std::string_view graphiql_content_security_policy() noexcept;

// Whether `request` is a browser navigating to the IDE: a GET or HEAD whose
// Accept names text/html and whose query string has no `query` parameter.
bool wants_graphiql(const http::Request& request);

class GraphiqlPage {
 public:
  // Loads the built IDE under `root` (index.html, graphiql/assets/…) into
  // memory; throws std::runtime_error when it is missing or unusable.
  explicit GraphiqlPage(const std::filesystem::path& root);

  // The IDE's page when wants_graphiql(request), otherwise nullopt (then the
  // GraphQL endpoint answers).
  std::optional<http::Response> page_for(const http::Context& context) const;
  // A file under /graphiql/ (404 for anything that is not one).
  http::Response asset(const http::Context& context) const;

 private:
  std::shared_ptr<const http::StaticFiles> files_;
};

// GraphiQL when `introspection` is on and `root` holds a build; otherwise
// nullptr (logging why when introspection is on).
std::shared_ptr<const GraphiqlPage> load_graphiql(bool introspection,
                                                  const std::filesystem::path& root);

// The /graphql GET handler: GraphiQL's page when `page` gives one, `endpoint`
// otherwise. And the handler of kGraphiqlAssetsRoute.
http::Handler with_graphiql(std::shared_ptr<const GraphiqlPage> page, http::Handler endpoint);
http::Handler graphiql_assets(std::shared_ptr<const GraphiqlPage> page);

}  // namespace myspace::gateway
