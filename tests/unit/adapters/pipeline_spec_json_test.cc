// Pipeline specs round-trip through JSON exactly, and bad specs are rejected with the
// step and field named.
#include <gtest/gtest.h>

#include "adapters/io/pipeline_spec_json.h"
#include "core/pipeline/coinr_asem.h"

namespace ocindex::adapters::io {
namespace {

namespace pl = core::pipeline;

TEST(PipelineSpecJson, RoundTripsEveryStepKind) {
  pl::AsemDesignRow row;
  row.winmax = 3;
  row.normalisation = pl::NormaliseMethod::kZScore;
  row.aggregation = pl::AggregationMethod::kGeometric;
  pl::Spec spec = pl::Concatenate(pl::AsemPrefixSpec(), pl::AsemRunRestSpec(row, {{"Conn", 1.0645570219494401}}));
  const std::string text = SpecToJson(spec).dump();
  auto back = SpecFromJson(text, "spec.json");
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(SpecToJson(*back).dump(), text);
  ASSERT_EQ(back->steps.size(), 7u);
  const auto& weights = std::get<pl::WeightStep>(back->steps[5]);
  EXPECT_EQ(weights.weights[0].weight, 1.0645570219494401);  // bit for bit
  EXPECT_EQ(std::get<pl::TreatStep>(back->steps[3]).winmax, 3);
  EXPECT_EQ(std::get<pl::AggregateStep>(back->steps[6]).method, pl::AggregationMethod::kGeometric);
  EXPECT_NE(text.find("\"step\":\"impute\",\"method\":\"group_mean\",\"group\":\"EurAsia_group\""), std::string::npos)
      << text;
}

TEST(PipelineSpecJson, DefaultsFillMissingFields) {
  auto spec = SpecFromJson(R"({"steps": [{"step": "treat"}, {"step": "aggregate", "method": "harmonic"}]})", "s");
  ASSERT_TRUE(spec) << spec.error().ToString();
  EXPECT_EQ(std::get<pl::TreatStep>(spec->steps[0]).winmax, 5);
  EXPECT_EQ(std::get<pl::AggregateStep>(spec->steps[1]).method, pl::AggregationMethod::kHarmonic);
}

TEST(PipelineSpecJson, ErrorsNameTheStepAndField) {
  auto unknown = SpecFromJson(R"({"steps": [{"step": "treat", "winmx": 3}]})", "s.json");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().ToString(), "s.json, step 1: unknown field \"winmx\"");
  auto method = SpecFromJson(R"({"steps": [{"step": "denominate"}, {"step": "normalise", "method": "log"}]})", "s");
  ASSERT_FALSE(method);
  EXPECT_EQ(method.error().where, "s, step 2");
  EXPECT_NE(method.error().message.find("expected one of minmax, zscore, rank, target, goalposts"), std::string::npos);
  EXPECT_FALSE(SpecFromJson(R"({"steps": [{"step": "treat", "winmax": "five"}]})", "s"));
  EXPECT_FALSE(SpecFromJson(R"({"steps": [{"step": "treat", "winmax": 0}]})", "s"));  // Validate
  EXPECT_FALSE(SpecFromJson("[1, 2", "s"));
  EXPECT_FALSE(SpecFromJson(R"({"steps": [{"step": "dance"}]})", "s"));
}

// The uncertainty spec's fuzzer found that a number beyond a double escaped the JSON
// reader as an exception (out_of_range); this reader had the same catch.
TEST(PipelineSpecJson, NumberBeyondADoubleIsAnErrorNotAnException) {
  auto spec = SpecFromJson(R"({"steps": [{"step": "treat", "winmax": 1e400}]})", "s.json");
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(spec.error().message.find("not JSON: "), std::string::npos);
}

}  // namespace
}  // namespace ocindex::adapters::io
