#include "core/assessment/calibration.h"

#include <string>
#include <utility>
#include <vector>

namespace ocindex::core::assessment {

namespace {

// The signals of the cells `wanted` picks out (all, or one indicator's).
template <typename Wanted>
std::map<CellKey, CellSignal> SignalsOf(const RoundLedger& ledger, const Wanted& wanted) {
  std::map<CellKey, CellSignal> signals;
  // (indicator, region) -> the cells with a standing value
  std::map<std::pair<std::string, std::string>, std::vector<CellKey>> groups;
  for (const auto& [key, history] : ledger.cells()) {
    if (!wanted(key)) continue;
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

}  // namespace

std::map<CellKey, CellSignal> Signals(const RoundLedger& ledger) {
  return SignalsOf(ledger, [](const CellKey&) { return true; });
}

std::map<CellKey, CellSignal> Signals(const RoundLedger& ledger, const std::string& indicator) {
  return SignalsOf(ledger, [&](const CellKey& key) { return key.indicator == indicator; });
}

}  // namespace ocindex::core::assessment
