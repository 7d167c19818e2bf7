// Rounding of exact rationals beyond RoundHalfUp: the floor, and parts rounded so that
// they still sum to their exact total (a waterfall whose printed steps add up).
#pragma once

#include <cstdint>
#include <vector>

#include "core/model/rational.h"

namespace ocindex::core {

// The greatest integer not above the value.
int64_t Floor(const Rational& value);

// Rounds `parts` (which sum exactly to `total_units` / 10^places) to units of
// 10^-places so that the rounded parts sum to `total_units` exactly: each part is
// floored, and the units left over go to the largest remainders (ties: earlier part).
std::vector<int64_t> RoundToTotal(const std::vector<Rational>& parts, int64_t total_units, int places);

}  // namespace ocindex::core
