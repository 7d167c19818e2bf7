// The signals that call for a closer look at a cell: experts who disagree (a wide
// spread), and a cell that stands out among the same indicator's cells in its region
// (thematic calibration, by robust z-score). Rules in docs/ASSESSMENT.md.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/assessment/consensus.h"
#include "core/assessment/keys.h"
#include "core/assessment/ledger.h"
#include "core/model/rational.h"

namespace ocindex::core::assessment {

struct CellSignal {
  std::optional<Consensus> consensus;  // of the current submissions
  std::optional<Rational> standing;    // the settled score, else the consensus proposal
  std::optional<double> z;             // robust z among the indicator's standing cells in the region
  bool wide() const { return consensus && consensus->wide; }
  bool outlier() const { return z && (*z > kOutlierZ || *z < -kOutlierZ); }
};

// Every cell of the round. A region holding fewer than kMinCalibrationGroup standing
// cells of an indicator gives its cells no z.
std::map<CellKey, CellSignal> Signals(const RoundLedger& ledger);
// The same for one indicator's cells only: a cell's z rests only on its own indicator's
// cells, so these equal Signals(ledger)'s at a fraction of the cost (the calibration
// view).
std::map<CellKey, CellSignal> Signals(const RoundLedger& ledger, const std::string& indicator);

}  // namespace ocindex::core::assessment
