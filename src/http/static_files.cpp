#include "http/static_files.h"

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "http/errors.h"
#include "http/gzip.h"
#include "http/policies.h"
#include "http/text.h"
#include "http/url.h"

namespace myspace::http {

namespace fs = std::filesystem;
using field = beast_http::field;

namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

struct File {
  std::string content;
  std::string gzipped;  // empty when compression does not pay
  std::string_view content_type;
  std::string etag;
  std::string gzip_etag;
  std::string_view cache_control;
};

std::string fnv1a_hex(std::string_view data) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  std::array<char, 17> hex{};
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) {
    hex[static_cast<std::size_t>(i)] = kDigits[hash & 0xf];
    hash >>= 4;
  }
  return std::string(hex.data(), 16);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

bool is_within(const fs::path& root, const fs::path& candidate) {
  auto r = root.begin();
  auto c = candidate.begin();
  for (; r != root.end(); ++r, ++c) {
    if (c == candidate.end() || *r != *c) return false;
  }
  return true;
}

bool has_hidden_component(const fs::path& relative) {
  for (const auto& part : relative) {
    if (!part.empty() && part.native().front() == '.') return true;
  }
  return false;
}

// Whether an If-None-Match list names one of our tags (weak comparison, RFC 9110 13.1.2).
bool etag_matches(std::string_view if_none_match, const File& file) {
  bool match = false;
  for_each_list_item(if_none_match, [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    match =
        match || tag == "*" || tag == file.etag || (!file.gzipped.empty() && tag == file.gzip_etag);
  });
  return match;
}

bool accepts_html(std::string_view accept) {
  bool html = false;
  for_each_list_item(accept, [&](std::string_view item) {
    const auto media = trim(item.substr(0, item.find(';')));
    html = html || iequals(media, "text/html");
  });
  return html;
}

bool has_extension(std::string_view key) {
  const auto slash = key.rfind('/');
  const auto last = slash == std::string_view::npos ? key : key.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

}  // namespace

struct StaticFiles::Impl {
  StaticOptions options;
  std::unordered_map<std::string, File> files;

  void load(const fs::path& root);
  void add(const std::string& key, std::string content);
  const File* find(std::string_view key) const {
    auto it = files.find(std::string(key));
    return it == files.end() ? nullptr : &it->second;
  }
};

void StaticFiles::Impl::load(const fs::path& root) {
  const auto canonical_root = fs::canonical(root);
  if (!fs::is_directory(canonical_root))
    throw std::runtime_error(root.string() + " is not a directory");
  std::size_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(canonical_root)) {
    const auto relative = entry.path().lexically_relative(canonical_root);
    if (has_hidden_component(relative)) continue;
    if (entry.is_symlink()) {
      // A link may point anywhere; serve it only if its target is a regular
      // file inside the root.
      std::error_code ec;
      const auto target = fs::canonical(entry.path(), ec);
      if (ec || !is_within(canonical_root, target) || !fs::is_regular_file(target)) continue;
    } else if (!entry.is_regular_file()) {
      continue;
    }
    if (files.size() >= options.max_files) throw std::runtime_error("too many static files");
    auto content = read_file(entry.path());
    total += content.size();
    if (total > options.max_total_bytes)
      throw std::runtime_error("static files exceed the size bound");
    add(relative.generic_string(), std::move(content));
  }
}

void StaticFiles::Impl::add(const std::string& key, std::string content) {
  File file;
  file.content_type = mime_type(key);
  file.etag = "\"" + fnv1a_hex(content) + "\"";
  file.cache_control = key.starts_with("assets/") ? kImmutable : kRevalidate;
  if (content.size() >= options.gzip_min_bytes && is_compressible(file.content_type)) {
    auto gzipped = gzip_compress(content, 9);
    if (gzipped.size() < content.size()) {
      file.gzipped = std::move(gzipped);
      file.gzip_etag = "\"" + fnv1a_hex(content) + "-gz\"";
    }
  }
  file.content = std::move(content);
  files.emplace(key, std::move(file));
}

StaticFiles::StaticFiles(const fs::path& root, StaticOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->load(root);
}

StaticFiles::~StaticFiles() = default;
StaticFiles::StaticFiles(StaticFiles&&) noexcept = default;
StaticFiles& StaticFiles::operator=(StaticFiles&&) noexcept = default;

std::size_t StaticFiles::file_count() const noexcept {
  return impl_->files.size();
}

std::optional<std::string> StaticFiles::normalize_path(std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  auto decoded = percent_decode(url_path.substr(1));
  if (!decoded) return std::nullopt;
  const std::string_view path = *decoded;
  if (path.find('\\') != std::string_view::npos) return std::nullopt;
  bool safe = true;
  std::string_view rest = path;
  while (safe) {
    const auto slash = rest.find('/');
    const auto segment = rest.substr(0, slash);
    safe = segment != "." && segment != "..";
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (!safe) return std::nullopt;
  return decoded;
}

namespace {

std::optional<Response> refuse_method(const Request& request, std::string_view request_id) {
  if (request.method() == Verb::get || request.method() == Verb::head) return std::nullopt;
  auto response = error_response(Status::method_not_allowed, "METHOD_NOT_ALLOWED",
                                 "method not allowed", request_id, request.version());
  response.set(field::allow, "GET, HEAD");
  return response;
}

Response file_response(const File& file, const Request& request) {
  const bool gzip = !file.gzipped.empty() && accepts_gzip(request[field::accept_encoding]);
  Response response{Status::ok, request.version()};
  response.set(field::cache_control, file.cache_control);
  response.set(field::etag, gzip ? file.gzip_etag : file.etag);
  if (!file.gzipped.empty()) add_vary(response, "Accept-Encoding");
  if (etag_matches(request[field::if_none_match], file)) {
    response.result(Status::not_modified);
    return response;
  }
  response.set(field::content_type, file.content_type);
  if (gzip) response.set(field::content_encoding, "gzip");
  response.body() = gzip ? file.gzipped : file.content;
  response.prepare_payload();
  return response;
}

}  // namespace

Response StaticFiles::serve(const Request& request, std::string_view request_id) const {
  if (auto refused = refuse_method(request, request_id)) return std::move(*refused);
  const auto version = request.version();
  auto key = normalize_path(target_path(request.target()));
  if (!key) return error_response(ErrorCode::kBadRequest, "invalid path", request_id, version);
  if (key->empty() || key->back() == '/') *key += impl_->options.index;
  const File* file = impl_->find(*key);
  if (!file && impl_->options.spa_fallback && !has_extension(*key) &&
      accepts_html(request[field::accept])) {
    file = impl_->find(impl_->options.index);
  }
  if (!file) return error_response(ErrorCode::kNotFound, "not found", request_id, version);
  return file_response(*file, request);
}

Response StaticFiles::serve_index(const Request& request, std::string_view request_id) const {
  if (auto refused = refuse_method(request, request_id)) return std::move(*refused);
  const File* file = impl_->find(impl_->options.index);
  if (!file) {
    return error_response(ErrorCode::kNotFound, "not found", request_id, request.version());
  }
  return file_response(*file, request);
}

namespace {

boost::asio::awaitable<Response> serve_async(std::shared_ptr<const StaticFiles> files,
                                             Context& context) {
  co_return files->serve(context.request, context.request_id);
}

boost::asio::awaitable<Response> serve_index_async(std::shared_ptr<const StaticFiles> files,
                                                   Context& context) {
  co_return files->serve_index(context.request, context.request_id);
}

}  // namespace

Handler StaticFiles::handler(std::shared_ptr<const StaticFiles> files) {
  return [files = std::move(files)](Context& context) { return serve_async(files, context); };
}

Handler StaticFiles::index_handler(std::shared_ptr<const StaticFiles> files) {
  return [files = std::move(files)](Context& context) { return serve_index_async(files, context); };
}

std::string_view StaticFiles::mime_type(std::string_view filename) noexcept {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".wasm", "application/wasm"},
      {".pdf", "application/pdf"},
      {".htm", "text/html; charset=utf-8"},
  }};
  const auto dot = filename.rfind('.');
  const auto slash = filename.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  const auto extension = filename.substr(dot);
  for (const auto& [ext, type] : kTypes) {
    if (iequals(ext, extension)) return type;
  }
  return "application/octet-stream";
}

}  // namespace myspace::http
