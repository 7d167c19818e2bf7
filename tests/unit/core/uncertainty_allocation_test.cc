// Uncertainty runs allocate nothing once their buffers exist: parameters, evaluation
// (fast and general paths) and ranking, thousands of times per second.
#include <gtest/gtest.h>

#include "adapters/catalog/catalog.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "support/counting_new.h"

namespace ocindex::core::uncertainty {
namespace {

TEST(UncertaintyRuns, AllocateNothingPerRun) {
  auto geography = adapters::BundledGeography();
  ASSERT_TRUE(geography);
  auto editions = adapters::BundledEditions(*geography);
  ASSERT_TRUE(editions);
  UncertaintySpec spec = ReferenceSpec();
  for (bool general : {false, true}) {
    if (general) {  // a spec only the general path takes
      spec.aggregation = {Aggregation::kArithmetic, Aggregation::kGeometric};
      spec.exclusion_candidates = {"cocaine_trade"};
    }
    auto plan = BuildPlan(editions->back().framework, editions->back().dataset, spec);
    ASSERT_TRUE(plan) << plan.error().ToString();
    Evaluator evaluator(*plan, true);
    EXPECT_EQ(evaluator.fast(), !general);
    Ranker ranker(plan->max_key);
    std::vector<std::uint64_t> words(plan->inputs.size());
    RunParameters params = NominalParameters(*plan);
    std::vector<std::int32_t> keys(plan->pillars.size() * static_cast<size_t>(plan->countries));
    std::vector<std::int32_t> ranks(keys.size());
    InputSampler sampler(general ? Sampling::kSobol : Sampling::kPseudoRandom, 1, plan->inputs.size());
    const long before = test::allocations.load();
    for (std::uint64_t run = 0; run < 200; ++run) {
      sampler.Point(run, words.data());
      DrawParameters(*plan, words.data(), params);
      evaluator.Evaluate(params, keys.data());
      ranker.Rank(keys.data(), plan->countries, ranks.data());
    }
    EXPECT_EQ(test::allocations.load() - before, 0) << (general ? "general path" : "fast path");
  }
}

}  // namespace
}  // namespace ocindex::core::uncertainty
