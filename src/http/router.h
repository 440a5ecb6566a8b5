#pragma once
// Maps (method, path) to a handler. Patterns are '/'-separated segments; a
// segment ":name" captures one segment, a final "*name" captures the rest of
// the path (possibly empty). Literal segments win over ":" captures, which win
// over "*" captures. A GET route also answers HEAD (the server drops the body).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace myspace::http {

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Throws std::invalid_argument on a malformed pattern or a duplicate route.
  void add(Verb method, std::string_view pattern, Handler handler);
  void get(std::string_view pattern, Handler handler) {
    add(Verb::get, pattern, std::move(handler));
  }
  void post(std::string_view pattern, Handler handler) {
    add(Verb::post, pattern, std::move(handler));
  }

  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed };
    Kind kind = Kind::kNotFound;
    const Handler* handler = nullptr;  // set when kFound; owned by the router
    std::string pattern;               // set when kFound or kMethodNotAllowed
    std::vector<std::pair<std::string, std::string>> params;
    std::string allow;  // "GET, HEAD, POST" when kMethodNotAllowed
  };

  // `path` is the target without the query string, not yet percent-decoded.
  Match match(Verb method, std::string_view path) const;

  struct Node;  // opaque: the segment tree, defined in router.cpp

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace myspace::http
