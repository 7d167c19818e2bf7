// The expert panels an expert bootstrap resamples (ExpertBootstrap in
// uncertainty_spec.h), checked against the edition and laid out for the runs: per cell
// (country x indicator) of a bootstrapped indicator that two or more experts scored,
// its experts' scores in scale steps, ascending (so a run does not depend on the order
// of the rows the scores came from).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/reliability/expert_scores.h"
#include "core/uncertainty/random_stream.h"
#include "core/uncertainty/uncertainty_spec.h"

namespace ocindex::core::uncertainty {

struct ExpertPanels {
  int countries = 0;                  // of the edition: a cell's country is cell % countries
  std::vector<int> indicators;        // the bootstrapped indicators (framework indices), ascending
  std::vector<std::int32_t> cells;    // indicator * countries + country, ascending
  std::vector<std::int32_t> offsets;  // cells.size() + 1: cell k's scores are steps[offsets[k] .. offsets[k + 1])
  std::vector<std::int32_t> steps;    // expert scores in scale steps
  // The tiles of ResamplePanels, worked out once: tile t holds cells [tiles[t], tiles[t + 1]).
  std::vector<std::int32_t> tiles;
  std::vector<std::uint8_t> lanes;    // per cell: its country % 8

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

// The tiles of ResamplePanels in its order: f(begin, end, largest) with the cells
// [begin, end) of one tile (one indicator, countries 8t .. 8t + 7) and its largest panel.
template <typename F>
void ForEachTile(const ExpertPanels& panels, F&& f) {
  for (size_t t = 0; t + 1 < panels.tiles.size(); ++t) {
    const auto begin = static_cast<size_t>(panels.tiles[t]);
    const auto end = static_cast<size_t>(panels.tiles[t + 1]);
    std::int32_t largest = 0;
    for (size_t k = begin; k < end; ++k) largest = std::max(largest, panels.offsets[k + 1] - panels.offsets[k]);
    f(begin, end, largest);
  }
}

// One bootstrap draw: every panel's cell of `steps` (indicator-major, as
// Plan::steps) becomes the mean of as many of its experts drawn with replacement,
// rounded half up to a whole step. Allocates nothing.
//
// The draws come from LaneStreams(seed), in the order an eight-lane SIMD register takes
// them: the cells go by tile (one indicator, countries 8t .. 8t + 7), tiles in the
// order of the cells; country c draws from lane c % 8. A tile whose largest panel has
// k experts advances every lane ceil(k / 2) words, and each word gives two draws, its
// low 16 bits first: expert (field * size) >> 16 of the cell's panel, for the cell's
// first `size` draws (each expert's probability within 2^-16 of 1 / size: far below
// the Monte Carlo error of any run count). The vectorised evaluator (panel_tiles.h)
// draws the same.
void ResamplePanels(const ExpertPanels& panels, std::uint64_t seed, std::int32_t* steps);

// The mean of `size` expert steps summing to `sum`, rounded half up to a whole step.
inline std::int32_t RoundedMean(std::int32_t sum, std::int32_t size) {
  const std::int32_t twice = 2 * sum + size;  // floor(sum / size + 1/2) in integers
  return twice / (2 * size) - (twice % (2 * size) < 0 ? 1 : 0);
}

}  // namespace ocindex::core::uncertainty
