// The uncertainty analysis: many runs of the model with their inputs drawn from the
// spec, each country's pillar values and ranks tallied into histograms, summarised as
// mean, median and 5-95 % interval, with the probability of each quadrant.
//
// Reproducible bit for bit whatever the thread count: run r takes point r of its
// InputSampler (a function of seed and r only), and the tallies are integer counts whose sum does not
// depend on which thread counted what.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/uncertainty/evaluation_plan.h"
#include "core/uncertainty/input_sampler.h"

namespace ocindex::core::uncertainty {

struct AnalysisOptions {
  std::uint64_t seed = 1;
  std::int64_t runs = 10000;   // 1 .. 2^31 - 1
  Sampling sampling = Sampling::kPseudoRandom;
  int threads = 0;             // 0 = one per hardware thread
  bool allow_fast_path = true;  // false forces the general evaluator (for tests and comparisons)
  int tally_batch = 0;          // runs tallied together; 0 = by the number of countries (for tests)
  // Called on the calling thread now and then with the runs done so far.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

// Evaluates one run after another with whichever evaluator applies. Not thread-safe:
// one per thread.
class Evaluator {
 public:
  Evaluator(const Plan& plan, bool allow_fast_path);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;
  bool fast() const;
  // keys: pillar_count() * countries entries.
  void Evaluate(const RunParameters& params, std::int32_t* keys);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct Summary {
  double mean = 0;
  double median = 0;
  double q05 = 0;
  double q95 = 0;
};

struct PillarOutcome {
  double nominal_value = 0;  // rounded to the framework's decimals, as published
  int nominal_rank = 0;
  Summary value;
  Summary rank;
};

// Quadrants in the order of core::Quadrant: high criminality / low resilience, high/high, low/low, low/high.
struct CountryOutcome {
  std::string iso3;
  std::string name;
  std::vector<PillarOutcome> pillars;  // in plan.pillars order
  int nominal_quadrant = -1;           // -1 when the framework has no quadrant
  std::array<double, 4> quadrant_probability{};
};

struct UncertaintyResult {
  std::vector<std::string> pillars;
  std::vector<InputKind> inputs;
  std::vector<CountryOutcome> countries;
  std::int64_t runs = 0;
  std::uint64_t seed = 0;
  Sampling sampling = Sampling::kPseudoRandom;
  int threads = 0;
  bool fast_path = false;
  // Ranks each rank histogram bin holds: 1 up to 2,048 countries, then the least power
  // of two that keeps a pillar's histograms within 2^22 counts (or 256 bins a country);
  // rank quantiles are then to within half a bin, means exact.
  int rank_bin_width = 1;
};

// Where run r's input words come from: sampler.Point(r, words), plan.inputs.size() words.
InputSampler RunSampler(const Plan& plan, const AnalysisOptions& options);

Result<UncertaintyResult> RunUncertainty(const Plan& plan, const AnalysisOptions& options);

// Every run's parameters in turn, as RunUncertainty draws them: f(run, params).
template <typename F>
void ForEachRunParameters(const Plan& plan, const AnalysisOptions& options, F&& f) {
  std::vector<std::uint64_t> words(plan.inputs.size());
  RunParameters params = NominalParameters(plan);
  InputSampler sampler = RunSampler(plan, options);
  for (std::int64_t run = 0; run < options.runs; ++run) {
    sampler.Point(static_cast<std::uint64_t>(run), words.data());
    DrawParameters(plan, words.data(), params);
    f(run, static_cast<const RunParameters&>(params));
  }
}

// The nominal run's ranks, pillar after pillar (pillar_count() * countries).
std::vector<std::int32_t> NominalRanks(const Plan& plan);

// Quadrant index from a pair of keys (see CountryOutcome), high meaning >= threshold_key.
inline int QuadrantOf(std::int32_t x_key, std::int32_t y_key, int threshold_key) {
  return (y_key >= threshold_key ? 0 : 2) + (x_key >= threshold_key ? 1 : 0);
}

// Per-run parameters as text columns, for inspection (--runs-out).
std::vector<std::string> ParameterColumns(const Plan& plan);
std::vector<std::string> ParameterValues(const Plan& plan, const RunParameters& params);

}  // namespace ocindex::core::uncertainty
