#include "core/assessment/calibration.h"

#include <string>
#include <utility>
#include <vector>

namespace ocindex::core::assessment {

std::map<CellKey, CellSignal> Signals(const RoundLedger& ledger) {
  std::map<CellKey, CellSignal> signals;
  // (indicator, region) -> the cells with a standing value
  std::map<std::pair<std::string, std::string>, std::vector<CellKey>> groups;
  for (const auto& [key, history] : ledger.cells()) {
    CellSignal& signal = signals[key];
    signal.consensus = ledger.ConsensusOf(key);
    signal.standing = SettledScore(history);
    if (!signal.standing && signal.consensus) signal.standing = signal.consensus->proposal;
    if (signal.standing) groups[{key.indicator, ledger.round().FindCountry(key.iso3)->region}].push_back(key);
  }
  for (const auto& [group, keys] : groups) {
    if (keys.size() < kMinCalibrationGroup) continue;
    std::vector<Rational> values;
    for (const CellKey& key : keys) values.push_back(*signals[key].standing);
    const std::vector<double> z = RobustZ(values);
    for (size_t i = 0; i < keys.size(); ++i) signals[keys[i]].z = z[i];
  }
  return signals;
}

}  // namespace ocindex::core::assessment
