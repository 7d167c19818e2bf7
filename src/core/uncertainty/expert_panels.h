// The expert panels an expert bootstrap resamples (ExpertBootstrap in
// uncertainty_spec.h), checked against the edition and laid out for the runs: per cell
// (country x indicator) of a bootstrapped indicator that two or more experts scored,
// its experts' scores in scale steps, ascending (so a run does not depend on the order
// of the rows the scores came from).
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/reliability/expert_scores.h"
#include "core/uncertainty/uncertainty_spec.h"

namespace ocindex::core::uncertainty {

struct ExpertPanels {
  std::vector<int> indicators;        // the bootstrapped indicators (framework indices), ascending
  std::vector<std::int32_t> cells;    // indicator * countries + country, ascending
  std::vector<std::int32_t> offsets;  // cells.size() + 1: cell k's scores are steps[offsets[k] .. offsets[k + 1])
  std::vector<std::int32_t> steps;    // expert scores in scale steps

  std::int32_t lowest(size_t k) const { return steps[static_cast<size_t>(offsets[k])]; }
  std::int32_t highest(size_t k) const { return steps[static_cast<size_t>(offsets[k + 1]) - 1]; }
};

// kInvalidInput naming "expert_bootstrap" when there are no scores; when a score is for
// another edition, an unknown indicator or a country the edition does not assess, off
// the scale, or a second one by the same expert for a cell; or when a bootstrapped
// indicator (listed, or all of them together when none is listed) has no cell with two
// experts who disagree, so resampling would change nothing.
Result<ExpertPanels> BuildExpertPanels(const ExpertBootstrap& bootstrap, const Framework& framework,
                                       const Dataset& dataset, const std::vector<ExpertScore>& experts);

// One bootstrap draw: every panel's cell of `steps` (indicator-major, as
// Plan::steps) becomes the mean of as many of its experts drawn with replacement,
// rounded half up to a whole step, from RandomStream(seed, 0). Allocates nothing.
void ResamplePanels(const ExpertPanels& panels, std::uint64_t seed, std::int32_t* steps);

}  // namespace ocindex::core::uncertainty
