// Running specs on a tiny model: 4 units, 3 indicators under one pillar, with a
// denominator and a group column. Every expected figure is worked out in comments.
#include <gtest/gtest.h>

#include <cmath>

#include "core/pipeline/run.h"

namespace ocindex::core::pipeline {
namespace {

Node MakeNode(std::string code, std::string parent, int level = 1, int direction = 1,
              std::string denominator = "") {
  Node node;
  node.code = std::move(code);
  node.parent_code = std::move(parent);
  node.level = level;
  node.direction = direction;
  node.denominator = std::move(denominator);
  return node;
}

Model Tiny() {
  Model model;
  model.units = {"A", "B", "C", "D"};
  model.nodes = {MakeNode("x", "P"), MakeNode("y", "P", 1, -1, "pop"), MakeNode("z", "P"), MakeNode("P", "", 2)};
  model.data = Matrix(4, 3);
  const double values[4][3] = {{1, 10, 2}, {2, 20, kMissing}, {3, kMissing, 6}, {6, 40, 8}};
  for (size_t u = 0; u < 4; ++u) {
    for (size_t j = 0; j < 3; ++j) model.data.at(u, j) = values[u][j];
  }
  model.denominators = {{"pop", {1, 2, 4, 4}}};
  model.groups = {{"region", {"n", "n", "s", "s"}}};
  EXPECT_TRUE(model.Link());
  return model;
}

TEST(PipelineRun, DenominateImputeByGroupMeanAndRecordEveryStage) {
  const Model model = Tiny();
  // y / pop = 10, 10, NA, 10. Group mean of z in "n" is 2 (B gets 2); y in "s" is 10.
  auto results = pipeline::Run(model, Spec{{DenominateStep{}, ImputeStep{ImputeMethod::kGroupMean, "region"}}});
  ASSERT_TRUE(results) << results.error().ToString();
  ASSERT_EQ(results->data_sets.size(), 2u);
  const DataSet& imputed = *results->Find("Imputed");
  EXPECT_EQ(imputed.values.at(1, 2), 2);
  EXPECT_EQ(imputed.values.at(2, 1), 10);
  EXPECT_TRUE(IsMissing(results->Find("Denominated")->values.at(2, 1)));
  EXPECT_EQ(results->spec.steps.size(), 2u);
}

TEST(PipelineRun, MedianAndRowMeanImputation) {
  const Model model = Tiny();
  // Median of z over all units: (2, 6, 8) -> 6.
  auto median = pipeline::Run(model, Spec{{ImputeStep{ImputeMethod::kGroupMedian, ""}}});
  ASSERT_TRUE(median);
  EXPECT_EQ(median->Find("Imputed")->values.at(1, 2), 6);
  // Row mean over siblings: B's z = mean(2, 20) = 11; C's y = mean(3, 6) = 4.5.
  auto row = pipeline::Run(model, Spec{{ImputeStep{ImputeMethod::kRowMean, ""}}});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Find("Imputed")->values.at(1, 2), 11);
  EXPECT_EQ(row->Find("Imputed")->values.at(2, 1), 4.5);
}

TEST(PipelineRun, ScreenDropsUnitsBelowTheAvailabilityThreshold) {
  const Model model = Tiny();
  auto results = pipeline::Run(model, Spec{{ScreenStep{1.0}}});  // B and C miss one of three
  ASSERT_TRUE(results);
  EXPECT_EQ(results->Find("Screened")->units, (std::vector<std::string>{"A", "D"}));
  auto lenient = pipeline::Run(model, Spec{{ScreenStep{0.6}}});  // 2/3 >= 0.6
  EXPECT_EQ(lenient->Find("Screened")->units.size(), 4u);
}

// After imputation: x = 1, 2, 3, 6; y = -(10, 10, 10, 10) has no spread, so min-max
// fails and names the indicator.
TEST(PipelineRun, NormaliseFailureNamesTheIndicator) {
  const Model model = Tiny();
  auto results = pipeline::Run(model, Spec{{DenominateStep{}, ImputeStep{ImputeMethod::kGroupMean, "region"},
                                  NormaliseStep{NormaliseMethod::kMinMax, 0, 1}}});
  ASSERT_FALSE(results);
  EXPECT_NE(results.error().message.find("indicator y"), std::string::npos);
}

// Arithmetic mean of x, -y, z per unit with explicit weights 2, 1, 1: unit A:
// (2*1 + (-10) + 2) / 4 = -1.5; unit B has z missing: (2*2 - 20) / 3.
TEST(PipelineRun, ExplicitWeightsAndDirection) {
  const Model model = Tiny();
  auto results = pipeline::Run(model, Spec{{NormaliseStep{NormaliseMethod::kZScore, 0, 1},
                                  WeightStep{WeightMethod::kExplicit, {{"x", 2}}}, AggregateStep{}}});
  ASSERT_TRUE(results) << results.error().ToString();
  EXPECT_EQ(results->weights[0], 2);
  EXPECT_EQ(results->weights[1], 1);
  const DataSet& aggregated = *results->Find("Aggregated");
  ASSERT_EQ(aggregated.columns.back(), "P");
  // Check unit A against the normalised values directly.
  const DataSet& normalised = *results->Find("Normalised");
  const double a = (2 * normalised.values.at(0, 0) + normalised.values.at(0, 1) + normalised.values.at(0, 2)) / 4;
  EXPECT_NEAR(aggregated.values.at(0, 3), a, 1e-15);
  // Direction -1: y's largest raw value (D, 40) is its lowest normalised value.
  EXPECT_LT(normalised.values.at(3, 1), normalised.values.at(0, 1));
}

// Two children that correlate perfectly share PCA weight equally (1/2 each, squared
// loadings of (1, 1)/sqrt 2).
TEST(PipelineRun, PcaWeightsFromTheFirstComponent) {
  Model model;
  model.units = {"A", "B", "C"};
  model.nodes = {MakeNode("x", "P"), MakeNode("y", "P"), MakeNode("P", "", 2)};
  model.data = Matrix(3, 2);
  for (size_t u = 0; u < 3; ++u) {
    model.data.at(u, 0) = static_cast<double>(u);
    model.data.at(u, 1) = 10.0 * static_cast<double>(u);
  }
  ASSERT_TRUE(model.Link());
  auto results = pipeline::Run(model, Spec{{WeightStep{WeightMethod::kPca, {}}, AggregateStep{}}});
  ASSERT_TRUE(results) << results.error().ToString();
  EXPECT_NEAR(results->weights[0], 0.5, 1e-12);
  EXPECT_NEAR(results->weights[1], 0.5, 1e-12);
}

TEST(PipelineRun, RunnerReusesItsCheckpoint) {
  const Model model = Tiny();
  Runner runner(model);
  EXPECT_FALSE(runner.RunFromCheckpoint(Spec{{AggregateStep{}}}));  // no checkpoint yet
  ASSERT_TRUE(runner.Checkpoint(Spec{{DenominateStep{}, ImputeStep{ImputeMethod::kGroupMean, "region"}}}));
  ASSERT_TRUE(runner.RunFromCheckpoint(Spec{{AggregateStep{}}}));
  const double first = runner.scores().at(0, 3);
  ASSERT_TRUE(runner.RunFromCheckpoint(Spec{{WeightStep{WeightMethod::kExplicit, {{"z", 0}}}, AggregateStep{}}}));
  EXPECT_EQ(first, (1.0 + 10 + 2) / 3);            // no normalisation: raw values, y not negated
  EXPECT_EQ(runner.scores().at(0, 3), (1.0 + 10) / 2);  // z weighs nothing
  ASSERT_TRUE(runner.RunFromCheckpoint(Spec{{AggregateStep{}}}));
  EXPECT_EQ(runner.scores().at(0, 3), first);  // weights reset between runs
}

TEST(Spec, ValidateRejectsBadParameters) {
  EXPECT_TRUE((Spec{{TreatStep{}, NormaliseStep{}, AggregateStep{}}}.Validate()));
  TreatStep treat;
  treat.winmax = 0;
  EXPECT_FALSE((Spec{{treat}}.Validate()));
  EXPECT_FALSE((Spec{{NormaliseStep{NormaliseMethod::kMinMax, 5, 5}}}.Validate()));
  EXPECT_FALSE((Spec{{NormaliseStep{NormaliseMethod::kZScore, 0, 0}}}.Validate()));
  EXPECT_FALSE((Spec{{ScreenStep{1.5}}}.Validate()));
  EXPECT_FALSE((Spec{{AggregateStep{}, NormaliseStep{}}}.Validate()));
  auto status = Spec{{WeightStep{WeightMethod::kExplicit, {{"x", -1}}}}}.Validate();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "step 1 (weight): weight of x must be finite and >= 0");
}

TEST(Model, LinkRejectsBrokenTrees) {
  Model model = Tiny();
  model.nodes[0].parent_code = "nowhere";
  EXPECT_FALSE(model.Link());
  model = Tiny();
  model.nodes[1].denominator = "gdp";
  EXPECT_FALSE(model.Link());
  model = Tiny();
  model.nodes[2].direction = 0;
  EXPECT_FALSE(model.Link());
  model = Tiny();
  model.units[1] = "A";
  EXPECT_FALSE(model.Link());
}

}  // namespace
}  // namespace ocindex::core::pipeline
