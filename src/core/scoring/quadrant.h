// The quadrant rule on published values themselves (rounded units), for figures that
// are not in a Scorecard (a what-if's), and the cut a target search aims at.
#pragma once

#include <cstdint>
#include <optional>

#include "core/model/framework.h"
#include "core/scoring/ranking.h"

namespace ocindex::core {

// As Classify: a value at or above the threshold is high; nullopt if the framework
// has no quadrant axes or a value is missing.
std::optional<Quadrant> ClassifyUnits(const Framework& framework, std::optional<int64_t> resilience,
                                      std::optional<int64_t> criminality);
// The smallest published value (rounded units) that counts as high on a quadrant axis.
int64_t QuadrantHighFrom(const Framework& framework);

}  // namespace ocindex::core
