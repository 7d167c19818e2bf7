// The expert bootstrap on the vectorised evaluator: ResamplePanels' tiles (one
// indicator, eight countries: a register's lanes) laid out flat, each lane's panel
// packed a byte per expert, and the AVX2 resample that draws, lane for lane, the words
// ResamplePanels draws one lane at a time, so both give the same steps (tested).
#pragma once

#include <cstdint>
#include <vector>

#include "core/uncertainty/evaluation_plan.h"

namespace ocindex::core::uncertainty {

struct PanelTile {
  static constexpr int kLanes = 8;
  size_t offset = 0;  // of the tile's eight steps in the evaluator's [chunk][indicator][lane] layout
  int words = 0;      // words each lane draws: ceil(largest panel / 2)
  alignas(32) std::uint32_t low[kLanes] = {};   // experts 0-3 of each lane's panel, one byte each
  alignas(32) std::uint32_t high[kLanes] = {};  // experts 4-7
  // Panel size in both 16-bit halves; 1 for a lane without a panel, whose one "expert"
  // is its published step (the mean of one draw of it is itself).
  alignas(32) std::uint32_t size_pair[kLanes] = {};
  alignas(32) std::int32_t size[kLanes] = {};
  alignas(32) std::int32_t reciprocal[kLanes] = {};  // TileReciprocal(size)
  alignas(32) std::int32_t published[kLanes] = {};
  // Tiles of at most 4 experts a lane (2 words): the byte shuffle that, OR-ed with a
  // word's two picks, gathers both picked steps in one instruction. Each lane's 16-bit
  // halves index its own 4 bytes of `low` (4 * lane within the register half), or are
  // 0x80, which gives 0, for a draw the lane's panel does not make.
  alignas(32) std::uint32_t gather[2][kLanes] = {};
};

// ceil(2^16 / (2 size)): (2 sum + size) * TileReciprocal(size) >> 16 is
// RoundedMean(sum, size), a multiply where a vector has no division; exact for panels
// of at most 8 steps of at most 255 (tested).
constexpr std::int32_t TileReciprocal(std::int32_t size) { return (65536 + 2 * size - 1) / (2 * size); }

// Whether the vectorised resample can take the plan's panels: at most 8 experts each.
bool PanelTilesApply(const Plan& plan);

// The tiles of plan.expert_panels for steps laid out [chunk][indicator][lane].
std::vector<PanelTile> BuildPanelTiles(const Plan& plan);

// Resamples every tile into `steps` (a byte per step). Requires AVX2 and steps of 0 to 255.
void ResampleTiles(const std::vector<PanelTile>& tiles, std::uint64_t seed, std::uint8_t* steps);

// Puts the published steps back (the nominal run).
void RestoreTiles(const std::vector<PanelTile>& tiles, std::uint8_t* steps);

}  // namespace ocindex::core::uncertainty
