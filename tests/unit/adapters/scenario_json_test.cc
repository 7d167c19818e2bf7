// Scenarios survive a JSON round trip exactly, and bad files are refused with the field named.
#include "adapters/io/scenario_json.h"

#include <gtest/gtest.h>

namespace ocindex::adapters::io {
namespace {

TEST(ScenarioJson, RoundTripsExactly) {
  const core::Scenario scenario{"2025", {{"KAZ", "law_enforcement", core::AdjustmentKind::kShift, core::Rational(1)},
                                         {"KAZ", "heroin_trade", core::AdjustmentKind::kSet, core::Rational(9, 2)},
                                         {"UZB", "prevention", core::AdjustmentKind::kShift, core::Rational(-1, 2)}}};
  const std::string text = ScenarioToJson(scenario).dump();
  EXPECT_EQ(text,
            R"({"edition":"2025","changes":[{"country":"KAZ","indicator":"law_enforcement","shift":1},)"
            R"({"country":"KAZ","indicator":"heroin_trade","set":4.5},)"
            R"({"country":"UZB","indicator":"prevention","shift":-0.5}]})");
  auto back = ScenarioFromJson(text, "s.json");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back->edition, "2025");
  ASSERT_EQ(back->adjustments.size(), 3u);
  EXPECT_EQ(back->adjustments[1].amount, core::Rational(9, 2));
  EXPECT_EQ(back->adjustments[2].kind, core::AdjustmentKind::kShift);
  EXPECT_EQ(back->adjustments[2].amount, core::Rational(-1, 2));
}

TEST(ScenarioJson, RefusesWhatItCannotRead) {
  for (const char* bad : {"[]", "{}", R"({"changes": []})", R"({"changes": [{"country": "KAZ"}]})",
                          R"({"changes": [{"country": "KAZ", "indicator": "x", "shift": 1, "set": 2}]})",
                          R"({"changes": [{"country": "KAZ", "indicator": "x", "shift": "one"}]})",
                          R"({"edition": "2025", "chnages": []})"}) {
    auto result = ScenarioFromJson(bad, "s.json");
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(result.error().where, "s.json");
  }
}

}  // namespace
}  // namespace ocindex::adapters::io
