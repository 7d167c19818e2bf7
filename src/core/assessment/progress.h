// How far a round has come: cells counted by state and by flag, per country, per
// indicator and per drafting expert. Per-expert tallies name experts: for the index team.
#pragma once

#include <array>
#include <map>
#include <string>

#include "core/assessment/calibration.h"
#include "core/assessment/cell_state.h"
#include "core/assessment/keys.h"
#include "core/assessment/ledger.h"

namespace ocindex::core::assessment {

struct Tally {
  int cells = 0;
  std::array<int, kCellStateCount> states{};  // indexed by CellState
  int wide = 0;      // cells whose experts' spread is wide
  int outliers = 0;  // cells that stand out in their region's calibration

  int Count(CellState state) const { return states[static_cast<size_t>(state)]; }
};

struct Progress {
  Tally total;
  std::map<std::string, Tally> countries;    // by ISO3
  std::map<std::string, Tally> indicators;   // by indicator id
  std::map<std::string, Tally> experts;      // by user id, over the cells they draft
};

Progress Summarise(const RoundLedger& ledger, const std::map<CellKey, CellSignal>& signals);

}  // namespace ocindex::core::assessment
