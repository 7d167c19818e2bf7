// The decision commands as a user runs them: a scenario saved and replayed gives the
// same answer, JSON output is the API's document, and bad input exits with the
// documented codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_runner.h"

namespace ocindex::test {
namespace {

using Json = nlohmann::json;

TEST_F(CliTest, WhatIfScenarioSavedAndReplayed) {
  const std::string file = dir_.File("kaz.json");
  CliRun first = Ocindex("whatif KAZ law_enforcement=+1 heroin_trade=12 --edition 2025 --save '" + file + "' --format json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  Json answer = Json::parse(first.out);
  EXPECT_EQ(answer["changes"][1]["after"], 10.0);  // clamped to the scale
  EXPECT_EQ(answer["changes"][1]["clamped"], true);
  CliRun replay = Ocindex("whatif --scenario '" + file + "' --format json");
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_EQ(Json::parse(replay.out), answer);
  CliRun table = Ocindex("whatif KAZ law_enforcement=+1 --edition 2025 --format table");
  EXPECT_NE(table.out.find("law_enforcement"), std::string::npos);
  EXPECT_NE(table.err.find("quadrant"), std::string::npos);
}

TEST_F(CliTest, TargetSaysWhenAGoalIsOutOfReach) {
  CliRun run = Ocindex("target KAZ 'resilience>=9.9' --allow law_enforcement --edition 2025 --format table");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("out of reach"), std::string::npos) << run.err;
  CliRun json = Ocindex("target KAZ 'quadrant=low criminality, high resilience' --edition 2025 --ties 2 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  Json plan = Json::parse(json.out);
  EXPECT_TRUE(plan["reachable"].get<bool>());
  EXPECT_EQ(plan["plans"].size(), 2u);
  EXPECT_TRUE(plan["more_ties"].get<bool>());
}

TEST_F(CliTest, ExplainWaterfallEndsAtThePublishedDifference) {
  CliRun run = Ocindex("explain KAZ KGZ --edition 2025 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json explanation = Json::parse(run.out);
  const Json& waterfall = explanation["waterfall"];
  EXPECT_EQ(waterfall.back()["id"], "rounding");
  EXPECT_DOUBLE_EQ(waterfall.back()["cumulative"].get<double>(), explanation["difference"].get<double>());
}

TEST_F(CliTest, DecisionCommandsRefuseBadInput) {
  EXPECT_EQ(Ocindex("whatif KAZ law_enforcement=+0.3").exit_code, 1);
  EXPECT_EQ(Ocindex("whatif KAZ no_such_indicator=+1").exit_code, 3);
  EXPECT_EQ(Ocindex("whatif Atlantis law_enforcement=+1").exit_code, 3);
  EXPECT_EQ(Ocindex("target KAZ 'resilience is high'").exit_code, 1);
  EXPECT_EQ(Ocindex("target KAZ 'resilience rank<=500'").exit_code, 1);
  EXPECT_EQ(Ocindex("explain KAZ KGZ UZB").exit_code, 1);
  EXPECT_EQ(Ocindex("peers KAZ --count 0").exit_code, 1);
  EXPECT_EQ(Ocindex("clusters --clusters 500").exit_code, 1);
  EXPECT_EQ(Ocindex("target KAZ").exit_code, 2);
}

}  // namespace
}  // namespace ocindex::test
