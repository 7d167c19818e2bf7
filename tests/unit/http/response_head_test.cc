#include "adapters/http/response_head.h"

#include <gtest/gtest.h>

namespace ocindex::adapters::http {
namespace {

Response Json(std::string body) {
  Response response;
  response.SetBody(std::move(body));
  return response;
}

std::string Head(const Response& response, HeadOptions options = {}) {
  std::string out = "left over from the last request";
  WriteHead(response, options, out);
  return out;
}

TEST(ResponseHead, StatusLineFieldsAndLength) {
  EXPECT_EQ(Head(Json("{}")),
            "HTTP/1.1 200 OK\r\nServer: ocindex\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n");
  Response missing = Json("");
  missing.status = 404;
  EXPECT_EQ(Head(missing).rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
}

TEST(ResponseHead, TheResponseOverridesServerHeadersWhateverTheCase) {
  const HeaderList server{{"X-Frame-Options", "DENY"}, {"Cache-Control", "no-store"}};
  Response response = Json("x");
  response.headers = {{"cache-control", "public, max-age=3600"}, {"ETag", "\"1\""}};
  const std::string head = Head(response, {.server_headers = &server});
  EXPECT_NE(head.find("X-Frame-Options: DENY\r\n"), std::string::npos);
  EXPECT_EQ(head.find("no-store"), std::string::npos) << head;
  EXPECT_NE(head.find("cache-control: public, max-age=3600\r\n"), std::string::npos);
  EXPECT_NE(head.find("ETag: \"1\"\r\n"), std::string::npos);
}

TEST(ResponseHead, TlsAddsStrictTransportSecurity) {
  EXPECT_EQ(Head(Json("")).find("Strict-Transport-Security"), std::string::npos);
  EXPECT_NE(Head(Json(""), {.tls = true}).find("Strict-Transport-Security: max-age=31536000\r\n"), std::string::npos);
}

TEST(ResponseHead, CloseHeadAndNotModified) {
  EXPECT_NE(Head(Json("abc"), {.keep_alive = false}).find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(Head(Json("abc")).find("Connection"), std::string::npos);
  // HEAD: the length of the body a GET would get, and no body.
  const HeadOptions head_only{.head_only = true};
  EXPECT_NE(Head(Json("abc"), head_only).find("Content-Length: 3\r\n"), std::string::npos);
  EXPECT_FALSE(SendsBody(Json("abc"), head_only));
  Response not_modified = Json("abc");
  not_modified.status = 304;
  EXPECT_EQ(Head(not_modified).find("Content-Length"), std::string::npos);
  EXPECT_FALSE(SendsBody(not_modified, {}));
  EXPECT_TRUE(SendsBody(Json("abc"), {}));
}

TEST(ResponseHead, LineBreaksCannotSplitTheHead) {
  Response response = Json("");
  response.headers = {{"Content-Disposition", "attachment\r\nSet-Cookie: stolen=1"}, {"X-A\nB", "v"}};
  response.content_type = "text/plain\r\n\r\n<script>";
  const std::string head = Head(response);
  EXPECT_NE(head.find("Content-Disposition: attachment  Set-Cookie: stolen=1\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("X-A B: v\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Type: text/plain    <script>\r\n"), std::string::npos);
  // Only the final blank line ends the head.
  EXPECT_EQ(head.find("\r\n\r\n"), head.size() - 4);
}

TEST(ResponseHead, HandlersCannotSetTheFramingFields) {
  Response response = Json("abc");
  response.headers = {{"Content-Length", "999"}, {"connection", "close"}};
  const std::string head = Head(response);
  EXPECT_EQ(head.find("999"), std::string::npos);
  EXPECT_EQ(head.find("onnection"), std::string::npos);
  EXPECT_NE(head.find("Content-Length: 3\r\n"), std::string::npos);
}

}  // namespace
}  // namespace ocindex::adapters::http
