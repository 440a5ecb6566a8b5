#pragma once
// Serves a built front end (e.g. web/dist) from memory. Every regular file
// under the root is read once at construction (bounded), together with its
// gzip form and ETag, so serving never touches the file system: a request can
// only ever name a file that was loaded, which rules out path traversal, and
// symlinks leading outside the root are skipped at load time.
//
// Caching: files under /assets/ (Vite's content-hashed names) are immutable
// for a year; everything else (index.html, favicon.ico…) is "no-cache", i.e.
// revalidated with If-None-Match on each use. Unknown extension-less paths whose request accepts
// text/html get index.html (single-page-app routing); paths the caller knows to
// be client routes get it whatever they look like or accept (index_handler).

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace myspace::http {

struct StaticOptions {
  std::size_t max_total_bytes = 64 * 1024 * 1024;
  std::size_t max_files = 10'000;
  std::string index = "index.html";
  bool spa_fallback = true;
  std::size_t gzip_min_bytes = 1024;
};

class StaticFiles {
 public:
  // Throws std::runtime_error when the root is missing or over the bounds.
  explicit StaticFiles(const std::filesystem::path& root, StaticOptions options = {});
  ~StaticFiles();
  StaticFiles(StaticFiles&&) noexcept;
  StaticFiles& operator=(StaticFiles&&) noexcept;

  // Answers GET/HEAD for `request` (404 JSON error when nothing matches).
  Response serve(const Request& request, std::string_view request_id) const;

  // Answers GET/HEAD for `request` with the index page whatever its path and
  // Accept header (a client route: "/u/ada.codes" is a page, not a file).
  Response serve_index(const Request& request, std::string_view request_id) const;

  // A Handler for a Router catch-all route ("/*path"). The returned handler
  // shares ownership of the loaded files.
  static Handler handler(std::shared_ptr<const StaticFiles> files);
  // A Handler answering with the index page (serve_index), for the routes of
  // a single-page app ("/jobs", "/u/:username"), which then win over the
  // catch-all's guess from the extension and Accept.
  static Handler index_handler(std::shared_ptr<const StaticFiles> files);

  std::size_t file_count() const noexcept;

  // The loaded-file key for a URL path: percent-decoded, without the leading
  // '/', or nullopt when the path is unsafe (".." or "." segments, NUL,
  // backslash, malformed escapes). Public for tests.
  static std::optional<std::string> normalize_path(std::string_view url_path);

  static std::string_view mime_type(std::string_view filename) noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace myspace::http
