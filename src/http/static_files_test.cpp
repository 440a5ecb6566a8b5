#include "http/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/random_id.h"
#include "http/gzip.h"

namespace myspace::http {
namespace {

namespace fs = std::filesystem;
using field = beast_http::field;

TEST(StaticPath, NormalizesSafePaths) {
  EXPECT_EQ(StaticFiles::normalize_path("/"), "");
  EXPECT_EQ(StaticFiles::normalize_path("/index.html"), "index.html");
  EXPECT_EQ(StaticFiles::normalize_path("/assets/app-1a2b.js"), "assets/app-1a2b.js");
  EXPECT_EQ(StaticFiles::normalize_path("/a%20b.txt"), "a b.txt");
  EXPECT_EQ(StaticFiles::normalize_path("/x..y/z"), "x..y/z");
}

TEST(StaticPath, RejectsTraversalAndOddities) {
  for (auto path :
       {"/../etc/passwd", "/assets/../../x", "/%2e%2e/etc/passwd", "/a/%2E%2E/b", "/./a", "/a/..",
        "/a\\..\\b", "/a%5c..%5cb", "/a%00.html", "/%zz", "relative", ""}) {
    EXPECT_FALSE(StaticFiles::normalize_path(path)) << path;
  }
}

TEST(StaticPath, MimeTypes) {
  EXPECT_EQ(StaticFiles::mime_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(StaticFiles::mime_type("assets/a.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::mime_type("a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::mime_type("a.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::mime_type("dir.v2/file"), "application/octet-stream");
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("myspace-static-" + random_public_id("", 10));
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    write(root_ / "index.html", "<!doctype html><title>app</title>" + std::string(2000, ' '));
    write(root_ / "assets" / "app-abc123.js", "console.log(1);");
    write(root_ / "favicon.ico", "icon");
    write(root_ / ".env", "SECRET=1");
    write(base_ / "secret.txt", "outside");
    fs::create_symlink(base_ / "secret.txt", root_ / "leak.txt");
    fs::create_symlink(root_ / "favicon.ico", root_ / "alias.ico");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
  }

  static Request get(std::string target, std::string_view accept = "*/*") {
    Request request{Verb::get, target, 11};
    request.set(field::accept, accept);
    return request;
  }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, LoadsOnlySafeFiles) {
  StaticFiles files(root_);
  // index.html, app js, favicon, and the in-root symlink; not .env, not the escaping link.
  EXPECT_EQ(files.file_count(), 4u);
  EXPECT_EQ(files.serve(get("/leak.txt"), "r").result(), Status::not_found);
  EXPECT_EQ(files.serve(get("/.env"), "r").result(), Status::not_found);
  EXPECT_EQ(files.serve(get("/alias.ico"), "r").body(), "icon");
}

TEST_F(StaticFilesTest, CacheHeaders) {
  StaticFiles files(root_);
  const auto asset = files.serve(get("/assets/app-abc123.js"), "r");
  EXPECT_EQ(asset.result(), Status::ok);
  EXPECT_EQ(asset[field::cache_control], "public, max-age=31536000, immutable");
  EXPECT_EQ(asset[field::content_type], "text/javascript; charset=utf-8");
  const auto index = files.serve(get("/"), "r");
  EXPECT_EQ(index.result(), Status::ok);
  EXPECT_EQ(index[field::cache_control], "no-cache");
  EXPECT_FALSE(index[field::etag].empty());
}

TEST_F(StaticFilesTest, SpaFallbackOnlyForHtmlNavigations) {
  StaticFiles files(root_);
  const auto page = files.serve(get("/jobs/42", "text/html,application/xhtml+xml"), "r");
  EXPECT_EQ(page.result(), Status::ok);
  EXPECT_NE(page.body().find("<title>app</title>"), std::string::npos);
  EXPECT_EQ(files.serve(get("/jobs/42", "application/json"), "r").result(), Status::not_found);
  EXPECT_EQ(files.serve(get("/assets/missing.js", "text/html"), "r").result(), Status::not_found);
}

TEST_F(StaticFilesTest, ConditionalGet) {
  StaticFiles files(root_);
  const auto first = files.serve(get("/favicon.ico"), "r");
  auto again = get("/favicon.ico");
  again.set(field::if_none_match, std::string(first[field::etag]));
  const auto second = files.serve(again, "r");
  EXPECT_EQ(second.result(), Status::not_modified);
  EXPECT_TRUE(second.body().empty());
  again.set(field::if_none_match, "\"other\"");
  EXPECT_EQ(files.serve(again, "r").result(), Status::ok);
}

TEST_F(StaticFilesTest, ServesPrecompressedGzip) {
  StaticFiles files(root_);
  auto request = get("/index.html");
  request.set(field::accept_encoding, "gzip");
  const auto response = files.serve(request, "r");
  EXPECT_EQ(response[field::content_encoding], "gzip");
  EXPECT_EQ(response[field::vary], "Accept-Encoding");
  EXPECT_EQ(gzip_decompress(response.body()), files.serve(get("/index.html"), "r").body());
}

TEST_F(StaticFilesTest, TraversalIsRefused) {
  StaticFiles files(root_);
  EXPECT_EQ(files.serve(get("/../secret.txt"), "r").result(), Status::bad_request);
  EXPECT_EQ(files.serve(get("/%2e%2e/secret.txt"), "r").result(), Status::bad_request);
}

TEST_F(StaticFilesTest, EnforcesBounds) {
  StaticOptions tiny;
  tiny.max_total_bytes = 100;
  EXPECT_THROW(StaticFiles(root_, tiny), std::runtime_error);
  EXPECT_THROW(StaticFiles(base_ / "missing"), std::exception);
}

}  // namespace
}  // namespace myspace::http
