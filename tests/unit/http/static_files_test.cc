#include "adapters/http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/fixtures.h"

namespace ocindex::adapters::http {
namespace {

Request Get(std::string path) {
  Request request;
  request.method = "GET";
  request.path = std::move(path);
  return request;
}

TEST(StaticFiles, ServesFilesWithTypesAndEtags) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("web/assets"));
  ASSERT_TRUE(test::WriteFile(dir.File("web/index.html"), "<!doctype html>"));
  ASSERT_TRUE(test::WriteFile(dir.File("web/assets/app.js"), "console.log(1)"));
  StaticFiles files(dir.File("web"));
  EXPECT_TRUE(files.available());
  auto index = files.Serve(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(*index->body, "<!doctype html>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  auto script = files.Serve(Get("/assets/app.js"));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->content_type, "text/javascript; charset=utf-8");
  Request again = Get("/assets/app.js");
  again.headers["if-none-match"] = script->headers[0].second;
  EXPECT_EQ(files.Serve(again)->status, 304);
  EXPECT_FALSE(files.Serve(Get("/missing.js")));
}

TEST(StaticFiles, NeverLeavesTheRoot) {
  test::TempDir dir;
  std::filesystem::create_directories(dir.File("web"));
  ASSERT_TRUE(test::WriteFile(dir.File("web/index.html"), "ok"));
  ASSERT_TRUE(test::WriteFile(dir.File("secret.txt"), "secret"));
  std::filesystem::create_symlink(dir.File("secret.txt"), dir.File("web/link.txt"));
  StaticFiles files(dir.File("web"));
  EXPECT_FALSE(files.Serve(Get("/../secret.txt")));
  EXPECT_FALSE(files.Serve(Get("/a/../../secret.txt")));
  EXPECT_FALSE(files.Serve(Get("/link.txt")));
  EXPECT_FALSE(files.Serve(Get(std::string("/index.html\0x", 13))));
}

TEST(StaticFiles, MissingFolderIsUnavailable) {
  StaticFiles files("/nonexistent/web");
  EXPECT_FALSE(files.available());
  EXPECT_FALSE(files.Serve(Get("/")));
}

}  // namespace
}  // namespace ocindex::adapters::http
