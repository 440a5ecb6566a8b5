#include "services/gateway/graphiql_page.h"

#include <boost/beast/http/field.hpp>
#include <exception>

#include "common/log.h"

namespace myspace::gateway {
namespace asio = boost::asio;
using boost::beast::http::field;

namespace {

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls fn(item) for each trimmed item of a list separated by `separator`.
template <typename Fn>
void for_each_item(std::string_view list, char separator, Fn&& fn) {
  while (true) {
    const auto at = list.find(separator);
    fn(trim(list.substr(0, at)));
    if (at == std::string_view::npos) return;
    list.remove_prefix(at + 1);
  }
}

bool accepts_html(std::string_view accept) {
  bool html = false;
  for_each_item(accept, ',', [&](std::string_view item) {
    const auto media = trim(item.substr(0, item.find(';')));
    std::string lowered(media);
    for (char& c : lowered) c = lower(c);
    html = html || lowered == "text/html";
  });
  return html;
}

bool has_query_parameter(std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) return false;
  bool found = false;
  for_each_item(target.substr(question + 1), '&', [&](std::string_view pair) {
    found = found || pair.substr(0, pair.find('=')) == "query";
  });
  return found;
}

http::Response with_csp(http::Response response) {
  response.set("Content-Security-Policy", kCsp);
  return response;
}

asio::awaitable<http::Response> page_or_endpoint(std::shared_ptr<const GraphiqlPage> page,
                                                 const http::Handler& endpoint,
                                                 http::Context& context) {
  if (auto response = page->page_for(context)) co_return std::move(*response);
  co_return co_await endpoint(context);
}

asio::awaitable<http::Response> serve_asset(std::shared_ptr<const GraphiqlPage> page,
                                            http::Context& context) {
  co_return page->asset(context);
}

}  // namespace

std::string_view graphiql_content_security_policy() noexcept {
  return kCsp;
}

bool wants_graphiql(const http::Request& request) {
  if (request.method() != http::Verb::get && request.method() != http::Verb::head) return false;
  return accepts_html(request[field::accept]) && !has_query_parameter(request.target());
}

GraphiqlPage::GraphiqlPage(const std::filesystem::path& root)
    : files_(std::make_shared<const http::StaticFiles>(
          root,
          http::StaticOptions{
              .max_total_bytes = 32 * 1024 * 1024, .max_files = 200, .spa_fallback = false})) {}

std::optional<http::Response> GraphiqlPage::page_for(const http::Context& context) const {
  if (!wants_graphiql(context.request)) return std::nullopt;
  auto response = with_csp(files_->serve_index(context.request, context.request_id));
  // The same URL answers JSON to other clients.
  response.set(field::vary, "Accept");
  return response;
}

http::Response GraphiqlPage::asset(const http::Context& context) const {
  return with_csp(files_->serve(context.request, context.request_id));
}

std::shared_ptr<const GraphiqlPage> load_graphiql(bool introspection,
                                                  const std::filesystem::path& root) {
  if (!introspection) return nullptr;
  try {
    auto page = std::make_shared<const GraphiqlPage>(root);
    log::info("gateway.graphiql", {{"root", root.string()}, {"page", "GET /graphql"}});
    return page;
  } catch (const std::exception& e) {
    log::warn("gateway.graphiql_unavailable",
              {{"root", root.string()},
               {"reason", e.what()},
               {"hint", "build the front end (cd web && npm run build) for GraphiQL"}});
    return nullptr;
  }
}

http::Handler with_graphiql(std::shared_ptr<const GraphiqlPage> page, http::Handler endpoint) {
  if (!page) return endpoint;
  return [page = std::move(page), endpoint = std::move(endpoint)](http::Context& context) {
    return page_or_endpoint(page, endpoint, context);
  };
}

http::Handler graphiql_assets(std::shared_ptr<const GraphiqlPage> page) {
  return [page = std::move(page)](http::Context& context) { return serve_asset(page, context); };
}

}  // namespace myspace::gateway
