// The uncertainty engine on indices far larger than 193 countries (subnational or
// company indices): ranks of more than 65,535 keys, rank histograms in bins of
// several ranks, runs tallied in batches. Every figure is the same whatever the thread
// count, batch or evaluator, and the binned summaries agree with ranks computed run by run.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/uncertainty/random_stream.h"
#include "core/uncertainty/rank_statistics.h"
#include "core/uncertainty/ranker.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "support/tiny_framework.h"
#include "support/uncertainty_paths.h"

namespace ocindex {
namespace {

using namespace core::uncertainty;  // NOLINT: the module under test

TEST(Ranker, MoreKeysThan16BitCountsHold) {
  core::RandomStream stream(5, 0);
  constexpr int kKeys = 70000;
  std::vector<std::int32_t> keys(kKeys), ranks(kKeys);
  for (auto& key : keys) key = 100 + static_cast<std::int32_t>(stream.Below(901));  // about 78 keys per value
  Ranker ranker(1000, kKeys);
  ranker.Rank(keys.data(), kKeys, ranks.data());
  const std::vector<int> expected = core::RanksHighFirst(std::vector<double>(keys.begin(), keys.end()));
  EXPECT_EQ(std::vector<int>(ranks.begin(), ranks.end()), expected);
}

// A GOCI-shaped index of `units` units with random scores: criminality the mean of
// markets (15 indicators) and actors (5), resilience the mean of 12.
struct Synthetic {
  core::Framework framework;
  core::Dataset dataset;
  explicit Synthetic(int units) {
    using core::Aggregate;
    using core::NodeKind;
    framework = test_support::NewFramework("2030");
    test_support::AddNode(framework, "criminality", NodeKind::kPillar, "", Aggregate::kChildren);
    test_support::AddNode(framework, "markets", NodeKind::kComponent, "criminality");
    test_support::AddNode(framework, "actors", NodeKind::kComponent, "criminality");
    test_support::AddNode(framework, "resilience", NodeKind::kPillar);
    for (int i = 0; i < 32; ++i) {
      test_support::AddIndicator(framework, "i" + std::to_string(i), i < 15 ? "markets" : i < 20 ? "actors" : "resilience");
    }
    framework.quadrant_x = "resilience";
    framework.quadrant_y = "criminality";
    framework = test_support::Linked(std::move(framework));
    dataset = core::Dataset::ShapedFor(framework);
    core::RandomStream stream(9, 0);
    for (int u = 0; u < units; ++u) {
      const std::string code = "U" + std::to_string(u);
      const int c = dataset.AddCountry({code, code, "X", "Y"});
      for (int i = 0; i < dataset.indicator_count(); ++i) {
        dataset.score(c, i) = core::Rational(2 + static_cast<std::int64_t>(stream.Below(19)), 2);
      }
    }
  }
  Plan PlanFor(const UncertaintySpec& spec) const {
    auto plan = BuildPlan(framework, dataset, spec);
    EXPECT_TRUE(plan) << plan.error().ToString();
    return plan ? std::move(*plan) : Plan{};
  }
};

// Batch 1 (the default up to 2,048 units) tallies runs 16 at a time, slot by slot, the
// last of each task partial (3,000 runs: tasks of 2,048 and 952); 7 and 64 stash them.
TEST(RunUncertainty, SmallIndicesGiveTheSameFiguresWhateverTheTallyBatch) {
  const Synthetic index(193);
  const Plan plan = index.PlanFor(ReferenceSpec());
  AnalysisOptions options;
  options.runs = 3000;
  options.seed = 4;
  auto one_by_one = RunUncertainty(plan, options);
  ASSERT_TRUE(one_by_one);
  EXPECT_EQ(one_by_one->rank_bin_width, 1);
  for (int batch : {7, 64}) {
    options.tally_batch = batch;
    auto batched = RunUncertainty(plan, options);
    ASSERT_TRUE(batched);
    EXPECT_TRUE(test::SameResult(*one_by_one, *batched)) << "batch " << batch;
  }
}

TEST(RunUncertainty, LargeIndicesAreBitForBitWhateverTheThreadCountBatchAndEvaluator) {
  const Synthetic index(3000);
  const Plan plan = index.PlanFor(ReferenceSpec());
  // 375 chunks of 8 countries: the fast path's last 7 are summed one at a time, from
  // every quarter of a noise word.
  test::ExpectSameKeys(plan, 20);
  AnalysisOptions options;
  options.runs = 300;
  options.seed = 6;
  options.threads = 1;
  auto one = RunUncertainty(plan, options);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->rank_bin_width, 4);  // 3,000 ranks in 750 bins
  for (int threads : {2, 3}) {
    options.threads = threads;
    auto more = RunUncertainty(plan, options);
    ASSERT_TRUE(more);
    EXPECT_TRUE(test::SameResult(*one, *more)) << threads << " threads";
  }
  options.tally_batch = 1;
  options.allow_fast_path = false;
  auto general = RunUncertainty(plan, options);
  ASSERT_TRUE(general);
  EXPECT_FALSE(general->fast_path);
  EXPECT_TRUE(test::SameResult(*one, *general));
}

// Values tallied in windows grown to the keys reached (Histograms) with the
// pillar values of the runs: spreads of several modes (arithmetic or geometric means,
// published or pooled criminality) make windows grow, on every thread differently.
TEST(RunUncertainty, LargeIndicesWithWideSpreadsAreBitForBitWhateverTheThreadCountAndBatch) {
  const Synthetic index(2100);
  UncertaintySpec spec = ReferenceSpec();
  spec.aggregation = {Aggregation::kArithmetic, Aggregation::kGeometric};
  spec.pillar_formula = {PillarFormula::kPublished, PillarFormula::kPooled};
  const Plan plan = index.PlanFor(spec);
  AnalysisOptions options;
  options.runs = 150;
  options.seed = 11;
  options.threads = 1;
  auto one = RunUncertainty(plan, options);
  ASSERT_TRUE(one);
  for (int threads : {2, 3}) {
    options.threads = threads;
    for (int batch : {0, 1, 5}) {
      options.tally_batch = batch;
      auto more = RunUncertainty(plan, options);
      ASSERT_TRUE(more);
      EXPECT_TRUE(test::SameResult(*one, *more)) << threads << " threads, batch " << batch;
    }
  }
}

// Binned rank summaries: the mean exact, the quantiles within half a bin of the exact
// ones from every run's ranks. Value summaries (windows grown to the keys reached) as
// the exact ones from every run's values.
TEST(RunUncertainty, BinnedRankSummariesAgreeWithPerRunRanks) {
  const Synthetic index(3000);
  const Plan plan = index.PlanFor(ReferenceSpec());
  AnalysisOptions options;
  options.runs = 200;
  options.seed = 8;
  auto result = RunUncertainty(plan, options);
  ASSERT_TRUE(result);
  const int width = result->rank_bin_width;
  ASSERT_EQ(width, 4);

  const size_t n = static_cast<size_t>(plan.countries);
  std::vector<std::vector<int>> ranks(2 * n);
  std::vector<std::vector<int>> values(2 * n);  // keys: values in units of 1 / key_scale
  test::ForEachRun(plan, options, [&](const RunParameters&, const std::vector<std::int32_t>& keys) {
    for (size_t k = 0; k < 2 * n; ++k) values[k].push_back(keys[k]);
    for (size_t p = 0; p < 2; ++p) {
      const std::vector<int> r = core::RanksHighFirst(
          std::vector<double>(keys.begin() + static_cast<long>(p * n), keys.begin() + static_cast<long>((p + 1) * n)));
      for (size_t c = 0; c < n; ++c) ranks[p * n + c].push_back(r[c]);
    }
  });
  double widest = 0;
  for (size_t c = 0; c < n; ++c) {
    for (size_t p = 0; p < 2; ++p) {
      const core::RankSummary exact = core::SummariseRanks(ranks[p * n + c]);
      const Summary& got = result->countries[c].pillars[p].rank;
      ASSERT_NEAR(got.mean, exact.mean, 1e-9) << c;
      // A rank stands for its bin's middle: at most (width - 1) / 2 away, and so is
      // any interpolation between two of them.
      const double tolerance = (width - 1) / 2.0;
      ASSERT_NEAR(got.median, exact.median, tolerance) << c;
      ASSERT_NEAR(got.q05, exact.q05, tolerance) << c;
      ASSERT_NEAR(got.q95, exact.q95, tolerance) << c;
      widest = std::max(widest, exact.q95 - exact.q05);
      const core::RankSummary value = core::SummariseRanks(values[p * n + c]);
      const Summary& got_value = result->countries[c].pillars[p].value;
      ASSERT_NEAR(got_value.mean, value.mean / plan.key_scale, 1e-12) << c;
      ASSERT_NEAR(got_value.median, value.median / plan.key_scale, 1e-12) << c;
      ASSERT_NEAR(got_value.q05, value.q05 / plan.key_scale, 1e-12) << c;
      ASSERT_NEAR(got_value.q95, value.q95 / plan.key_scale, 1e-12) << c;
    }
  }
  EXPECT_GT(widest, 10 * width);  // intervals many bins wide: the check has teeth
}

}  // namespace
}  // namespace ocindex
