#include "faces/server/api_json.h"

#include <gtest/gtest.h>

namespace ocindex::server {
namespace {

TEST(Figure, PublishedUnitsAsShortestNumbers) {
  EXPECT_EQ(Figure(426, 2).dump(), "4.26");
  EXPECT_EQ(Figure(450, 2).dump(), "4.5");
  EXPECT_EQ(Figure(-21, 2).dump(), "-0.21");
  EXPECT_TRUE(Figure(std::nullopt, 2).is_null());
}

TEST(RankJson, UnrankedIsNull) {
  EXPECT_TRUE(RankJson(core::Rank{}).is_null());
  EXPECT_EQ(RankJson(core::Rank{133, 193, false}).dump(), R"({"position":133,"of":193,"tied":false})");
}

TEST(WantsCsv, FormatParameterWinsOverAccept) {
  adapters::http::Request request;
  EXPECT_FALSE(WantsCsv(request));
  request.headers["accept"] = "text/csv";
  EXPECT_TRUE(WantsCsv(request));
  request.query.emplace("format", "json");
  EXPECT_FALSE(WantsCsv(request));
}

TEST(SplitList, TrimsAndDropsEmptyItems) {
  EXPECT_EQ(SplitList(" KAZ, UZB,,KGZ "), (std::vector<std::string>{"KAZ", "UZB", "KGZ"}));
  EXPECT_TRUE(SplitList("").empty());
}

TEST(CoreErrors, MapToHttpStatusThroughTheAppTable) {
  EXPECT_EQ(ErrorResponse(MakeError(ErrorCode::kNotFound, "x")).status, 404);
  EXPECT_EQ(ErrorResponse(MakeError(ErrorCode::kInvalidInput, "x")).status, 422);
  EXPECT_EQ(ErrorResponse(MakeError(ErrorCode::kConflict, "x")).status, 409);
  EXPECT_EQ(ErrorResponse(MakeError(ErrorCode::kUnsupported, "x")).status, 501);
  EXPECT_EQ(ErrorResponse(MakeError(ErrorCode::kForbidden, "x")).status, 403);
  EXPECT_EQ(ErrorResponse(MakeError(ErrorCode::kCorrupt, "x")).status, 500);
  EXPECT_NE(ErrorResponse(MakeError(ErrorCode::kNotFound, "x"), {"Kazakhstan"}).body->find(R"("suggestions":["Kazakhstan"])"),
            std::string::npos);
}

}  // namespace
}  // namespace ocindex::server
