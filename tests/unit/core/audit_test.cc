// The audit on a hand-made model: 5 units, one pillar of three indicators where a is
// b doubled (r = 1, collinear) and c runs against them (negative with the pillar).
#include <gtest/gtest.h>

#include <cmath>

#include "core/analytics/audit.h"
#include "core/pipeline/run.h"

namespace ocindex::core::analytics {
namespace {

namespace pl = core::pipeline;

pl::Node MakeNode(std::string code, std::string parent, int level = 1, double weight = 1) {
  pl::Node node;
  node.code = std::move(code);
  node.parent_code = std::move(parent);
  node.level = level;
  node.weight = weight;
  return node;
}

struct Fixture {
  pl::Model model;
  pl::Matrix scores;
};

Fixture Make() {
  Fixture f;
  f.model.units = {"A", "B", "C", "D", "E"};
  f.model.nodes = {MakeNode("a", "P"), MakeNode("b", "P"), MakeNode("c", "P", 1, 2), MakeNode("P", "", 2)};
  f.model.data = pl::Matrix(5, 3);
  const double values[5][3] = {{2, 1, 5}, {4, 2, 4}, {6, 3, 3}, {8, 4, 1}, {10, 5, 2}};
  for (size_t u = 0; u < 5; ++u) {
    for (size_t j = 0; j < 3; ++j) f.model.data.at(u, j) = values[u][j];
  }
  f.model.display_groups = {{"ab", {0, 1}}};
  EXPECT_TRUE(f.model.Link());
  auto results = pl::Run(f.model, pl::Spec{{pl::AggregateStep{}}});
  EXPECT_TRUE(results);
  f.scores = results->Find("Aggregated")->values;
  return f;
}

TEST(Audit, IndicatorCorrelationMatrix) {
  const Fixture f = Make();
  const CorrelationMatrix pearson = IndicatorCorrelations(f.model, f.scores, CorrelationKind::kPearson);
  ASSERT_EQ(pearson.codes, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_NEAR(pearson.at(0, 1), 1, 1e-15);
  EXPECT_EQ(pearson.at(2, 2), 1);
  // b = 1..5 against c = 5, 4, 3, 1, 2: deviations (-2..2) and (2, 1, 0, -2, -1):
  // r = (-4 - 1 + 0 - 2 - 2) / sqrt(10 * 10) = -0.9.
  EXPECT_NEAR(pearson.at(1, 2), -0.9, 1e-15);
  const CorrelationMatrix spearman = IndicatorCorrelations(f.model, f.scores, CorrelationKind::kSpearman);
  EXPECT_NEAR(spearman.at(1, 2), -0.9, 1e-15);  // c is already a ranking
}

TEST(Audit, GroupsAlphaAndPca) {
  const Fixture f = Make();
  const auto groups = AuditGroups(f.model);
  ASSERT_EQ(groups.size(), 2u);  // pillar P, display group ab
  const auto alphas = GroupAlphas(f.model, f.scores);
  ASSERT_EQ(alphas.size(), 2u);
  // a and b: variances 10 and 2.5, sums 3b with variance 22.5: 2 (1 - 12.5/22.5) = 8/9.
  EXPECT_EQ(alphas[1].group, "ab");
  EXPECT_NEAR(alphas[1].alpha, 8.0 / 9, 1e-12);
  const auto pcas = GroupPcas(f.model, f.scores);
  ASSERT_EQ(pcas.size(), 2u);
  ASSERT_TRUE(pcas[1].pca);
  EXPECT_NEAR(pcas[1].pca->eigenvalues[0], 2, 1e-12);  // r = 1: eigenvalues 2 and 0
}

TEST(Audit, FlagsCollinearAndNegativeIndicators) {
  const Fixture f = Make();
  const auto flags = Flags(f.model, f.scores);
  bool collinear = false;
  bool negative = false;
  for (const AuditFlag& flag : flags) {
    if (flag.kind == FlagKind::kCollinear && flag.code == "a" && flag.other == "b") collinear = true;
    if (flag.kind == FlagKind::kNegativeWithParent && flag.code == "c") negative = true;
    EXPECT_NE(flag.code, "b") << "b is flagged only as a's partner";
  }
  EXPECT_TRUE(collinear);
  EXPECT_TRUE(negative);
  EXPECT_TRUE(Flags(f.model, f.scores, 1.0).size() < flags.size());  // r = 1 is not > 1
}

TEST(Audit, EffectiveWeightsFollowTheWeightShares) {
  const Fixture f = Make();
  auto weights = EffectiveWeights(f.model, f.scores, 3);
  ASSERT_TRUE(weights);
  ASSERT_EQ(weights->size(), 3u);
  EXPECT_DOUBLE_EQ((*weights)[0].nominal, 0.25);  // weights 1, 1, 2
  EXPECT_DOUBLE_EQ((*weights)[2].nominal, 0.5);
  double shares = 0;
  for (const auto& w : *weights) shares += w.variance_share;
  EXPECT_NEAR(shares, 1, 1e-12);  // a linear composite with no gaps
  EXPECT_FALSE(EffectiveWeights(f.model, f.scores, 0));  // an indicator is no composite
}

}  // namespace
}  // namespace ocindex::core::analytics
