// The uncertainty engine: spec validation, ranks with ties, clamping, agreement of the
// fast and general evaluators on the same draws, reproducibility across thread counts,
// and summaries that agree with an independent recomputation from per-run ranks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "support/bundled_editions.h"
#include "core/scoring/ranking.h"
#include "core/scoring/scorecard.h"
#include "core/uncertainty/fast_evaluator.h"
#include "core/uncertainty/random_stream.h"
#include "core/uncertainty/rank_statistics.h"
#include "core/uncertainty/ranker.h"
#include "core/uncertainty/sensitivity_analysis.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "support/tiny_framework.h"
#include "support/uncertainty_paths.h"

namespace ocindex {
namespace {

using namespace core::uncertainty;  // NOLINT: the module under test
using test_support::R;

using test::BundledEdition;
using test::ExpectSameKeys;
using test::SameResult;

Plan GociPlan(const UncertaintySpec& spec, const std::string& edition = "2025") {
  const auto& e = BundledEdition(edition);
  auto plan = BuildPlan(e.framework, e.dataset, spec);
  EXPECT_TRUE(plan) << plan.error().ToString();
  return std::move(*plan);
}

std::string ErrorOf(const UncertaintySpec& spec) {
  const auto& e = BundledEdition("2025");
  auto plan = BuildPlan(e.framework, e.dataset, spec);
  return plan ? "" : plan.error().message;
}

TEST(UncertaintySpec, InputsThatChangeNothingAreErrorsNamingTheField) {
  UncertaintySpec spec;
  EXPECT_NE(ErrorOf(spec).find("nothing is uncertain"), std::string::npos);

  spec = ReferenceSpec();
  spec.score_noise[0].p_up = 0;
  spec.score_noise[0].p_down = 0;
  EXPECT_NE(ErrorOf(spec).find("score_noise[0]: p_down and p_up are both 0"), std::string::npos) << ErrorOf(spec);

  spec = ReferenceSpec();
  spec.score_noise[0].indicators = {"human_trafficking", "no_such_market"};
  EXPECT_NE(ErrorOf(spec).find("score_noise[0].indicators: unknown indicator \"no_such_market\""), std::string::npos);

  spec = ReferenceSpec();
  spec.score_noise.push_back(ScoreNoise{{"cocaine_trade"}, 0.25, 0.25});
  EXPECT_NE(ErrorOf(spec).find("score_noise[1].indicators: indicator \"cocaine_trade\" has noise twice"),
            std::string::npos);

  spec = ReferenceSpec();
  spec.score_noise[0].p_up = 0.3;
  EXPECT_NE(ErrorOf(spec).find("score_noise[0].p_up"), std::string::npos);

  spec = ReferenceSpec();
  spec.weight_noise[0].amplitude = 0;
  EXPECT_NE(ErrorOf(spec).find("weight_noise[0].amplitude"), std::string::npos);

  spec = ReferenceSpec();
  spec.aggregation = {Aggregation::kGeometric, Aggregation::kGeometric};
  EXPECT_NE(ErrorOf(spec).find("aggregation: a method is listed twice"), std::string::npos);

  spec = ReferenceSpec();
  spec.threshold_spread = -1;
  EXPECT_NE(ErrorOf(spec).find("threshold_spread"), std::string::npos);

  spec = ReferenceSpec();
  spec.exclusion_candidates = {"cyber_dependent_crimes"};
  EXPECT_EQ(ErrorOf(spec), "");
}

TEST(UncertaintySpec, AnExclusionMayNotEmptyTheNodeThatAveragesIt) {
  core::Framework framework = test_support::MiniGoci();
  core::Dataset dataset = core::Dataset::ShapedFor(framework);
  dataset.AddCountry({"AAA", "A", "X", "Y"});
  UncertaintySpec spec;
  spec.exclusion_candidates = {"mafia_groups", "criminal_networks"};
  EXPECT_TRUE(ValidateSpec(spec, framework, dataset));  // actors keep one of the two

  core::Framework one = test_support::FlatFramework();
  core::Dataset flat = core::Dataset::ShapedFor(one);
  spec.exclusion_candidates = {"x"};
  auto invalid = ValidateSpec(spec, one, flat);
  ASSERT_FALSE(invalid);
  EXPECT_NE(invalid.error().message.find("would leave p with no indicator"), std::string::npos);
}

TEST(Ranker, EqualKeysShareTheSmallerRank) {
  const std::vector<std::int32_t> keys = {500, 700, 700, 300, 700, 100};
  Ranker ranker(1000);
  std::vector<std::int32_t> ranks(keys.size());
  ranker.Rank(keys.data(), 6, ranks.data());
  EXPECT_EQ(ranks, (std::vector<std::int32_t>{4, 1, 1, 5, 1, 6}));

  core::RandomStream stream(7, 0);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<std::int32_t> many(193);
    // Many ties, and keys up to the top of the range.
    const auto spread = static_cast<std::uint64_t>(trial % 2 ? 40 : 1001);
    for (auto& k : many) k = 1000 - static_cast<std::int32_t>(stream.Below(spread));
    std::vector<std::int32_t> got(many.size());
    ranker.Rank(many.data(), 193, got.data());
    const std::vector<int> expected = core::RanksHighFirst(std::vector<double>(many.begin(), many.end()));
    ASSERT_EQ(std::vector<int>(got.begin(), got.end()), expected);
  }
}

// The vectorised prefix sum of the counts and the 64-bit one give the same sums.
TEST(Ranker, BothPrefixSumsAgree) {
  if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "no AVX2 on this CPU";
  core::RandomStream stream(11, 0);
  for (size_t first : {size_t{0}, size_t{16}, size_t{48}}) {
    std::vector<std::uint16_t> counts(1024);
    for (auto& count : counts) count = static_cast<std::uint16_t>(stream.Below(64));  // sums up to 65,535
    std::vector<std::uint16_t> words = counts;
    const size_t end = counts.size() - first;
    PrefixSumCounts(counts.data(), first, end, true);
    PrefixSumCounts(words.data(), first, end, false);
    ASSERT_EQ(counts, words) << first;
    ASSERT_GT(counts[end - 1], 20000);  // the carry crossed many registers
  }
}

// Nominal ranks are the published ones (rounded values, ties shared) on every edition.
TEST(UncertaintyPlan, NominalRanksAreThePublishedRanks) {
  for (const std::string id : {"2021", "2023", "2025"}) {
    const auto& e = BundledEdition(id);
    const Plan plan = GociPlan(ReferenceSpec(), id);
    auto card = core::Scorecard::Compute(e.framework, e.dataset);
    ASSERT_TRUE(card);
    const std::vector<std::int32_t> ranks = NominalRanks(plan);
    const size_t n = static_cast<size_t>(plan.countries);
    for (size_t p = 0; p < plan.pillars.size(); ++p) {
      const int measure = *e.framework.FindNode(plan.pillars[p].id);
      const auto published = core::RankCountries(e.dataset, *card, measure, core::Scope::kWorld);
      for (size_t c = 0; c < n; ++c) {
        ASSERT_EQ(ranks[p * n + c], published[c].position)
            << id << " " << plan.pillars[p].id << " " << plan.country_codes[c] << " "
            << card->rounded(static_cast<int>(c), measure).value_or(-1);
      }
    }
  }
}

TEST(FastEvaluator, AgreesWithTheGeneralPathOnTheSameDraws) {
  if (!FastPathApplies(GociPlan(ReferenceSpec()))) GTEST_SKIP() << "no AVX2 on this CPU";
  ExpectSameKeys(GociPlan(ReferenceSpec()), 300);
  UncertaintySpec skewed;  // uneven probabilities on a subset, pooled criminality
  skewed.score_noise.push_back(ScoreNoise{{"cocaine_trade", "judicial_system", "mafia_style_groups"}, 0.5, 0.25});
  skewed.weight_noise.push_back(WeightNoise{WeightLevel::kComponent, 0.4});
  skewed.pillar_formula = {PillarFormula::kPooled};
  ExpectSameKeys(GociPlan(skewed), 300);
  ExpectSameKeys(GociPlan(ReferenceSpec(), "2021"), 100);
}

TEST(RunUncertainty, SobolSamplingIsBitForBitWhateverTheThreadCountAndDiffersFromRandom) {
  const Plan plan = GociPlan(ReferenceSpec());
  AnalysisOptions options;
  options.runs = 4096;
  options.seed = 7;
  options.sampling = Sampling::kSobol;
  options.threads = 1;
  auto one = RunUncertainty(plan, options);
  options.threads = 2;
  auto two = RunUncertainty(plan, options);
  options.sampling = Sampling::kPseudoRandom;
  auto random = RunUncertainty(plan, options);
  ASSERT_TRUE(one && two && random);
  EXPECT_EQ(one->sampling, Sampling::kSobol);
  EXPECT_TRUE(SameResult(*one, *two));
  EXPECT_FALSE(SameResult(*one, *random));
}

TEST(RunUncertainty, BitForBitWhateverTheThreadCountAndEvaluator) {
  const Plan plan = GociPlan(ReferenceSpec());
  AnalysisOptions options;
  options.runs = 9000;  // several tasks, the last one partial
  options.seed = 2025;
  options.threads = 1;
  auto one = RunUncertainty(plan, options);
  options.threads = 3;
  auto three = RunUncertainty(plan, options);
  options.allow_fast_path = false;
  options.threads = 2;
  auto general = RunUncertainty(plan, options);
  ASSERT_TRUE(one && three && general);
  EXPECT_EQ(three->threads, 3);
  EXPECT_FALSE(general->fast_path);
  EXPECT_TRUE(SameResult(*one, *three));
  EXPECT_TRUE(SameResult(*one, *general));
  options.seed = 2026;
  auto other = RunUncertainty(plan, options);
  ASSERT_TRUE(other);
  EXPECT_FALSE(SameResult(*one, *other));
}

// Summaries from the histograms equal rank statistics computed run by run.
TEST(RunUncertainty, SummariesMatchPerRunRankStatistics) {
  UncertaintySpec spec = ReferenceSpec();
  spec.aggregation = {Aggregation::kArithmetic, Aggregation::kGeometric};
  spec.pillar_formula = {PillarFormula::kPublished, PillarFormula::kPooled};
  spec.threshold_spread = 0.5;
  spec.exclusion_candidates = {"cocaine_trade", "political_leadership"};
  const Plan plan = GociPlan(spec);
  AnalysisOptions options;
  options.runs = 701;
  options.seed = 5;
  auto result = RunUncertainty(plan, options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->inputs.size(), 6u);

  const size_t n = static_cast<size_t>(plan.countries);
  std::vector<std::vector<int>> ranks(2 * n);
  std::vector<std::vector<double>> values(2 * n);
  std::vector<std::array<int, 4>> quadrants(n);
  test::ForEachRun(plan, options, [&](const RunParameters& params, const std::vector<std::int32_t>& keys) {
    for (size_t p = 0; p < 2; ++p) {
      const std::vector<double> pillar(keys.begin() + static_cast<long>(p * n), keys.begin() + static_cast<long>((p + 1) * n));
      const std::vector<int> r = core::RanksHighFirst(pillar);
      for (size_t c = 0; c < n; ++c) {
        ranks[p * n + c].push_back(r[c]);
        values[p * n + c].push_back(pillar[c] / 100);
      }
    }
    const int threshold = static_cast<int>(std::ceil(params.threshold * 100 - 1e-9));
    for (size_t c = 0; c < n; ++c) {
      const bool high_y = keys[static_cast<size_t>(plan.quadrant_y) * n + c] >= threshold;
      const bool high_x = keys[static_cast<size_t>(plan.quadrant_x) * n + c] >= threshold;
      ++quadrants[c][static_cast<size_t>((high_y ? 0 : 2) + (high_x ? 1 : 0))];
    }
  });
  for (size_t c = 0; c < n; ++c) {
    const CountryOutcome& country = result->countries[c];
    for (size_t p = 0; p < 2; ++p) {
      const core::RankSummary expected = core::SummariseRanks(ranks[p * n + c]);
      const Summary& got = country.pillars[p].rank;
      EXPECT_NEAR(got.mean, expected.mean, 1e-9);
      EXPECT_DOUBLE_EQ(got.median, expected.median);
      EXPECT_DOUBLE_EQ(got.q05, expected.q05);
      EXPECT_DOUBLE_EQ(got.q95, expected.q95);
      EXPECT_NEAR(country.pillars[p].value.q95, core::QuantileType7(values[p * n + c], 0.95), 1e-9);
      EXPECT_LE(got.q05, got.median);
      EXPECT_LE(got.median, got.q95);
      EXPECT_GE(got.q05, 1);
      EXPECT_LE(got.q95, static_cast<double>(n));
    }
    double sum = 0;
    for (size_t q = 0; q < 4; ++q) {
      EXPECT_DOUBLE_EQ(country.quadrant_probability[q], quadrants[c][q] / 701.0);
      sum += country.quadrant_probability[q];
    }
    EXPECT_NEAR(sum, 1, 1e-12);
  }
}

// A score at the top of the scale cannot move up, one at the bottom cannot move down.
TEST(RunUncertainty, NoiseIsClampedToTheScale) {
  core::Framework framework = test_support::FlatFramework();
  core::Dataset dataset = core::Dataset::ShapedFor(framework);
  for (auto [iso, score] : {std::pair{"TOP", "10"}, std::pair{"LOW", "1"}, std::pair{"MID", "5"}}) {
    const int c = dataset.AddCountry({iso, iso, "X", "Y"});
    dataset.score(c, 0) = R(score);
  }
  for (auto [down, up, top, low, mid] : {std::tuple{0.0, 1.0, 10.0, 1.5, 5.5}, std::tuple{1.0, 0.0, 9.5, 1.0, 4.5}}) {
    UncertaintySpec spec;
    spec.score_noise.push_back(ScoreNoise{{}, down, up});
    auto plan = BuildPlan(framework, dataset, spec);
    ASSERT_TRUE(plan) << plan.error().ToString();
    AnalysisOptions options;
    options.runs = 50;
    auto result = RunUncertainty(*plan, options);
    ASSERT_TRUE(result);
    const double expected[] = {top, low, mid};
    for (size_t c = 0; c < 3; ++c) {
      EXPECT_DOUBLE_EQ(result->countries[c].pillars[0].value.q05, expected[c]);
      EXPECT_DOUBLE_EQ(result->countries[c].pillars[0].value.q95, expected[c]);
    }
  }
}

TEST(RunUncertainty, RejectsBadRunCounts) {
  AnalysisOptions options;
  options.runs = 0;
  auto result = RunUncertainty(GociPlan(ReferenceSpec()), options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("runs"), std::string::npos);
}

// AB_i rows take input i from B and every other input from A.
TEST(Sensitivity, DesignSwapsOneInputPerMatrix) {
  UncertaintySpec spec = ReferenceSpec();
  spec.pillar_formula = {PillarFormula::kPublished, PillarFormula::kPooled};
  const Plan plan = GociPlan(spec);
  ASSERT_EQ(plan.inputs.size(), 3u);
  for (Sampling sampling : {Sampling::kPseudoRandom, Sampling::kSobol}) {
    SensitivityOptions options;
    options.seed = 3;
    options.samples = 5;
    options.sampling = sampling;
    SaltelliDesign design(plan, options);
    EXPECT_EQ(design.runs(), 25);
    std::vector<std::uint64_t> a(3), b(3), ab(3);
    for (int r = 0; r < options.samples; ++r) {
      design.Words(r, a.data());
      design.Words(options.samples + r, b.data());
      for (size_t i = 0; i < 3; ++i) {
        design.Words(static_cast<std::int64_t>((2 + i) * 5) + r, ab.data());
        for (size_t j = 0; j < 3; ++j) EXPECT_EQ(ab[j], i == j ? b[j] : a[j]) << SamplingName(sampling);
      }
      EXPECT_NE(a, b);
    }
  }
}

TEST(Sensitivity, IndicesPerInputAndAnOutputThatCannotVaryIsExplained) {
  UncertaintySpec spec;
  spec.weight_noise.push_back(WeightNoise{WeightLevel::kComponent, 0.5});
  spec.threshold_spread = 0.5;  // moves quadrants, never ranks
  const Plan plan = GociPlan(spec);
  SensitivityOptions options;
  options.samples = 300;
  options.bootstrap = 50;
  options.country = 0;
  auto result = RunSensitivity(plan, options);
  ASSERT_TRUE(result) << result.error().ToString();
  EXPECT_EQ(result->runs, 300 * 4);
  EXPECT_EQ(result->pillar, "criminality");
  ASSERT_EQ(result->outputs.size(), 2u);
  const SensitivityOutput& shift = result->outputs[0];
  ASSERT_EQ(shift.indices.size(), 2u) << shift.note;
  // Criminality ranks move only through the component weights.
  EXPECT_NEAR(shift.indices[0].total, 1.0, 0.2);
  EXPECT_DOUBLE_EQ(shift.indices[1].total, 0.0);
  EXPECT_DOUBLE_EQ(shift.indices[1].first_order, 0.0);
  ASSERT_EQ(shift.intervals.size(), 2u);
  EXPECT_LE(shift.intervals[0].total_low, shift.intervals[0].total_high);

  spec.weight_noise.clear();
  auto constant = RunSensitivity(GociPlan(spec), options);
  ASSERT_TRUE(constant);
  EXPECT_TRUE(constant->outputs[0].indices.empty());
  EXPECT_FALSE(constant->outputs[0].note.empty());
}

}  // namespace
}  // namespace ocindex
