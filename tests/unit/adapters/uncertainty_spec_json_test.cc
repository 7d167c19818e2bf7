// Uncertainty specs round-trip through JSON, and bad ones are rejected naming the field.
#include <gtest/gtest.h>

#include "adapters/io/uncertainty_spec_json.h"

namespace ocindex::adapters::io {
namespace {

namespace un = core::uncertainty;

TEST(UncertaintySpecJson, RoundTripsEveryInput) {
  const std::string text =
      R"({"score_noise":[{"indicators":["cocaine_trade"],"p_down":0.5,"p_up":0.25},{"p_down":0.125,"p_up":0.125}],)"
      R"("weight_noise":[{"level":"indicator","amplitude":0.25},{"level":"component","amplitude":0.1}],)"
      R"("aggregation":["arithmetic","geometric"],"pillar_formula":["published","pooled"],)"
      R"("threshold_spread":0.5,"exclusion_candidates":["judicial_system"],)"
      R"("expert_bootstrap":{"indicators":["heroin_trade","mafia_style_groups"]}})";
  auto spec = UncertaintySpecFromJson(text, "spec.json");
  ASSERT_TRUE(spec) << spec.error().ToString();
  EXPECT_EQ(UncertaintySpecToJson(*spec).dump(), text);
  ASSERT_EQ(spec->score_noise.size(), 2u);
  EXPECT_EQ(spec->score_noise[0].indicators, std::vector<std::string>{"cocaine_trade"});
  EXPECT_EQ(spec->score_noise[0].p_down, 0.5);
  EXPECT_EQ(spec->weight_noise[1].level, un::WeightLevel::kComponent);
  EXPECT_EQ(spec->aggregation.back(), un::Aggregation::kGeometric);
  EXPECT_EQ(spec->pillar_formula.back(), un::PillarFormula::kPooled);
  EXPECT_EQ(spec->threshold_spread, 0.5);
  ASSERT_TRUE(spec->expert_bootstrap);
  EXPECT_EQ(spec->expert_bootstrap->indicators, (std::vector<std::string>{"heroin_trade", "mafia_style_groups"}));
}

// true = every indicator with expert data; false and absent = no bootstrap.
TEST(UncertaintySpecJson, ExpertBootstrapAsAFlag) {
  auto every = UncertaintySpecFromJson(R"({"expert_bootstrap": true})", "spec.json");
  ASSERT_TRUE(every) << every.error().ToString();
  ASSERT_TRUE(every->expert_bootstrap);
  EXPECT_TRUE(every->expert_bootstrap->indicators.empty());
  EXPECT_EQ(UncertaintySpecToJson(*every)["expert_bootstrap"], true);
  for (const char* text : {R"({"expert_bootstrap": false})", "{}"}) {
    auto none = UncertaintySpecFromJson(text, "spec.json");
    ASSERT_TRUE(none) << none.error().ToString();
    EXPECT_FALSE(none->expert_bootstrap) << text;
    EXPECT_FALSE(UncertaintySpecToJson(*none).contains("expert_bootstrap")) << text;
  }
}

TEST(UncertaintySpecJson, ErrorsNameTheSourceAndField) {
  const auto error = [](const std::string& text) {
    auto spec = UncertaintySpecFromJson(text, "spec.json");
    return spec ? std::string("accepted") : spec.error().ToString();
  };
  EXPECT_EQ(error(R"({"score_noise":[{"p_up":"high"}]})"), "spec.json: score_noise[0].p_up: expected a number");
  EXPECT_EQ(error(R"({"score_noise":[{"p_upp":0.25}]})"), "spec.json: score_noise[0].p_upp: unknown field");
  EXPECT_EQ(error(R"({"weight_noise":[{"level":"pillar"}]})"),
            "spec.json: weight_noise[0].level: expected \"indicator\" or \"component\", found \"pillar\"");
  EXPECT_EQ(error(R"({"aggregation":["harmonic"]})"),
            "spec.json: aggregation: expected one of arithmetic, geometric, found \"harmonic\"");
  EXPECT_EQ(error(R"({"treshold_spread":0.5})"), "spec.json: treshold_spread: unknown field");
  EXPECT_EQ(error(R"({"expert_bootstrap":"yes"})"),
            "spec.json: expert_bootstrap: expected true, false or an object such as {\"indicators\": [...]}");
  EXPECT_EQ(error(R"({"expert_bootstrap":{"indicator":["heroin_trade"]}})"),
            "spec.json: expert_bootstrap.indicator: unknown field");
  EXPECT_EQ(error(R"({"expert_bootstrap":{"indicators":"heroin_trade"}})"),
            "spec.json: expert_bootstrap.indicators: expected an array of names");
  EXPECT_NE(error("{").find("spec.json: not JSON"), std::string::npos);
}

// Found by fuzz/uncertainty_spec_fuzzer: nlohmann throws out_of_range, not parse_error,
// for a number beyond a double, which escaped as an uncaught exception.
TEST(UncertaintySpecJson, NumberBeyondADoubleIsAnErrorNotAnException) {
  auto spec = UncertaintySpecFromJson(R"({"threshold_spread": -1e309})", "spec.json");
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(spec.error().ToString().find("spec.json: not JSON: "), std::string::npos);
  EXPECT_NE(spec.error().message.find("number overflow"), std::string::npos);
}

}  // namespace
}  // namespace ocindex::adapters::io
