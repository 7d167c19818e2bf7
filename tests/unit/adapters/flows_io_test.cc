// Lexicon and gazetteer readers, the bundled data, and the flow renderers.
#include <gtest/gtest.h>

#include <sstream>

#include "adapters/catalog/flows.h"
#include "adapters/io/gazetteer_csv.h"
#include "adapters/io/lexicon_toml.h"
#include "adapters/render/flows_render.h"

namespace ocindex::adapters {
namespace {

TEST(LexiconToml, ReadsEntriesAndSplitsWeakTerms) {
  core::Lexicon lexicon;
  auto status = io::ParseLexicon(R"([[entry]]
kind = "market"
value = "arms_trafficking"
terms = ["weapons"]
weak = ["arms"]

[[entry]]
kind = "crossing"
value = "-"
case_sensitive = true
terms = ["re:[A-Z]\\w+ Pass"]
)",
                                 "test.toml", lexicon);
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  ASSERT_EQ(lexicon.entries.size(), 3u);
  EXPECT_TRUE(lexicon.entries[0].weak);
  EXPECT_EQ(lexicon.entries[0].terms, std::vector<std::string>{"arms"});
  EXPECT_FALSE(lexicon.entries[1].weak);
  EXPECT_EQ(lexicon.entries[1].source, "test.toml, entry 1 (line 1)");
  EXPECT_TRUE(lexicon.entries[2].case_sensitive);
  EXPECT_EQ(lexicon.entries[2].terms, std::vector<std::string>{"re:[A-Z]\\w+ Pass"});
}

TEST(LexiconToml, ErrorsNameFileLineAndColumn) {
  auto fails = [](std::string_view text) {
    core::Lexicon lexicon;
    auto status = io::ParseLexicon(text, "bad.toml", lexicon);
    EXPECT_FALSE(status.ok()) << text;
    return status.ok() ? std::string() : status.error().ToString();
  };
  EXPECT_NE(fails("[[entry]]\nkind = \"smell\"\nvalue = \"-\"\nterms = [\"x\"]\n").find("bad.toml, line 2"),
            std::string::npos);
  EXPECT_NE(fails("[[entry]]\nkind = \"mode\"\nvalue = \"rail\"\nterm = [\"x\"]\n").find("unknown key 'term'"),
            std::string::npos);
  EXPECT_NE(fails("[[entry]]\nkind = \"mode\"\nvalue = \"rail\"\nterms = [1]\n").find("list of strings"),
            std::string::npos);
  EXPECT_NE(fails("[[entry]]\nkind = \"mode\"\nvalue = \"rail\"\n").find("needs terms"), std::string::npos);
  EXPECT_NE(fails("[market]\n").find("expected [[entry]]"), std::string::npos);
  EXPECT_NE(fails("[[entry]\n").find("not valid TOML"), std::string::npos);
}

TEST(GazetteerCsv, ReadsAndRejects) {
  core::Gazetteer gazetteer;
  ASSERT_TRUE(io::ParseRegionsCsv("code,name,aliases,adjectives,lat,lon\nM49-143,Central Asia,,Central Asian,43,65\n",
                                  "regions.csv", gazetteer)
                  .ok());
  ASSERT_TRUE(io::ParseSubregionsCsv("iso3,m49\nKAZ,143\n", "subregions.csv", gazetteer).ok());
  EXPECT_EQ(gazetteer.subregion["KAZ"], "M49-143");
  ASSERT_TRUE(io::ParseCentroidsCsv("iso3,lat,lon,source\nKAZ,48.4,67.2,x\n", "centroids.csv", gazetteer).ok());
  EXPECT_DOUBLE_EQ(gazetteer.Point("KAZ")->lon, 67.2);
  EXPECT_DOUBLE_EQ(gazetteer.Point("M49-143")->lat, 43);
  EXPECT_FALSE(gazetteer.Point("XXX").has_value());
  ASSERT_TRUE(io::ParseDemonymsCsv("iso3,forms\nKAZ,Kazakh|Kazakhs\n", "demonyms.csv", gazetteer).ok());
  EXPECT_EQ(gazetteer.demonyms["KAZ"], (std::vector<std::string>{"Kazakh", "Kazakhs"}));
  ASSERT_TRUE(io::ParseCitiesCsv("iso3,cities\nNLD,Rotterdam|Amsterdam\n", "cities.csv", gazetteer).ok());
  EXPECT_EQ(gazetteer.cities["NLD"], (std::vector<std::string>{"Rotterdam", "Amsterdam"}));
  EXPECT_FALSE(io::ParseCitiesCsv("iso3,towns\nNLD,Rotterdam\n", "cities.csv", gazetteer).ok());

  auto bad_latitude = io::ParseCentroidsCsv("iso3,lat,lon\nKAZ,98,67\n", "centroids.csv", gazetteer);
  ASSERT_FALSE(bad_latitude.ok());
  EXPECT_NE(bad_latitude.error().ToString().find("centroids.csv"), std::string::npos);
  EXPECT_NE(bad_latitude.error().ToString().find("98"), std::string::npos);
  EXPECT_FALSE(io::ParseSubregionsCsv("iso3,m49\nKGZ,999\n", "subregions.csv", gazetteer).ok());
  EXPECT_FALSE(io::ParseDemonymsCsv("iso3,names\nKAZ,Kazakh\n", "demonyms.csv", gazetteer).ok());
}

TEST(BundledFlows, DataLoadsAndCoversEveryCountry) {
  auto geography = BundledGeography();
  ASSERT_TRUE(geography.ok());
  auto gazetteer = BundledGazetteer();
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.error().ToString();
  for (const core::Country& country : geography->countries()) {
    EXPECT_TRUE(gazetteer->centroids.count(country.iso3)) << country.iso3;
    EXPECT_TRUE(gazetteer->subregion.count(country.iso3)) << country.iso3;
  }
  for (const core::Region& region : gazetteer->regions) EXPECT_TRUE(gazetteer->Point(region.code)) << region.code;
  EXPECT_TRUE(BundledFlowExtractor(*geography).ok());
}

core::FlowGraph SampleGraph() {
  core::Statement flow;
  flow.kind = core::StatementKind::kFlow;
  flow.market = "heroin_trade";
  flow.origins = {"AFG"};
  flow.via = {"KAZ"};
  flow.destinations = {"M49-151", "ATL"};  // ATL: a place with no known point
  flow.confidence = 0.85;
  core::Evidence evidence;
  evidence.section = "drugs";
  evidence.begin = 0;
  evidence.end = 20;
  flow.evidence.push_back(evidence);
  return core::BuildFlowGraph({{"KAZ", "2021", {flow}, {}, false}}, {});
}

TEST(FlowRender, GeoJsonLinesAreOneFeaturePerLineWithCentroids) {
  auto geography = BundledGeography();
  auto gazetteer = BundledGazetteer();
  ASSERT_TRUE(geography.ok() && gazetteer.ok());
  const render::PlaceNamer names{*geography, *gazetteer};
  int skipped = 0;
  const std::string lines = render::GraphGeoJsonLines(SampleGraph(), names, &skipped);
  EXPECT_EQ(skipped, 1);  // KAZ -> ATL
  std::istringstream in(lines);
  std::string line;
  int edges = 0;
  int nodes = 0;
  while (std::getline(in, line)) {
    const auto feature = nlohmann::json::parse(line);
    EXPECT_EQ(feature["type"], "Feature");
    if (feature["geometry"]["type"] == "LineString") {
      ++edges;
      if (feature["properties"]["from"] == "AFG") {
        EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][0][0].get<double>(), gazetteer->centroids["AFG"].lon);
        EXPECT_DOUBLE_EQ(feature["geometry"]["coordinates"][0][1].get<double>(), gazetteer->centroids["AFG"].lat);
        EXPECT_EQ(feature["properties"]["to_name"], "Kazakhstan");
      }
    } else {
      ++nodes;
      EXPECT_EQ(feature["geometry"]["type"], "Point");
    }
  }
  EXPECT_EQ(edges, 2);  // AFG -> KAZ, KAZ -> Eastern Europe
  EXPECT_EQ(nodes, 6);  // AFG, KAZ, M49-151 in "*" and in heroin_trade; ATL has no point
}

TEST(FlowRender, EdgeCsvAndStatementJsonQuoteTheEvidence) {
  auto geography = BundledGeography();
  auto gazetteer = BundledGazetteer();
  ASSERT_TRUE(geography.ok() && gazetteer.ok());
  const render::PlaceNamer names{*geography, *gazetteer};
  std::ostringstream csv;
  render::WriteCsv(render::EdgeGrid(SampleGraph(), names), csv);
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\n')),
            "market,from,to,from_name,to_name,statements,confidence,hedged,countries,evidence");
  EXPECT_NE(csv.str().find("heroin_trade,KAZ,M49-151,Kazakhstan,Eastern Europe,1,0.85,no,KAZ,1"), std::string::npos);

  core::Narrative narrative;
  narrative.sections.push_back({"drugs", "DRUGS", "Heroin goes to Russia. Second.", 0});
  core::Statement market;
  market.kind = core::StatementKind::kMarket;
  market.market = "heroin_trade";
  market.evidence.push_back({"drugs", 0, 0, 0, 22, 0, 6});
  const core::NarrativeStatements statements{"KAZ", "2021", {market}, {}, false};
  const auto json = render::StatementJson(statements, narrative, names, std::nullopt);
  EXPECT_EQ(json["statements"][0]["evidence"][0]["text"], "Heroin goes to Russia.");
  EXPECT_EQ(json["statements"][0]["evidence"][0]["cue"], "Heroin");
  EXPECT_EQ(json["statements"][0]["evidence"][0]["sentence"], 1);
  EXPECT_TRUE(render::StatementJson(statements, narrative, names, core::StatementKind::kFlow)
                  ["statements"]
                      .empty());
}

}  // namespace
}  // namespace ocindex::adapters
