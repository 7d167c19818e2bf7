// How much each indicator counts in a composite for one country: the composite is a
// weighted mean of means, so for a fixed set of assessed indicators it is linear in
// their scores, value = sum of weight_i * score_i. Not-assessed indicators drop out of
// every mean they sit in, which raises the weight of their assessed neighbours, so the
// weights depend on the country. What-it-takes searches and difference decompositions
// both read them.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core {

// One weight per framework indicator (0 for indicators not beneath `measure` or not
// assessed); they sum to 1 when the measure has a value, else all are 0. `scores`: one
// per indicator, only whether each is assessed matters.
std::vector<Rational> EffectiveWeights(const Framework& framework, std::span<const std::optional<Rational>> scores,
                                       int measure);

}  // namespace ocindex::core
