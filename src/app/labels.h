// How figures, ranks and quadrants read, the same in every face: the CLI prints these
// strings, the API's CSV carries them and its JSON the numbers behind them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/scoring/ranking.h"

namespace ocindex::app {

// "4.26" for rounded units at 2 decimals; nullopt when absent.
std::optional<std::string> Units(std::optional<int64_t> units, int decimals);
// "+0.21" / "-0.05" / "0.00"; nullopt when absent.
std::optional<std::string> SignedUnits(std::optional<int64_t> units, int decimals);

// A statistic over runs (a mean, a quantile) at `decimals` places: "12.50".
std::string Fixed(double value, int decimals);

// The position; nullopt when unranked (no value).
std::optional<int> Position(const core::Rank& rank);
// "133/193", "=20/193" for a shared position; nullopt when unranked.
std::optional<std::string> RankLabel(const core::Rank& rank);
// Places moved toward rank 1 (positive: climbed); nullopt when either side is unranked.
std::optional<int> RankChange(const core::Rank& before, const core::Rank& after);
// "+3" / "-2" / "0"; nullopt when either side is unranked.
std::optional<std::string> RankChangeLabel(const core::Rank& before, const core::Rank& after);
// A whole number as text; nullopt passes through.
std::optional<std::string> Text(std::optional<int> number);

// The quadrant's name; "not classified" when the framework or a value leaves it open.
std::string QuadrantLabel(std::optional<core::Quadrant> quadrant);

// Every quadrant, in the order of per-quadrant figures (uncertainty's probabilities).
inline constexpr std::array<core::Quadrant, 4> kQuadrants = {
    core::Quadrant::kHighCriminalityLowResilience, core::Quadrant::kHighCriminalityHighResilience,
    core::Quadrant::kLowCriminalityLowResilience, core::Quadrant::kLowCriminalityHighResilience};
// "high_criminality_low_resilience": the field or column name of a figure per quadrant.
std::string QuadrantKey(core::Quadrant quadrant);

}  // namespace ocindex::app
