// Uncertainty runs allocate nothing once their buffers exist: parameters, evaluation
// (fast and general paths, the expert bootstrap) and ranking, thousands of times per second.
#include <gtest/gtest.h>

#include "adapters/catalog/catalog.h"
#include "core/reliability/synthetic_experts.h"
#include "core/uncertainty/ranker.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "support/counting_new.h"

namespace ocindex::core::uncertainty {
namespace {

TEST(UncertaintyRuns, AllocateNothingPerRun) {
  auto geography = adapters::BundledGeography();
  ASSERT_TRUE(geography);
  auto editions = adapters::BundledEditions(*geography);
  ASSERT_TRUE(editions);
  const core::Framework& framework = editions->back().framework;
  const core::Dataset& dataset = editions->back().dataset;
  auto experts = core::GenerateExpertScores(framework, dataset, core::SyntheticPanel{});
  ASSERT_TRUE(experts);
  enum Case { kFast, kGeneral, kExperts };
  for (Case which : {kFast, kGeneral, kExperts}) {
    UncertaintySpec spec = ReferenceSpec();
    if (which == kGeneral) {  // a spec only the general path takes
      spec.aggregation = {Aggregation::kArithmetic, Aggregation::kGeometric};
      spec.exclusion_candidates = {"cocaine_trade"};
    }
    if (which == kExperts) {  // the expert bootstrap in place of the score noise
      spec.score_noise.clear();
      spec.expert_bootstrap.emplace();
    }
    auto plan = BuildPlan(framework, dataset, spec, which == kExperts ? *experts : std::vector<core::ExpertScore>{});
    ASSERT_TRUE(plan) << plan.error().ToString();
    Evaluator evaluator(*plan, true);
    EXPECT_EQ(evaluator.fast(), which != kGeneral);
    Ranker ranker(plan->max_key);
    std::vector<std::uint64_t> words(plan->inputs.size());
    RunParameters params = NominalParameters(*plan);
    std::vector<std::int32_t> keys(plan->pillars.size() * static_cast<size_t>(plan->countries));
    std::vector<std::int32_t> ranks(keys.size());
    InputSampler sampler(which == kFast ? Sampling::kPseudoRandom : Sampling::kSobol, 1, plan->inputs.size());
    const long before = test::allocations.load();
    for (std::uint64_t run = 0; run < 200; ++run) {
      sampler.Point(run, words.data());
      DrawParameters(*plan, words.data(), params);
      evaluator.Evaluate(params, keys.data());
      ranker.Rank(keys.data(), plan->countries, ranks.data());
    }
    EXPECT_EQ(test::allocations.load() - before, 0) << "case " << which;
    EXPECT_EQ(params.expert_bootstrap, which == kExperts);
  }
}

}  // namespace
}  // namespace ocindex::core::uncertainty
