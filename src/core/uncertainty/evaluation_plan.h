// The edition and a validated spec turned into what one model run needs: scores as
// integer scale steps (indicator-major), the blocks of indicators that get averaged,
// the pillars built from them, and how each run's random inputs become parameters.
//
// A run is defined by one 64-bit word per input (see InputKind): the uncertainty
// analysis takes them from one point of an InputSampler (pseudo-random or Sobol); a
// Saltelli design mixes the words of a point's two halves. Everything after that is a pure function of the words, so any two
// evaluators (the general one here and the vectorised fast path) given the same words
// must produce the same ranks, and do (tests/unit/core/uncertainty_engine_test.cc).
//
// A block's weighted sum is float, accumulated per country over its indicators in
// order, written once per path with the same sequence of operations (exact when the
// weights are the nominal ones: sums of small integers). Everything after the sums
// (means, pillars, rounding) is shared and in double, so a value that is exactly on a
// rounding boundary (4.025) rounds up as the published figures do. Values are compared
// after rounding half-up to the framework's decimals, as published ranks are, so
// equal values are exactly equal keys.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/reliability/expert_scores.h"
#include "core/uncertainty/expert_panels.h"
#include "core/uncertainty/uncertainty_spec.h"

namespace ocindex::core::uncertainty {

// A set of indicators averaged together (a node that averages its indicators, or a
// pillar's pooled formula).
struct Block {
  std::vector<int> indicators;  // framework indicator indices, in the framework's display order
};

struct Pillar {
  std::string id;
  int direct_block = -1;        // >= 0: the pillar averages this block's indicators
  std::vector<int> components;  // else: blocks of its components, averaged with component_weights
  std::vector<float> component_weights;
  std::vector<int> component_weight_slots;  // index into RunParameters::component_multipliers
  int pooled_block = -1;        // the pooled formula's block (components only)
};

struct Plan {
  UncertaintySpec spec;
  std::vector<InputKind> inputs;
  int countries = 0;
  int indicators = 0;
  std::vector<std::string> country_codes;  // ISO3
  std::vector<std::string> country_names;
  std::vector<std::string> indicator_ids;
  // steps[i * countries + c]: score of country c on indicator i in scale steps (1..10 by 0.5 -> 2..20).
  std::vector<std::int32_t> steps;
  std::int32_t step_low = 0;   // the scale in steps, the clamp bounds
  std::int32_t step_high = 0;
  double key_factor = 0;       // value in steps * key_factor = value in units of 10^-decimals
  int decimals = 2;
  int max_key = 0;             // largest possible key
  double key_scale = 100;      // 10^decimals: a value in scale units times this is a key
  // The keys pillar p of country c can take, [key_low, key_high] at p * countries + c:
  // every mean (arithmetic or geometric, any weights, any formula or exclusion) lies
  // between the smallest and largest of the country's scores beneath the pillar, each
  // moved one step by the noise or to any score its panel can give, plus one key for
  // rounding.
  std::vector<std::int32_t> key_low;
  std::vector<std::int32_t> key_high;
  std::vector<float> indicator_weights;  // nominal, per indicator
  std::vector<Block> blocks;
  std::vector<Pillar> pillars;
  // The blocks the pillars need, per PillarFormula (published, pooled).
  std::vector<int> active_blocks[2];
  int component_count = 0;
  int quadrant_x = -1;         // pillar indices of the quadrant axes, -1 if none
  int quadrant_y = -1;
  double threshold = 5.5;      // nominal quadrant threshold
  // Score noise: every noisy indicator draws a `noise_bits` field per country from the
  // score stream, indicator after indicator, 64 / noise_bits countries per word.
  int noise_bits = 0;          // 0 = no score noise
  std::vector<int> noisy_indicators;
  std::vector<std::uint32_t> noise_down;  // per noisy indicator: field < down -> one step down
  std::vector<std::uint32_t> noise_up;    // field >= up -> one step up
  std::vector<int> exclusion_candidates;  // indicator indices
  ExpertPanels expert_panels;             // empty without expert_bootstrap

  int pillar_count() const { return static_cast<int>(pillars.size()); }
  int words_per_noisy_indicator() const;
  int input_index(InputKind kind) const;  // -1 if the spec does not vary it
  const std::vector<int>& blocks_for(PillarFormula formula) const {
    return active_blocks[formula == PillarFormula::kPublished ? 0 : 1];
  }
};

// Validates the spec (ValidateSpec) and builds the plan. kUnsupported when the edition
// has a score not assessed or a pillar deeper than pillar > component > indicators.
// `experts`: the expert-level scores an expert_bootstrap resamples (the edition's).
Result<Plan> BuildPlan(const Framework& framework, const Dataset& dataset, const UncertaintySpec& spec,
                       const std::vector<ExpertScore>& experts = {});

// One run's parameters, drawn from its input words.
struct RunParameters {
  bool score_noise = false;  // false for the nominal run
  std::uint64_t score_seed = 0;
  bool expert_bootstrap = false;  // false for the nominal run
  std::uint64_t expert_seed = 0;
  std::vector<float> indicator_multipliers;  // per indicator, 1 when weights are fixed
  std::vector<float> component_multipliers;  // per component weight slot
  Aggregation aggregation = Aggregation::kArithmetic;
  PillarFormula pillar_formula = PillarFormula::kPublished;
  double threshold = 0;
  int excluded = -1;  // indicator index or -1
};

RunParameters NominalParameters(const Plan& plan);
// `words` holds one word per plan.inputs entry. Reuses `out`'s buffers (no allocation
// once sized).
void DrawParameters(const Plan& plan, const std::uint64_t* words, RunParameters& out);
// The noise words of a run, indicator-major: words_per_noisy_indicator() per noisy indicator.
void FillNoiseWords(const Plan& plan, std::uint64_t score_seed, std::uint64_t* words);

// The quadrant threshold as a key: a value is high when its key is >= this.
int ThresholdKey(const Plan& plan, double threshold);

// Per-thread buffers of the general evaluator.
struct Scratch {
  std::vector<std::uint64_t> noise_words;
  std::vector<std::int32_t> steps;
  std::vector<float> weights;
  std::vector<float> block_sums;    // block * countries + c: weighted sums of steps (or of their logarithms)
  std::vector<float> block_totals;  // per block: the sum of its weights
  std::vector<double> pillar_sums;  // per country
  explicit Scratch(const Plan& plan);
};

// Evaluates one run on any spec: keys[p * countries + c] = the pillar value of country c
// in units of 10^-decimals, rounded half up.
void EvaluateGeneral(const Plan& plan, const RunParameters& params, Scratch& scratch, std::int32_t* keys);

// Pillar keys from block sums (block * stride + country) and weight totals: the step
// both paths share.
// `pillar_sums` is scratch for one value per country.
void PillarKeys(const Plan& plan, const RunParameters& params, const float* block_sums, size_t stride,
                const float* block_totals, double* pillar_sums, std::int32_t* keys);

}  // namespace ocindex::core::uncertainty
