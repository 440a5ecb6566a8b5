#include "http/router.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "http/url.h"

namespace myspace::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;  // ":name" child
  std::string param_name;
  std::unique_ptr<Node> wildcard;  // "*name" child; always terminal
  std::string wildcard_name;
  std::map<Verb, Handler> handlers;
  std::string pattern;
};

namespace {

struct Segment {
  std::string_view text;
  std::size_t offset;  // where `text` starts in the path
};

// "/a/b" -> {"a", "b"}; "/" -> {}. Paths must start with '/'.
std::vector<Segment> split_path(std::string_view path) {
  std::vector<Segment> segments;
  if (path.size() <= 1) return segments;
  std::size_t start = 1;
  while (true) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    segments.push_back({path.substr(start, end - start), start});
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

using Params = std::vector<std::pair<std::string, std::string>>;

struct Candidate {
  const Router::Node* node;
  Params params;
};

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(Verb method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  if (!handler) throw std::invalid_argument("empty handler for " + std::string(pattern));
  const auto segments = split_path(pattern);
  Node* node = root_.get();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto text = segments[i].text;
    if (!text.empty() && text.front() == '*') {
      if (i + 1 != segments.size() || text.size() == 1) {
        throw std::invalid_argument("'*name' must be the last segment: " + std::string(pattern));
      }
      if (!node->wildcard) {
        node->wildcard = std::make_unique<Node>();
        node->wildcard_name = text.substr(1);
      } else if (node->wildcard_name != text.substr(1)) {
        throw std::invalid_argument("conflicting wildcard names in " + std::string(pattern));
      }
      node = node->wildcard.get();
    } else if (!text.empty() && text.front() == ':') {
      if (text.size() == 1)
        throw std::invalid_argument("unnamed parameter: " + std::string(pattern));
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = text.substr(1);
      } else if (node->param_name != text.substr(1)) {
        throw std::invalid_argument("conflicting parameter names in " + std::string(pattern));
      }
      node = node->param.get();
    } else {
      auto& child = node->literals[std::string(text)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (node->handlers.contains(method)) {
    throw std::invalid_argument("duplicate route " + std::string(beast_http::to_string(method)) +
                                " " + std::string(pattern));
  }
  node->pattern = pattern;
  node->handlers.emplace(method, std::move(handler));
}

namespace {

// Every terminal node matching `segments[i..]`, most specific first.
void collect(const Router::Node& node, std::string_view path, const std::vector<Segment>& segments,
             std::size_t i, Params& params, std::vector<Candidate>& out) {
  if (i == segments.size() && !node.handlers.empty()) out.push_back({&node, params});
  if (i < segments.size()) {
    const auto text = segments[i].text;
    if (auto it = node.literals.find(text); it != node.literals.end()) {
      collect(*it->second, path, segments, i + 1, params, out);
    }
    if (node.param && !text.empty()) {
      if (auto decoded = percent_decode(text)) {
        params.emplace_back(node.param_name, std::move(*decoded));
        collect(*node.param, path, segments, i + 1, params, out);
        params.pop_back();
      }
    }
  }
  if (node.wildcard && !node.wildcard->handlers.empty()) {
    const auto rest = i < segments.size() ? path.substr(segments[i].offset) : std::string_view{};
    if (auto decoded = percent_decode(rest)) {
      params.emplace_back(node.wildcard_name, std::move(*decoded));
      out.push_back({node.wildcard.get(), params});
      params.pop_back();
    }
  }
}

const Handler* handler_for(const Router::Node& node, Verb method) {
  if (auto it = node.handlers.find(method); it != node.handlers.end()) return &it->second;
  if (method == Verb::head) {
    if (auto it = node.handlers.find(Verb::get); it != node.handlers.end()) return &it->second;
  }
  return nullptr;
}

std::string allow_header(const std::vector<Candidate>& candidates) {
  std::set<std::string> names;
  for (const auto& candidate : candidates) {
    for (const auto& [verb, handler] : candidate.node->handlers) {
      names.emplace(beast_http::to_string(verb));
      if (verb == Verb::get) names.emplace("HEAD");
    }
  }
  std::string allow;
  for (const auto& name : names) {
    if (!allow.empty()) allow += ", ";
    allow += name;
  }
  return allow;
}

}  // namespace

Router::Match Router::match(Verb method, std::string_view path) const {
  Match result;
  if (path.empty() || path.front() != '/') return result;
  const auto segments = split_path(path);
  std::vector<Candidate> candidates;
  Params params;
  collect(*root_, path, segments, 0, params, candidates);
  for (auto& candidate : candidates) {
    if (const Handler* handler = handler_for(*candidate.node, method)) {
      result.kind = Match::Kind::kFound;
      result.handler = handler;
      result.pattern = candidate.node->pattern;
      result.params = std::move(candidate.params);
      return result;
    }
  }
  if (!candidates.empty()) {
    result.kind = Match::Kind::kMethodNotAllowed;
    result.pattern = candidates.front().node->pattern;
    result.allow = allow_header(candidates);
  }
  return result;
}

}  // namespace myspace::http
