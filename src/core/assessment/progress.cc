#include "core/assessment/progress.h"

namespace ocindex::core::assessment {
namespace {

void Add(Tally& tally, CellState state, const CellSignal& signal) {
  ++tally.cells;
  ++tally.states[static_cast<size_t>(state)];
  if (signal.wide()) ++tally.wide;
  if (signal.outlier()) ++tally.outliers;
}

}  // namespace

Progress Summarise(const RoundLedger& ledger, const std::map<CellKey, CellSignal>& signals) {
  Progress progress;
  static const CellSignal kQuiet;
  for (const auto& [key, history] : ledger.cells()) {
    auto found = signals.find(key);
    const CellSignal& signal = found == signals.end() ? kQuiet : found->second;
    const CellState state = history.state();
    Add(progress.total, state, signal);
    Add(progress.countries[key.iso3], state, signal);
    Add(progress.indicators[key.indicator], state, signal);
    for (const UserRef& expert : ledger.assignments().TeamOf(key).drafting) Add(progress.experts[expert.id], state, signal);
  }
  return progress;
}

}  // namespace ocindex::core::assessment
