// GET /api/v1/editions/{edition}/uncertainty on a running server: rank intervals that
// bracket sensibly, the published nominal ranks, the same body on every request, and
// the rows in pages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/api_server.h"
#include "support/http_client.h"

namespace ocindex::test {
namespace {

using Json = nlohmann::json;

TEST(UncertaintyApi, RankIntervalsPerCountryComputedOnce) {
  ApiServer server;
  ASSERT_TRUE(server.ok());
  HttpReply first = HttpGet(server.port(), "/api/v1/editions/2025/uncertainty");
  ASSERT_EQ(first.status, 200) << first.body;
  const Json body = Json::parse(first.body);
  EXPECT_EQ(body["edition"], 2025);
  EXPECT_EQ(body["pillars"], Json::array({"criminality", "resilience"}));
  ASSERT_EQ(body["rows"].size(), 193u);
  for (const Json& row : body["rows"]) {
    for (const char* pillar : {"criminality", "resilience"}) {
      const Json& p = row[pillar];
      EXPECT_LE(p["rank_q05"].get<double>(), p["rank_median"].get<double>()) << row["iso3"];
      EXPECT_LE(p["rank_median"].get<double>(), p["rank_q95"].get<double>()) << row["iso3"];
      EXPECT_GE(p["rank_q05"].get<double>(), 1.0);
      EXPECT_LE(p["rank_q95"].get<double>(), 193.0);
    }
    double total = 0;
    for (const auto& [quadrant, probability] : row["quadrant_probability"].items()) total += probability.get<double>();
    EXPECT_NEAR(total, 1.0, 1e-9);
  }
  // Rows in the edition's order; Myanmar tops the 2025 criminality ranking as published.
  EXPECT_EQ(body["rows"][0]["iso3"], "AFG");
  for (const Json& row : body["rows"]) {
    if (row["iso3"] == "MMR") {
      EXPECT_EQ(row["criminality"]["nominal_rank"], 1);
    }
  }
  EXPECT_EQ(HttpGet(server.port(), "/api/v1/editions/2025/uncertainty").body, first.body);
  EXPECT_EQ(HttpGet(server.port(), "/api/v1/editions/1999/uncertainty").status, 404);

  // In pages of 50: the same rows in the same order, each page with the total.
  Json joined = Json::array();
  for (int offset = 0; offset < 200; offset += 50) {
    HttpReply reply =
        HttpGet(server.port(), "/api/v1/editions/2025/uncertainty?limit=50&offset=" + std::to_string(offset));
    ASSERT_EQ(reply.status, 200) << reply.body;
    Json page = Json::parse(reply.body);
    EXPECT_EQ(page["total"], 193);
    EXPECT_EQ(page["offset"], offset);
    EXPECT_EQ(page["limit"], 50);
    EXPECT_EQ(page["spec"], body["spec"]);
    for (Json& row : page["rows"]) joined.push_back(std::move(row));
  }
  EXPECT_EQ(joined, body["rows"]);
  HttpReply past = HttpGet(server.port(), "/api/v1/editions/2025/uncertainty?offset=193");
  EXPECT_EQ(Json::parse(past.body)["rows"], Json::array());
  EXPECT_EQ(Json::parse(past.body)["total"], 193);
  EXPECT_EQ(HttpGet(server.port(), "/api/v1/editions/2025/uncertainty?limit=10001").status, 422);
}

}  // namespace
}  // namespace ocindex::test
