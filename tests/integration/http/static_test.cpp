// The static-file handler behind a real server, as the web service uses it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/random_id.h"
#include "http/gzip.h"
#include "http/static_files.h"
#include "support.h"

namespace myspace::http::testing {
namespace {

namespace fs = std::filesystem;
using field = beast_http::field;

class HttpStatic : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("myspace-web-" + random_public_id("", 10));
    const auto dist = base_ / "dist";
    fs::create_directories(dist / "assets");
    std::ofstream(dist / "index.html")
        << "<!doctype html><div id=root></div>" << std::string(1000, ' ');
    std::ofstream(dist / "assets" / "index-3f2a1b.js")
        << "export const x = 1;" << std::string(2000, ';');
    std::ofstream(base_ / "secret.txt") << "top secret";
    Router router;
    router.get("/api/ping", [](Context&) -> boost::asio::awaitable<Response> {
      co_return Response{Status::ok, 11};
    });
    auto files = std::make_shared<StaticFiles>(dist);
    // Client routes of the single-page app, as the web service declares them.
    router.get("/jobs", StaticFiles::index_handler(files));
    router.get("/u/:username", StaticFiles::index_handler(files));
    router.get("/*path", StaticFiles::handler(files));
    server_.emplace(std::move(router));
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(base_);
  }

  Response get(std::string target, std::string_view accept = "*/*") {
    auto request = make_request(Verb::get, std::move(target));
    request.set(field::accept, accept);
    return fetch(server_->port(), request);
  }

  fs::path base_;
  std::optional<RunningServer> server_;
};

TEST_F(HttpStatic, AssetsAreImmutableAndIndexIsRevalidated) {
  const auto asset = get("/assets/index-3f2a1b.js");
  EXPECT_EQ(asset.result(), Status::ok);
  EXPECT_EQ(asset[field::cache_control], "public, max-age=31536000, immutable");
  EXPECT_EQ(asset[field::content_type], "text/javascript; charset=utf-8");
  const auto index = get("/");
  EXPECT_EQ(index.result(), Status::ok);
  EXPECT_EQ(index[field::cache_control], "no-cache");
  EXPECT_EQ(index[field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(get("/index.html").body(), index.body());
}

TEST_F(HttpStatic, SpaFallbackForNavigationsOnly) {
  const auto page = get("/jobs/42", "text/html,application/xhtml+xml,*/*;q=0.8");
  EXPECT_EQ(page.result(), Status::ok);
  EXPECT_NE(page.body().find("id=root"), std::string::npos);
  EXPECT_EQ(get("/assets/missing-123.js", "text/html").result(), Status::not_found);
  EXPECT_EQ(get("/jobs/42", "application/json").result(), Status::not_found);
  EXPECT_EQ(get("/api/ping").result(), Status::ok);  // routes still win
}

TEST_F(HttpStatic, ClientRoutesGetThePageWhateverTheirDotsOrAccept) {
  const auto index = get("/");
  // A username with a dot is no file extension; curl's Accept (*/*) and an
  // API client's (application/json) still get the page of a client route.
  for (const auto* accept : {"text/html", "*/*", "application/json"}) {
    for (const auto* target : {"/u/ada.codes", "/u/ada.codes?tab=about", "/jobs", "/u/x.js"}) {
      const auto page = get(target, accept);
      EXPECT_EQ(page.result(), Status::ok) << target << " " << accept;
      EXPECT_EQ(page.body(), index.body()) << target << " " << accept;
      EXPECT_EQ(page[field::content_type], "text/html; charset=utf-8") << target;
      EXPECT_EQ(page[field::cache_control], "no-cache") << target;
    }
  }
  // Outside the client routes, the extension and Accept still decide.
  EXPECT_EQ(get("/users/ada.codes", "text/html").result(), Status::not_found);
  EXPECT_EQ(get("/u/ada/extra", "application/json").result(), Status::not_found);
  // Revalidation and methods as for files.
  auto again = make_request(Verb::get, "/u/ada.codes");
  again.set(field::if_none_match, std::string(index[field::etag]));
  EXPECT_EQ(fetch(server_->port(), again).result(), Status::not_modified);
  auto post = make_request(Verb::post, "/u/ada.codes");
  EXPECT_EQ(fetch(server_->port(), post).result(), Status::method_not_allowed);
}

TEST_F(HttpStatic, EtagRevalidationGives304) {
  const auto first = get("/assets/index-3f2a1b.js");
  auto again = make_request(Verb::get, "/assets/index-3f2a1b.js");
  again.set(field::if_none_match, std::string(first[field::etag]));
  const auto second = fetch(server_->port(), again);
  EXPECT_EQ(second.result(), Status::not_modified);
  EXPECT_TRUE(second.body().empty());
  EXPECT_EQ(second[field::etag], first[field::etag]);
}

TEST_F(HttpStatic, GzipFromMemory) {
  auto request = make_request(Verb::get, "/assets/index-3f2a1b.js");
  request.set(field::accept_encoding, "gzip");
  const auto response = fetch(server_->port(), request);
  EXPECT_EQ(response[field::content_encoding], "gzip");
  EXPECT_EQ(gzip_decompress(response.body()), get("/assets/index-3f2a1b.js").body());
}

TEST_F(HttpStatic, TraversalIsRefused) {
  for (const auto* target :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"}) {
    Connection connection(server_->port());
    connection.send("GET " + std::string(target) +
                    " HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");
    const auto response = connection.read_response();
    EXPECT_EQ(response.result(), Status::bad_request) << target;
    EXPECT_EQ(response.body().find("top secret"), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace myspace::http::testing
