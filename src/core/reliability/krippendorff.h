// Krippendorff's alpha: agreement among several raters who may each skip units.
//
// Reference: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
// Annenberg School for Communication, University of Pennsylvania. The computation
// goes through the coincidence matrix of pairable values (a unit rated by fewer than
// two raters contributes nothing), so missing ratings need no imputation.
#pragma once

#include <optional>
#include <vector>

#include "core/error.h"

namespace ocindex::core {

// How far apart two values are. Interval: squared difference. Ordinal: squared
// count of values lying between them (ranks, not distances, matter).
enum class AlphaMetric { kNominal, kOrdinal, kInterval };

// ratings[unit][rater]; std::nullopt marks a missing rating. Every unit must have the
// same number of raters. Returns alpha in (-inf, 1]: 1 is perfect agreement, 0 is
// agreement at chance level. Errors when fewer than two values are pairable or when
// all pairable values are equal (alpha is then undefined, not 1).
Result<double> KrippendorffAlpha(const std::vector<std::vector<std::optional<double>>>& ratings,
                                 AlphaMetric metric);

}  // namespace ocindex::core
