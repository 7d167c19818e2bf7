// Checks that the uncertainty engine's evaluators and thread counts agree: the same
// keys from the vectorised and the general evaluator on the same draws, and the same
// figures, bit for bit, from two analyses.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "core/uncertainty/fast_evaluator.h"
#include "core/uncertainty/uncertainty_analysis.h"

namespace ocindex::test {

// `runs` runs of the plan's spec, and the nominal run before them and after every
// seventh (which undoes what a run changed in the vectorised evaluator's state).
// Fails if no run moves a key: a spec that changes nothing tests nothing.
inline void ExpectSameKeys(const core::uncertainty::Plan& plan, int runs) {
  namespace un = core::uncertainty;
  ASSERT_TRUE(un::FastPathApplies(plan));
  un::FastEvaluator fast(plan);
  un::Scratch scratch(plan);
  const size_t size = plan.pillars.size() * static_cast<size_t>(plan.countries);
  std::vector<std::int32_t> a(size), b(size), nominal_keys(size);
  std::vector<std::uint64_t> words(plan.inputs.size());
  const un::RunParameters nominal = un::NominalParameters(plan);
  un::RunParameters params = nominal;
  fast.Evaluate(nominal, a.data());
  un::EvaluateGeneral(plan, nominal, scratch, nominal_keys.data());
  ASSERT_EQ(a, nominal_keys) << "nominal run";
  un::InputSampler sampler(un::Sampling::kPseudoRandom, 42, plan.inputs.size());
  bool moved = false;
  for (int run = 0; run < runs; ++run) {
    sampler.Point(static_cast<std::uint64_t>(run), words.data());
    un::DrawParameters(plan, words.data(), params);
    fast.Evaluate(params, a.data());
    un::EvaluateGeneral(plan, params, scratch, b.data());
    ASSERT_EQ(a, b) << "run " << run;
    moved = moved || a != nominal_keys;
    if (run % 7 == 0) {
      fast.Evaluate(nominal, a.data());
      ASSERT_EQ(a, nominal_keys) << "nominal run after run " << run;
    }
  }
  EXPECT_TRUE(moved) << "no run moved a key";
}

// Every run of an analysis with `options`, one by one on the general evaluator:
// f(params, keys) with the run's parameters and keys (pillar after pillar), the
// independent recomputation summaries are checked against.
template <typename F>
void ForEachRun(const core::uncertainty::Plan& plan, const core::uncertainty::AnalysisOptions& options, F&& f) {
  namespace un = core::uncertainty;
  un::Scratch scratch(plan);
  std::vector<std::int32_t> keys(plan.pillars.size() * static_cast<size_t>(plan.countries));
  un::ForEachRunParameters(plan, options, [&](std::int64_t, const un::RunParameters& params) {
    un::EvaluateGeneral(plan, params, scratch, keys.data());
    f(params, static_cast<const std::vector<std::int32_t>&>(keys));
  });
}

// Every summary and probability of two results, bit for bit.
inline bool SameResult(const core::uncertainty::UncertaintyResult& a, const core::uncertainty::UncertaintyResult& b) {
  if (a.countries.size() != b.countries.size()) return false;
  for (size_t c = 0; c < a.countries.size(); ++c) {
    const auto& x = a.countries[c];
    const auto& y = b.countries[c];
    if (x.quadrant_probability != y.quadrant_probability) return false;
    for (size_t p = 0; p < x.pillars.size(); ++p) {
      const auto& u = x.pillars[p];
      const auto& v = y.pillars[p];
      for (auto [s, t] : {std::pair{u.rank, v.rank}, std::pair{u.value, v.value}}) {
        if (s.mean != t.mean || s.median != t.median || s.q05 != t.q05 || s.q95 != t.q95) return false;
      }
    }
  }
  return true;
}

}  // namespace ocindex::test
