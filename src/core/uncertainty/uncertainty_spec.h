// What an uncertainty analysis varies, declared up front and validated against the
// edition before any run: an input that would change nothing (zero noise, an unknown
// indicator, a single alternative) is an error, never a silent skip.
//
// Each entry below is one *input* of the analysis (a Sobol input for sensitivity):
// score noise and weight noise are groups of many random numbers drawn together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/reliability/expert_scores.h"

namespace ocindex::core::uncertainty {

// Each score of `indicators` (empty = every indicator) moves one scale step down with
// probability p_down, up with p_up, else stays; the result is clamped to the scale.
// Probabilities must be multiples of 1/65536 (exact binary fractions: 0.25, 0.125...).
struct ScoreNoise {
  std::vector<std::string> indicators;
  double p_down = 0.25;
  double p_up = 0.25;
};

// Expert-level bootstrap (Efron and Tibshirani 1993): each run replaces every cell
// (country x indicator) of `indicators` (empty = every indicator with expert data)
// that two or more experts scored by the mean of as many experts drawn from its panel
// with replacement, rounded half up to the scale step; other cells keep the published
// score. An indicator is either bootstrapped or noisy, never both: both model the
// uncertainty of the same score, and stacking them would count it twice.
struct ExpertBootstrap {
  std::vector<std::string> indicators;
};

enum class WeightLevel { kIndicator, kComponent };
const char* WeightLevelName(WeightLevel level);

// Every weight of the level is multiplied by 1 + U(-amplitude, amplitude), 0 < amplitude < 1:
// indicator weights within their components and pillars, or component weights within
// their pillar (criminality: markets against actors).
struct WeightNoise {
  WeightLevel level = WeightLevel::kIndicator;
  double amplitude = 0.25;
};

enum class Aggregation { kArithmetic, kGeometric };
const char* AggregationName(Aggregation aggregation);

// How a pillar that averages components (criminality) is formed: published = weighted
// mean of its components (markets and actors weigh equally); pooled = weighted mean
// of every indicator beneath it, as if it had no components.
enum class PillarFormula { kPublished, kPooled };
const char* PillarFormulaName(PillarFormula formula);

struct UncertaintySpec {
  std::vector<ScoreNoise> score_noise;   // at most one entry per indicator
  std::vector<WeightNoise> weight_noise;  // at most one entry per level
  // Each run picks one alternative with equal probability; fewer than two = fixed to the first.
  std::vector<Aggregation> aggregation = {Aggregation::kArithmetic};
  std::vector<PillarFormula> pillar_formula = {PillarFormula::kPublished};
  // The quadrant threshold is the framework's ± threshold_spread (uniform); 0 = fixed.
  double threshold_spread = 0;
  // Each run leaves out none or one of these indicators, with equal probability.
  std::vector<std::string> exclusion_candidates;
  // Resamples the expert-level scores given to ValidateSpec / BuildPlan.
  std::optional<ExpertBootstrap> expert_bootstrap;
};

// The reference experiment of the project's issue: every score ±0.5 with probability
// 1/4 each, every indicator weight × (1 + U(-0.25, 0.25)).
UncertaintySpec ReferenceSpec();

// The inputs a valid spec varies, in the order runs draw them.
enum class InputKind { kScores, kExperts, kWeightsIndicator, kWeightsComponent, kAggregation, kPillarFormula,
                       kThreshold, kExclusion };
const char* InputKindName(InputKind kind);

// Checks the spec against the edition: known, distinct indicators; noise that moves
// something; alternatives that differ; an exclusion never empties a component; expert
// scores of this edition, on the scale, for its countries and indicators, which the
// bootstrap can move (expert scores without expert_bootstrap are an error too).
// Errors name the field ("score_noise[1].p_up: ...").
Result<std::vector<InputKind>> ValidateSpec(const UncertaintySpec& spec, const Framework& framework,
                                            const Dataset& dataset, const std::vector<ExpertScore>& experts = {});

}  // namespace ocindex::core::uncertainty
