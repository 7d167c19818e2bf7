// Synthetic expert-level scores around an edition's published scores, for demos and
// tests of the reliability measures when no real expert-level data is at hand.
//
// Model, per indicator score the edition publishes (country c, indicator i) and expert e:
//   score = round_to_step(published(c, i) + bias(e) + noise(c, i, e)), clamped to the scale
// bias(e) ~ Normal(0, bias_sd), drawn once per expert and then centred so the biases sum
// to zero: the panel as a whole leans neither way, so the experts' mean stays close to
// the published score (except next to the ends of the scale, where clamping pulls it
// inward). noise ~ Normal(0, noise_sd), independent per rating. Each rating is then
// left out with probability `missing`.
//
// Deterministic: the output depends only on the inputs and the seed. Biases come from
// random stream 0 of the seed, each cell from its own stream, so one cell's draws do
// not depend on how many cells came before it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/reliability/expert_scores.h"

namespace ocindex::core {

struct SyntheticPanel {
  int experts = 4;          // per cell, at least 2; ids "E1", "E2", ...
  double bias_sd = 0.5;     // spread of the experts' systematic leans, in scale units
  double noise_sd = 0.75;   // spread of one rating around published + bias, in scale units
  double missing = 0.0;     // probability that a rating is left out, in [0, 1)
  std::uint64_t seed = 1;
};

// Scores for every country and indicator the dataset scores (unscored cells get none),
// in dataset order: country, then indicator, then expert. kInvalidInput for a panel
// outside the ranges above or a dataset that does not fit the framework.
Result<std::vector<ExpertScore>> GenerateExpertScores(const Framework& framework, const Dataset& dataset,
                                                      const SyntheticPanel& panel);

}  // namespace ocindex::core
