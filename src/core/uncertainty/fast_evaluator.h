// The vectorised evaluator for the common case: arithmetic means, one pillar formula,
// no exclusion, scale steps of 0 to 255, score noise in 2-bit fields (probabilities in
// quarters, 32 countries per random word), expert panels of at most 8 (panel_tiles.h).
// Eight countries per AVX2 register, scores as one byte per step laid out chunk by chunk
// so one chunk's indicators are contiguous (a quarter of int32's cache: 10,000 countries
// x 50 indicators fit a 1 MB L2), widened to int32 as loaded; the noise field of a
// country is picked out of its word with a per-lane shift, its step change read from a
// four-entry table. Per country the float operations of the block sums are those of
// EvaluateGeneral in the same order, and the rest is shared, so both give identical
// keys (tested).
#pragma once

#include <cstdint>
#include <vector>

#include "core/uncertainty/evaluation_plan.h"
#include "core/uncertainty/panel_tiles.h"

namespace ocindex::core::uncertainty {

// Whether the plan's spec allows the fast path and the CPU has AVX2.
bool FastPathApplies(const Plan& plan);

// Not thread-safe: one per thread. Requires FastPathApplies(plan).
class FastEvaluator {
 public:
  explicit FastEvaluator(const Plan& plan);
  // Buffers are aligned relative to their own address: copies would not be.
  FastEvaluator(const FastEvaluator&) = delete;
  FastEvaluator& operator=(const FastEvaluator&) = delete;
  void Evaluate(const RunParameters& params, std::int32_t* keys);

 private:
  const Plan& plan_;
  int chunks_ = 0;                        // groups of 8 countries
  std::vector<std::uint8_t> steps_;       // [chunk][indicator][8]; the bootstrapped cells as resampled last
  std::vector<PanelTile> tiles_;          // the expert bootstrap's
  bool resampled_ = false;                // steps_ holds resampled cells
  std::vector<std::int32_t> deltas_;      // [indicator][8]: step change by 2-bit field, twice over
  std::vector<std::int32_t> noise_row_;   // per indicator: its first noise word (the zero row if not noisy)
  std::vector<std::uint64_t> noise_words_;  // a row per noisy indicator, then a row of zeros
  std::vector<float> weights_;
  std::vector<int> blocks_;               // active blocks
  std::vector<float> block_sums_;         // block * chunks_ * 8 + c
  std::vector<float> block_totals_;
  std::vector<double> pillar_sums_;
};

}  // namespace ocindex::core::uncertainty
