// The flow endpoints against a running server whose store holds, besides the fixture
// narrative every ApiServer stores (a made-up country's, as Kazakhstan's), two
// narratives the project wrote about Georgia and Peru: the graph, one market, one
// country's statements with quoted evidence, and the errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "adapters/catalog/profiles.h"
#include "support/api_server.h"
#include "support/http_client.h"

namespace ocindex::test {
namespace {

using Json = nlohmann::json;

constexpr const char* kGeorgia =
    "DRUGS\n"
    "Georgia serves as a transit hub for heroin coming from Iran and bound for Ukraine.\n\n"
    "TRADE\n"
    "Weapons are moved from Georgia into Turkey.\n";
constexpr const char* kPeru =
    "DRUGS\n"
    "Peru is a producer, source and transit country for cocaine. Cocaine is shipped from Peru to Spain by sea.\n";

void StoreNarratives(adapters::Catalog& catalog, TempDir& dir) {
  for (const auto& [iso3, text] : {std::pair{"GEO", kGeorgia}, std::pair{"PER", kPeru}}) {
    const std::string path = dir.File(std::string(iso3) + ".txt");
    ASSERT_TRUE(WriteFile(path, text).ok());
    auto report = adapters::ImportProfile(catalog, {path, iso3, "2021", "text", "tester", "", false});
    ASSERT_TRUE(report.ok()) << report.error().ToString();
  }
}

class FlowsApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer("/nonexistent", StoreNarratives); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(server_->ok()); }

  static Json GetJson(const std::string& target, int status = 200) {
    HttpReply reply = HttpGet(server_->port(), target, {});
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    return Json::parse(reply.body);
  }
  static const Json* Edge(const Json& edges, const std::string& market, const std::string& from,
                          const std::string& to) {
    for (const Json& edge : edges) {
      if (edge["market"] == market && edge["from"] == from && edge["to"] == to) return &edge;
    }
    return nullptr;
  }

  static ApiServer* server_;
};

ApiServer* FlowsApiTest::server_ = nullptr;

TEST_F(FlowsApiTest, GraphOfEveryStoredNarrative) {
  Json graph = GetJson("/api/v1/flows");
  EXPECT_EQ(graph["narratives"], 3);
  const auto markets = graph["markets"].get<std::set<std::string>>();
  for (const char* market : {"arms_trafficking", "cocaine_trade", "heroin_trade"}) EXPECT_EQ(markets.count(market), 1u);
  // Iran -> Georgia -> Ukraine: two hops, each with the quoted sentence.
  const Json* in = Edge(graph["edges"], "heroin_trade", "IRN", "GEO");
  const Json* out = Edge(graph["edges"], "heroin_trade", "GEO", "UKR");
  ASSERT_NE(in, nullptr) << graph["edges"].dump();
  ASSERT_NE(out, nullptr);
  EXPECT_EQ((*in)["countries"], Json({"GEO"}));
  const Json& evidence = (*in)["evidence"][0];
  EXPECT_EQ(evidence["section"], "drugs");
  EXPECT_EQ(evidence["text"].get<std::string>().rfind("Georgia serves as a transit hub", 0), 0u);
  EXPECT_NE(Edge(graph["edges"], "cocaine_trade", "PER", "ESP"), nullptr);
  // Georgia lies on the one path through it: betweenness 1 in the heroin graph.
  bool found = false;
  for (const Json& node : graph["nodes"]) {
    if (node["market"] == "heroin_trade" && node["code"] == "GEO") {
      EXPECT_EQ(node["in_degree"], 1);
      EXPECT_EQ(node["out_degree"], 1);
      EXPECT_DOUBLE_EQ(node["betweenness"].get<double>(), 1.0);
      found = true;
    }
  }
  EXPECT_TRUE(found);
  // Every place drawn has a point.
  EXPECT_NEAR(graph["points"]["GEO"]["lat"].get<double>(), 42.2, 1.0);
  EXPECT_EQ(graph["points"]["UKR"]["name"], "Ukraine");
}

TEST_F(FlowsApiTest, OneMarket) {
  Json graph = GetJson("/api/v1/flows?market=cocaine_trade");
  EXPECT_EQ(graph["markets"], Json({"cocaine_trade"}));
  for (const Json& edge : graph["edges"]) EXPECT_EQ(edge["market"], "cocaine_trade");
  for (const Json& node : graph["nodes"]) EXPECT_EQ(node["market"], "cocaine_trade");
  EXPECT_FALSE(graph["points"].contains("GEO"));
  // A market nobody states: an empty graph, not an error.
  EXPECT_TRUE(GetJson("/api/v1/flows?market=fauna_crimes")["edges"].empty());
}

TEST_F(FlowsApiTest, OneCountrysStatementsWithEvidence) {
  Json peru = GetJson("/api/v1/flows/countries/Peru");
  EXPECT_EQ(peru["iso3"], "PER");
  ASSERT_EQ(peru["narratives"].size(), 1u);
  EXPECT_EQ(peru["narratives"][0]["edition"], "2021");
  std::set<std::string> roles;
  for (const Json& s : peru["narratives"][0]["statements"]) {
    if (s["kind"] == "role" && s["market"] == "cocaine_trade") roles.insert(s["role"].get<std::string>());
    ASSERT_FALSE(s["evidence"].empty());
    EXPECT_FALSE(s["evidence"][0]["text"].get<std::string>().empty());
  }
  EXPECT_EQ(roles, (std::set<std::string>{"producer", "source", "transit"}));
  ASSERT_EQ(peru["edges"].size(), 1u);
  EXPECT_EQ(peru["edges"][0]["to"], "ESP");
  // Edges stated by another country's narrative count too: Turkey has none of its own.
  Json turkey = GetJson("/api/v1/flows/countries/TUR");
  EXPECT_TRUE(turkey["narratives"].empty());
  ASSERT_EQ(turkey["edges"].size(), 1u);
  EXPECT_EQ(turkey["edges"][0]["from"], "GEO");
}

TEST_F(FlowsApiTest, Errors) {
  EXPECT_EQ(GetJson("/api/v1/flows?market=gold", 422)["error"]["code"], "invalid_input");
  EXPECT_EQ(GetJson("/api/v1/flows/countries/Atlantis", 404)["error"]["code"], "not_found");
}

}  // namespace
}  // namespace ocindex::test
