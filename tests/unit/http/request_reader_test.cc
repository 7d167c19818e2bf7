#include "adapters/http/request_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace ocindex::adapters::http {
namespace {

constexpr size_t kHeaderLimit = 1024;
constexpr size_t kBodyLimit = 64;

int Status(const RequestRead& read) { return read.error ? read.error->status : 0; }

TEST(ParseRequest, ReadsMethodPathQueryHeadersAndBody) {
  const RequestRead read = ParseRequest(
      "POST /api/v1/x%20y?region=Central+Asia&flag HTTP/1.1\r\nHost: a\r\nX-Thing: 1\r\nContent-Length: 4\r\n\r\nbody",
      kHeaderLimit, kBodyLimit);
  ASSERT_TRUE(read.request) << Status(read);
  EXPECT_EQ(read.request->method, "POST");
  EXPECT_EQ(read.request->path, "/api/v1/x y");
  EXPECT_EQ(read.request->Param("region"), "Central Asia");
  EXPECT_TRUE(read.request->HasParam("flag"));
  EXPECT_EQ(read.request->Header("x-thing"), "1");
  EXPECT_EQ(read.request->body, "body");
}

TEST(ParseRequest, BytesAfterTheFirstRequestAreLeftUnread) {
  const RequestRead read = ParseRequest("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", kHeaderLimit, kBodyLimit);
  ASSERT_TRUE(read.request);
  EXPECT_EQ(read.request->path, "/a");
}

TEST(ParseRequest, NoBytesIsAClosedConnection) {
  const RequestRead read = ParseRequest("", kHeaderLimit, kBodyLimit);
  EXPECT_FALSE(read.request);
  EXPECT_FALSE(read.error);
}

TEST(ParseRequest, TruncatedOrGarbledHttpIs400) {
  EXPECT_EQ(Status(ParseRequest("GET /a HTTP/1.1\r\nHost: a\r\n", kHeaderLimit, kBodyLimit)), 400);
  EXPECT_EQ(Status(ParseRequest("POST /a HTTP/1.1\r\nContent-Length: 9\r\n\r\nab", kHeaderLimit, kBodyLimit)), 400);
  EXPECT_EQ(Status(ParseRequest("\x01\x02 nonsense\r\n\r\n", kHeaderLimit, kBodyLimit)), 400);
}

TEST(ParseRequest, TargetThatIsNotAPathOrHasABadEscapeIs400) {
  const RequestRead absolute = ParseRequest("GET http://a/b HTTP/1.1\r\n\r\n", kHeaderLimit, kBodyLimit);
  EXPECT_EQ(Status(absolute), 400);
  EXPECT_NE(absolute.error->body->find("malformed request target"), std::string::npos);
  EXPECT_EQ(Status(ParseRequest("GET /a%zz HTTP/1.1\r\n\r\n", kHeaderLimit, kBodyLimit)), 400);
  EXPECT_EQ(Status(ParseRequest("GET /a?b=%4 HTTP/1.1\r\n\r\n", kHeaderLimit, kBodyLimit)), 400);
}

TEST(ParseRequest, HeaderOverTheLimitIs431) {
  const std::string request = "GET / HTTP/1.1\r\nX: " + std::string(kHeaderLimit, 'a') + "\r\n\r\n";
  EXPECT_EQ(Status(ParseRequest(request, kHeaderLimit, kBodyLimit)), 431);
}

TEST(ParseRequest, BodyOverTheLimitIs413) {
  const std::string request =
      "POST / HTTP/1.1\r\nContent-Length: " + std::to_string(kBodyLimit + 1) + "\r\n\r\n" + std::string(kBodyLimit + 1, 'a');
  EXPECT_EQ(Status(ParseRequest(request, kHeaderLimit, kBodyLimit)), 413);
}

}  // namespace
}  // namespace ocindex::adapters::http
