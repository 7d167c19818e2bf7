#include "adapters/http/message.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ocindex::adapters::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlus) {
  std::string out;
  ASSERT_TRUE(PercentDecode("Central%20Asia+x", true, out));
  EXPECT_EQ(out, "Central Asia x");
  ASSERT_TRUE(PercentDecode("a+b", false, out));
  EXPECT_EQ(out, "a+b");
}

TEST(PercentDecode, RejectsMalformedEscapes) {
  std::string out;
  EXPECT_FALSE(PercentDecode("%zz", true, out));
  EXPECT_FALSE(PercentDecode("abc%2", true, out));
  EXPECT_FALSE(PercentDecode("%", true, out));
}

TEST(ParseQuery, SplitsPairs) {
  std::multimap<std::string, std::string> query;
  ASSERT_TRUE(ParseQuery("measure=criminality&&region=Central%20Asia&flag", query));
  EXPECT_EQ(query.size(), 3u);
  EXPECT_EQ(query.find("region")->second, "Central Asia");
  EXPECT_EQ(query.find("flag")->second, "");
  EXPECT_FALSE(ParseQuery("a=%G0", query));
}

TEST(Etag, StrongHashOfBody) {
  EXPECT_EQ(StrongEtag("abc"), StrongEtag("abc"));
  EXPECT_NE(StrongEtag("abc"), StrongEtag("abd"));
  EXPECT_EQ(StrongEtag("").front(), '"');
}

TEST(Etag, IfNoneMatchLists) {
  const std::string etag = StrongEtag("x");
  EXPECT_TRUE(EtagMatches(etag, etag));
  EXPECT_TRUE(EtagMatches("\"a\", " + etag, etag));
  EXPECT_TRUE(EtagMatches("*", etag));
  EXPECT_FALSE(EtagMatches("", etag));
  EXPECT_FALSE(EtagMatches("\"a\"", etag));
}

TEST(ErrorResponse, JsonBodyWithSuggestions) {
  Response response = ErrorResponse(404, "not_found", "unknown \"x\"", {"Kazakhstan"});
  EXPECT_EQ(response.status, 404);
  auto body = nlohmann::json::parse(*response.body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "unknown \"x\"");
  EXPECT_EQ(body["error"]["suggestions"][0], "Kazakhstan");
  EXPECT_FALSE(nlohmann::json::parse(*ErrorResponse(400, "c", "m").body)["error"].contains("suggestions"));
}

}  // namespace
}  // namespace ocindex::adapters::http
