// The expert-level bootstrap input of the uncertainty engine: validation against the
// edition, the resampled scores (achievable values, extremes, their mean against the
// exact expectation worked out by enumerating every resample), reproducibility across
// thread counts, and its weight in a sensitivity analysis.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/reliability/synthetic_experts.h"
#include "core/uncertainty/fast_evaluator.h"
#include "core/uncertainty/panel_tiles.h"
#include "core/uncertainty/sensitivity_analysis.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "support/bundled_editions.h"
#include "support/tiny_framework.h"
#include "support/uncertainty_paths.h"

namespace ocindex {
namespace {

using namespace core::uncertainty;  // NOLINT: the module under test
using core::ExpertScore;
using test_support::R;

// FlatFramework: the pillar is the one indicator "x", so a country's value is its score.
// AGR: published 5, three experts who agree on 5.   WID: published 6, experts 2 and 10.
// MID: published 5, experts 3, 4.5 and 8.            SOL: published 4, one expert (9).
struct Flat {
  core::Framework framework = test_support::FlatFramework("2023");
  core::Dataset dataset = core::Dataset::ShapedFor(framework);
  std::vector<ExpertScore> experts;

  Flat() {
    const std::pair<const char*, const char*> published[] = {{"AGR", "5"}, {"WID", "6"}, {"MID", "5"}, {"SOL", "4"}};
    for (auto [iso3, score] : published) dataset.score(dataset.AddCountry({iso3, iso3, "X", "Y"}), 0) = R(score);
    Add("AGR", {5, 5, 5});
    Add("WID", {2, 10});
    Add("MID", {3, 4.5, 8});
    Add("SOL", {9});
  }
  void Add(const std::string& iso3, std::initializer_list<double> scores) {
    int e = 0;
    for (double score : scores) experts.push_back({"2023", iso3, "x", "E" + std::to_string(++e), score, ""});
  }
  int Country(const std::string& iso3) const { return *dataset.FindCountry(iso3); }
};

UncertaintySpec Bootstrap(std::vector<std::string> indicators = {}) {
  UncertaintySpec spec;
  spec.expert_bootstrap = ExpertBootstrap{std::move(indicators)};
  return spec;
}

std::string ErrorOf(const UncertaintySpec& spec, const core::Framework& framework, const core::Dataset& dataset,
                    const std::vector<ExpertScore>& experts) {
  auto inputs = ValidateSpec(spec, framework, dataset, experts);
  return inputs ? "" : inputs.error().message;
}

TEST(ExpertBootstrapSpec, ErrorsNameTheFieldAndWhatIsWrong) {
  const core::Framework framework = test_support::MiniGoci("2023");
  core::Dataset dataset = core::Dataset::ShapedFor(framework);
  dataset.AddCountry({"KAZ", "Kazakhstan", "Asia", "Central Asia"});
  const auto score = [](std::string indicator, std::string expert, double value) {
    return ExpertScore{"2023", "KAZ", std::move(indicator), std::move(expert), value, ""};
  };
  const std::vector<ExpertScore> good = {score("heroin_trade", "E1", 6), score("heroin_trade", "E2", 7.5)};
  const auto error = [&](const UncertaintySpec& spec, std::vector<ExpertScore> experts) {
    return ErrorOf(spec, framework, dataset, experts);
  };
  EXPECT_EQ(error(Bootstrap(), good), "");
  EXPECT_EQ(error(Bootstrap({"heroin_trade"}), good), "");

  EXPECT_EQ(error(Bootstrap(), {}), "expert_bootstrap: no expert-level scores were given to resample");
  EXPECT_EQ(error(ReferenceSpec(), good), "expert_bootstrap: expert scores were given, but the spec does not resample them");

  std::vector<ExpertScore> other = good;
  other[1].edition = "2021";
  EXPECT_EQ(error(Bootstrap(), other),
            "expert_bootstrap: a score of expert E2 on heroin_trade for KAZ is for edition 2021, but the analysis is "
            "of edition 2023");
  EXPECT_EQ(error(Bootstrap(), {score("no_such", "E1", 6)}),
            "expert_bootstrap: expert E1 on no_such for KAZ: unknown indicator \"no_such\" in framework test-2023");
  std::vector<ExpertScore> abroad = good;
  abroad[0].iso3 = "UZB";
  EXPECT_EQ(error(Bootstrap(), abroad),
            "expert_bootstrap: expert E1 on heroin_trade for UZB: edition 2023 does not assess country \"UZB\"");
  for (double off : {10.5, 6.3, 0.0}) {
    EXPECT_NE(error(Bootstrap(), {score("heroin_trade", "E1", off), score("heroin_trade", "E2", 6)})
                  .find("is off the scale: expected 1 to 10 in steps of 0.5"),
              std::string::npos)
        << off;
  }
  EXPECT_EQ(error(Bootstrap(), {score("heroin_trade", "E1", 6), score("heroin_trade", "E1", 7)}),
            "expert_bootstrap: expert E1 on heroin_trade for KAZ scored the cell twice: expected one score per expert "
            "and cell");

  // Inputs that change nothing: one expert per cell, or experts who all agree.
  const std::vector<ExpertScore> single = {score("heroin_trade", "E1", 6), score("extortion", "E1", 4),
                                           score("extortion", "E2", 5)};
  EXPECT_EQ(error(Bootstrap({"heroin_trade"}), single),
            "expert_bootstrap.indicators: no cell of \"heroin_trade\" has two experts who disagree: resampling them "
            "would change nothing");
  EXPECT_EQ(error(Bootstrap(), single), "");  // extortion's panel disagrees; heroin_trade keeps its score
  EXPECT_EQ(error(Bootstrap(), {score("heroin_trade", "E1", 6), score("heroin_trade", "E2", 6)}),
            "expert_bootstrap: no cell has two experts who disagree: resampling them would change nothing");
  EXPECT_EQ(error(Bootstrap({"no_such"}), good),
            "expert_bootstrap.indicators: unknown indicator \"no_such\" in framework test-2023");
  EXPECT_EQ(error(Bootstrap({"heroin_trade", "heroin_trade"}), good),
            "expert_bootstrap.indicators: indicator \"heroin_trade\" listed twice");

  // One model of a score's uncertainty per indicator.
  UncertaintySpec both = ReferenceSpec();
  both.expert_bootstrap.emplace();
  EXPECT_NE(error(both, good).find("expert_bootstrap: indicator \"heroin_trade\" also has score_noise[0]"),
            std::string::npos)
      << error(both, good);
  both.score_noise[0].indicators = {"extortion", "judicial_system"};
  auto inputs = ValidateSpec(both, framework, dataset, good);
  ASSERT_TRUE(inputs) << inputs.error().ToString();
  EXPECT_EQ(*inputs, (std::vector<InputKind>{InputKind::kScores, InputKind::kExperts, InputKind::kWeightsIndicator}));
}

TEST(ExpertBootstrapPlan, PanelsHoldCellsWithTwoOrMoreExpertsInAscendingSteps) {
  Flat flat;
  std::reverse(flat.experts.begin(), flat.experts.end());  // row order does not matter
  auto plan = BuildPlan(flat.framework, flat.dataset, Bootstrap(), flat.experts);
  ASSERT_TRUE(plan) << plan.error().ToString();
  const ExpertPanels& panels = plan->expert_panels;
  EXPECT_EQ(panels.indicators, std::vector<int>{0});
  EXPECT_EQ(panels.cells, (std::vector<std::int32_t>{flat.Country("AGR"), flat.Country("WID"), flat.Country("MID")}));
  EXPECT_EQ(panels.offsets, (std::vector<std::int32_t>{0, 3, 5, 8}));
  EXPECT_EQ(panels.steps, (std::vector<std::int32_t>{10, 10, 10, 4, 20, 6, 9, 16}));
  EXPECT_TRUE(PanelTilesApply(*plan));  // panels of up to 8: the vectorised path can resample

  std::erase_if(flat.experts, [](const ExpertScore& score) { return score.iso3 == "SOL"; });
  flat.Add("SOL", {1, 2, 3, 4, 5, 6, 7, 8, 9});  // nine experts: the general path only
  auto nine = BuildPlan(flat.framework, flat.dataset, Bootstrap(), flat.experts);
  ASSERT_TRUE(nine) << nine.error().ToString();
  EXPECT_FALSE(PanelTilesApply(*nine));
  EXPECT_FALSE(Evaluator(*nine, true).fast());
}

// The vectorised resample rounds with a reciprocal: exactly the integer mean, for every
// sum a panel the tiles take can reach.
TEST(ExpertBootstrapPlan, TheTilesReciprocalRoundsAsTheIntegerMean) {
  for (std::int32_t size = 1; size <= 8; ++size) {
    for (std::int32_t sum = 0; sum <= 255 * size; ++sum) {
      ASSERT_EQ((2 * sum + size) * TileReciprocal(size) >> 16, RoundedMean(sum, size)) << sum << " / " << size;
    }
  }
}

// Each run's value of every country (= its score), over `runs` runs.
std::vector<std::vector<std::int32_t>> Keys(const Plan& plan, int runs) {
  Scratch scratch(plan);
  std::vector<std::int32_t> keys(static_cast<size_t>(plan.countries));
  std::vector<std::uint64_t> words(plan.inputs.size());
  RunParameters params = NominalParameters(plan);
  std::vector<std::vector<std::int32_t>> out(keys.size());
  InputSampler sampler(Sampling::kPseudoRandom, 11, plan.inputs.size());
  for (int run = 0; run < runs; ++run) {
    sampler.Point(static_cast<std::uint64_t>(run), words.data());
    DrawParameters(plan, words.data(), params);
    EvaluateGeneral(plan, params, scratch, keys.data());
    for (size_t c = 0; c < keys.size(); ++c) out[c].push_back(keys[c]);
  }
  return out;
}

TEST(ExpertBootstrapRuns, ResampledScoresAreWhatThePanelCanGive) {
  Flat flat;
  auto plan = BuildPlan(flat.framework, flat.dataset, Bootstrap(), flat.experts);
  ASSERT_TRUE(plan) << plan.error().ToString();
  const auto keys = Keys(*plan, 2000);
  const auto values = [&](const std::string& iso3) {
    const auto& k = keys[static_cast<size_t>(flat.Country(iso3))];
    return std::set<std::int32_t>(k.begin(), k.end());
  };
  EXPECT_EQ(values("AGR"), std::set<std::int32_t>{500});  // experts who agree never move
  EXPECT_EQ(values("SOL"), std::set<std::int32_t>{400});  // one expert: the published score stays
  // Two of {2, 10}: 2 (1/4), 6 (1/2) or 10 (1/4); both extremes occur.
  EXPECT_EQ(values("WID"), (std::set<std::int32_t>{200, 600, 1000}));
  // Three of {3, 4.5, 8}: means of three draws rounded half up to 0.5 (no draw gives 6).
  EXPECT_EQ(values("MID"), (std::set<std::int32_t>{300, 350, 400, 450, 500, 550, 650, 700, 800}));
  const RunParameters nominal = NominalParameters(*plan);
  EXPECT_FALSE(nominal.expert_bootstrap);
}

// The mean of k draws with replacement from `scores`, rounded half up to 0.5, over all
// k^k equally likely resamples: its expectation and variance.
std::pair<double, double> ExactMoments(const std::vector<double>& scores) {
  const size_t k = scores.size();
  size_t total = 1;
  for (size_t d = 0; d < k; ++d) total *= k;
  double sum = 0;
  double squares = 0;
  for (size_t resample = 0; resample < total; ++resample) {
    double mean = 0;
    for (size_t d = 0, code = resample; d < k; ++d, code /= k) mean += scores[code % k];
    mean /= static_cast<double>(k);
    const double rounded = std::floor(mean * 2 + 0.5) / 2;
    sum += rounded;
    squares += rounded * rounded;
  }
  const double expectation = sum / static_cast<double>(total);
  return {expectation, squares / static_cast<double>(total) - expectation * expectation};
}

TEST(ExpertBootstrapRuns, MeanOverRunsIsThePanelsExpectedScore) {
  Flat flat;
  auto plan = BuildPlan(flat.framework, flat.dataset, Bootstrap(), flat.experts);
  ASSERT_TRUE(plan) << plan.error().ToString();
  AnalysisOptions options;
  options.runs = 40000;
  options.seed = 3;
  auto result = RunUncertainty(*plan, options);
  ASSERT_TRUE(result) << result.error().ToString();
  for (const auto& [iso3, scores] : {std::pair<std::string, std::vector<double>>{"MID", {3, 4.5, 8}},
                                     std::pair<std::string, std::vector<double>>{"WID", {2, 10}}}) {
    const auto [expectation, variance] = ExactMoments(scores);
    // The rounding moves the expectation off the panel's mean (5.1667 for MID) by less than a quarter step.
    double panel_mean = 0;
    for (double s : scores) panel_mean += s / static_cast<double>(scores.size());
    EXPECT_LT(std::abs(expectation - panel_mean), 0.25) << iso3;
    // Five standard errors of the mean of 40,000 independent runs: a false alarm about once in 1.7 million.
    const double bound = 5 * std::sqrt(variance / static_cast<double>(options.runs));
    const Summary& value = result->countries[static_cast<size_t>(flat.Country(iso3))].pillars[0].value;
    EXPECT_NEAR(value.mean, expectation, bound) << iso3 << " variance " << variance;
  }
  const Summary& wide = result->countries[static_cast<size_t>(flat.Country("WID"))].pillars[0].value;
  EXPECT_DOUBLE_EQ(wide.q05, 2);  // P(2) = 1/4: value windows reach the panel's extremes
  EXPECT_DOUBLE_EQ(wide.q95, 10);
}

// Bundled 2025 with a synthetic panel of four experts per cell around the published scores.
struct Goci2025 {
  const adapters::EditionToStore& edition = test::BundledEdition("2025");
  std::vector<ExpertScore> experts;
  explicit Goci2025(core::SyntheticPanel panel) {
    auto generated = core::GenerateExpertScores(edition.framework, edition.dataset, panel);
    EXPECT_TRUE(generated) << generated.error().ToString();
    if (generated) experts = std::move(*generated);
  }
  Plan PlanFor(const UncertaintySpec& spec) const {
    auto plan = BuildPlan(edition.framework, edition.dataset, spec, experts);
    EXPECT_TRUE(plan) << plan.error().ToString();
    return plan ? std::move(*plan) : Plan{};
  }
};

TEST(ExpertBootstrapRuns, BitForBitWhateverTheThreadCountAndEvaluator) {
  core::SyntheticPanel panel;
  panel.missing = 0.2;
  const Goci2025 goci(panel);
  UncertaintySpec spec = Bootstrap();
  spec.weight_noise.push_back(WeightNoise{});
  const Plan plan = goci.PlanFor(spec);
  EXPECT_EQ(plan.inputs, (std::vector<InputKind>{InputKind::kExperts, InputKind::kWeightsIndicator}));
  AnalysisOptions options;
  options.runs = 5000;  // three tasks, the last one partial
  options.seed = 7;
  options.threads = 1;
  auto one = RunUncertainty(plan, options);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->fast_path, FastPathApplies(plan));
  for (int threads : {2, 3}) {
    options.threads = threads;
    auto more = RunUncertainty(plan, options);
    ASSERT_TRUE(more);
    EXPECT_EQ(more->threads, threads);
    EXPECT_TRUE(test::SameResult(*one, *more)) << threads << " threads";
  }
  options.allow_fast_path = false;
  auto general = RunUncertainty(plan, options);
  ASSERT_TRUE(general);
  EXPECT_FALSE(general->fast_path);
  EXPECT_TRUE(test::SameResult(*one, *general)) << "general path";
  options.seed = 8;
  auto other = RunUncertainty(plan, options);
  ASSERT_TRUE(other);
  bool moved = false;
  for (size_t c = 0; c < one->countries.size(); ++c) {
    moved = moved || one->countries[c].pillars[0].value.mean != other->countries[c].pillars[0].value.mean;
  }
  EXPECT_TRUE(moved);  // another seed, other figures
}

TEST(ExpertBootstrapRuns, FastPathAgreesWithTheGeneralPathOnTheSameDraws) {
  core::SyntheticPanel panel;
  panel.missing = 0.2;  // panels of 2 to 4 in one tile
  const Goci2025 four(panel);
  if (!FastPathApplies(four.PlanFor(Bootstrap()))) GTEST_SKIP() << "no AVX2 on this CPU";
  UncertaintySpec spec = Bootstrap();
  spec.weight_noise.push_back(WeightNoise{});
  test::ExpectSameKeys(four.PlanFor(spec), 200);

  panel.experts = 8;  // panels of 5 to 8: both packed words
  panel.missing = 0.3;
  panel.noise_sd = 2.5;
  const Goci2025 eight(panel);
  test::ExpectSameKeys(eight.PlanFor(Bootstrap()), 200);

  // Some indicators bootstrapped, the others noisy, pooled criminality.
  UncertaintySpec mixed = Bootstrap({"cocaine_trade", "mafia_style_groups", "judicial_system"});
  std::vector<std::string> others;
  for (const core::Indicator& indicator : four.edition.framework.indicators) {
    if (indicator.id != "cocaine_trade" && indicator.id != "mafia_style_groups" && indicator.id != "judicial_system") {
      others.push_back(indicator.id);
    }
  }
  mixed.score_noise.push_back(ScoreNoise{others, 0.25, 0.5});
  mixed.pillar_formula = {PillarFormula::kPooled};
  test::ExpectSameKeys(four.PlanFor(mixed), 200);
}

// Total Sobol indices of the expert bootstrap and of indicator weight noise on
// criminality ranks, for a panel of the given disagreement and weights of the given spread.
std::pair<double, double> TotalIndices(double noise_sd, double bias_sd, double amplitude) {
  core::SyntheticPanel panel;
  panel.noise_sd = noise_sd;
  panel.bias_sd = bias_sd;
  const Goci2025 goci(panel);
  UncertaintySpec spec = Bootstrap();
  spec.weight_noise.push_back(WeightNoise{WeightLevel::kIndicator, amplitude});
  const Plan plan = goci.PlanFor(spec);
  SensitivityOptions options;
  options.samples = 150;
  options.bootstrap = 0;
  auto result = RunSensitivity(plan, options);
  EXPECT_TRUE(result) << result.error().ToString();
  if (!result || result->outputs[0].indices.size() != 2) {
    ADD_FAILURE() << "no indices";
    return {0, 0};
  }
  EXPECT_EQ(result->inputs[0], InputKind::kExperts);
  return {result->outputs[0].indices[0].total, result->outputs[0].indices[1].total};
}

TEST(ExpertBootstrapSensitivity, ExpertDisagreementDrivesTheRanksWhenLarge) {
  const auto [experts_wide, weights_narrow] = TotalIndices(2.5, 1.0, 0.05);
  EXPECT_GT(experts_wide, 0.8);
  EXPECT_LT(weights_narrow, 0.2);
  // And the other way round: experts who nearly agree, weights that swing.
  const auto [experts_close, weights_wide] = TotalIndices(0.25, 0.0, 0.5);
  EXPECT_LT(experts_close, weights_wide);
}

}  // namespace
}  // namespace ocindex
