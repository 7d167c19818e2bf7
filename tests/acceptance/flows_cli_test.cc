// `ocindex flows extract|graph` as a user runs them, on narratives written for the test.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli_runner.h"
#include "support/minimal_pdf.h"

namespace ocindex::test {
namespace {

constexpr std::string_view kGeorgia =
    "DRUGS\n"
    "Georgia is a transit country for heroin coming from Iran and \n"
    "bound for Ukraine. Heroin also reaches Georgia by truck.\n"
    "\n"
    "CRIMINAL ACTORS\n"
    "Border guards allegedly take bribes from smugglers.\n";

constexpr std::string_view kArmenia =
    "DRUGS\n"
    "Armenia is a transit country for heroin smuggled from Iran to \n"
    "Georgia.\n";

class FlowsCliTest : public CliTest {
 protected:
  std::string Write(const std::string& name, std::string_view text) {
    const std::string path = dir_.File(name);
    EXPECT_TRUE(WriteFile(path, text).ok());
    return path;
  }

  // `flows extract` of `text` written to `name`, as JSON (null if it failed); `run`
  // keeps the exit code and stderr.
  nlohmann::json ExtractJson(const std::string& name, std::string_view text, const std::string& options,
                             CliRun& run) {
    run = Ocindex("flows extract '" + Write(name, text) + "' --format json " + options);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.exit_code == 0 ? nlohmann::json::parse(run.out) : nlohmann::json();
  }
};

TEST_F(FlowsCliTest, ExtractFileAsJsonWithEvidence) {
  const std::string file = Write("georgia.txt", kGeorgia);
  CliRun run = Ocindex("flows extract '" + file + "' --country GEO --edition 2021 --format json");
  ASSERT_EQ(run.exit_code, 0);
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["country"], "GEO");
  EXPECT_EQ(json["edition"], "2021");
  bool found = false;
  for (const auto& s : json["statements"]) {
    if (s["kind"] == "flow" && s["path"] == "IRN -> GEO -> UKR") {
      found = true;
      EXPECT_EQ(s["market"], "heroin_trade");
      EXPECT_EQ(s["origins"][0]["name"], "Iran");
      ASSERT_EQ(s["evidence"].size(), 1u);
      EXPECT_EQ(s["evidence"][0]["section"], "drugs");
      EXPECT_EQ(s["evidence"][0]["text"],
                "Georgia is a transit country for heroin coming from Iran and bound for Ukraine.");
    }
  }
  EXPECT_TRUE(found) << run.out;
}

TEST_F(FlowsCliTest, ExtractInfersTheCountryAndFiltersKinds) {
  const std::string file = Write("georgia.txt", kGeorgia);
  CliRun run = Ocindex("flows extract '" + file + "' --edition 2021 --kind role --format csv");
  ASSERT_EQ(run.exit_code, 0);
  std::istringstream lines(run.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("country,edition,kind,subject,statement", 0), 0u);
  int rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    EXPECT_EQ(line.rfind("GEO,2021,role,", 0), 0u) << line;
  }
  EXPECT_GE(rows, 2);  // transit, destination
}

TEST_F(FlowsCliTest, StoredNarrativesExtractAndGraph) {
  ASSERT_EQ(Ocindex("profile import '" + Write("georgia.txt", kGeorgia) + "' --country GEO --edition 2021").exit_code,
            0);
  ASSERT_EQ(Ocindex("profile import '" + Write("armenia.txt", kArmenia) + "' --country ARM --edition 2021").exit_code,
            0);
  CliRun extract = Ocindex("flows extract Georgia --kind flow --format csv");
  ASSERT_EQ(extract.exit_code, 0);
  EXPECT_NE(extract.out.find("IRN -> GEO -> UKR"), std::string::npos) << extract.out;

  // IRN -> GEO -> UKR and IRN -> ARM -> GEO: Georgia carries IRN->UKR and ARM->UKR.
  CliRun nodes = Ocindex("flows graph --market heroin_trade --nodes --format csv");
  ASSERT_EQ(nodes.exit_code, 0);
  EXPECT_NE(nodes.out.find("heroin_trade,GEO,Georgia,2,1,2.00"), std::string::npos) << nodes.out;

  CliRun geojson = Ocindex("flows graph --format geojson");
  ASSERT_EQ(geojson.exit_code, 0);
  std::istringstream lines(geojson.out);
  std::string line;
  int features = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(nlohmann::json::parse(line)["type"], "Feature");
    ++features;
  }
  EXPECT_GT(features, 0);
}

TEST_F(FlowsCliTest, GraphFromFilesWithCountriesOrAManifest) {
  const std::string georgia = Write("georgia.txt", kGeorgia);
  const std::string armenia = Write("armenia.txt", kArmenia);
  CliRun run = Ocindex("flows graph '" + georgia + "' '" + armenia + "' -c GEO -c ARM --edition 2021 --format json");
  ASSERT_EQ(run.exit_code, 0);
  const auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["edges"].size(), 4u) << run.out;  // IRN-GEO, GEO-UKR, IRN-ARM, ARM-GEO

  Write("manifest.csv", "file,country\ngeorgia.txt,GEO\narmenia.txt,Armenia\n");
  CliRun manifest = Ocindex("flows graph --manifest '" + dir_.File("manifest.csv") + "' --edition 2021 --format csv");
  ASSERT_EQ(manifest.exit_code, 0);
  EXPECT_NE(manifest.out.find("heroin_trade,ARM,GEO,Armenia,Georgia"), std::string::npos) << manifest.out;

  EXPECT_EQ(Ocindex("flows graph '" + georgia + "' '" + armenia + "' -c GEO --edition 2021").exit_code, 1);
}

// The non-negated flows of an extraction, as "market: path".
std::vector<std::string> Flows(const nlohmann::json& json) {
  std::vector<std::string> flows;
  if (!json.contains("statements")) return flows;
  for (const auto& s : json["statements"]) {
    if (s["kind"] == "flow" && !s["negated"].get<bool>()) {
      flows.push_back(s["market"].get<std::string>() + ": " + s["path"].get<std::string>());
    }
  }
  return flows;
}

TEST_F(FlowsCliTest, ExtractReadsATextWithoutHeadingsWholeAndSaysWhyTheSubject) {
  CliRun run;
  const auto json = ExtractJson("report.txt",
                                "Fact Sheet\n\nChile is a transit country for Bolivian cocaine bound for\n"
                                "Europe. Chilean police seized cocaine in the port of Arica.\n",
                                "", run);
  EXPECT_EQ(json["country"], "CHL");
  EXPECT_NE(run.err.find("read whole"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("country inferred: named most"), std::string::npos) << run.err;
  EXPECT_EQ(Flows(json), std::vector<std::string>{"cocaine_trade: BOL -> CHL -> M49-150"}) << run.out;
  EXPECT_EQ(json["statements"][0]["evidence"][0]["section"], "text");
}

TEST_F(FlowsCliTest, ExtractReadsTheTextOfAnHtmlPage) {
  CliRun run;
  const auto json = ExtractJson("page.html",
                                "<html><head><title>Chile</title><script>var x = 'cocaine to Peru';</script></head>"
                                "<body><p>Chile is a transit country for Bolivian <em>cocaine</em> bound for "
                                "Europe.</p></body></html>",
                                "--country Chile", run);
  EXPECT_EQ(Flows(json), std::vector<std::string>{"cocaine_trade: BOL -> CHL -> M49-150"});
  EXPECT_NE(run.err.find("(HTML, read whole"), std::string::npos) << run.err;
}

TEST_F(FlowsCliTest, ExtractReadsAPdfAndCitesPages) {
  const std::string pdf = test::MinimalPdf(
      {{{72, 700, "Annual report on Chile"}, {300, 40, "1"}},
       {{72, 700, "Chile is a transit country for Bolivian cocaine bound for"}, {72, 686, "Europe."}, {300, 40, "2"}}});
  const std::string file = Write("report.pdf", pdf);
  CliRun run = Ocindex("flows extract '" + file + "' --kind flow --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(Flows(json), std::vector<std::string>{"cocaine_trade: BOL -> CHL -> M49-150"}) << run.out;
  EXPECT_EQ(json["statements"][0]["evidence"][0]["page"], 2);
  EXPECT_NE(run.err.find("(PDF, 2 pages, read whole"), std::string::npos) << run.err;
  const std::string broken = Write("broken.pdf", "%PDF-1.7\ngarbage");
  CliRun bad = Ocindex("flows extract '" + broken + "'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("broken.pdf"), std::string::npos) << bad.err;
}

TEST_F(FlowsCliTest, ANegatedTextGivesNoFlow) {
  CliRun run;
  const auto json = ExtractJson("none.txt",
                                "Chile is not a transit country for cocaine. There is no evidence of cocaine "
                                "shipments from Bolivia to Europe that transit Chile.\n",
                                "", run);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_TRUE(Flows(json).empty()) << run.out;
  for (const auto& s : json["statements"]) {
    if (s["kind"] == "role") {
      EXPECT_TRUE(s["negated"].get<bool>()) << s.dump();
    }
  }
}

TEST_F(FlowsCliTest, ErrorsHaveExitCodes) {
  EXPECT_EQ(Ocindex("flows extract Atlantis").exit_code, 3);
  EXPECT_EQ(Ocindex("flows extract Peru").exit_code, 3);  // no stored narrative
  EXPECT_EQ(Ocindex("flows extract Peru --country PER").exit_code, 1);  // --country is for files
  const std::string empty = Write("empty.txt", "");
  EXPECT_EQ(Ocindex("flows extract '" + empty + "' --country GEO").exit_code, 1);
  EXPECT_EQ(Ocindex("flows extract x --kind everything").exit_code, 2);
}

}  // namespace
}  // namespace ocindex::test
