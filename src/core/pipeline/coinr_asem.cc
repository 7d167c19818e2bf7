#include "core/pipeline/coinr_asem.h"

#include <utility>

namespace ocindex::core::pipeline {

Spec AsemPrefixSpec() {
  return Spec{{DenominateStep{}, ImputeStep{ImputeMethod::kGroupMean, "EurAsia_group"}, ScreenStep{0.9}}};
}

Spec AsemNominalRestSpec() {
  return Spec{{TreatStep{}, NormaliseStep{NormaliseMethod::kMinMax, 0, 100}, AggregateStep{}}};
}

Spec AsemRunRestSpec(const AsemDesignRow& row, std::vector<NodeWeight> weights) {
  TreatStep treat;
  treat.winmax = row.winmax;
  const NormaliseStep normalise = row.normalisation == NormaliseMethod::kZScore
                                      ? NormaliseStep{NormaliseMethod::kZScore, 10, 2}
                                      : NormaliseStep{NormaliseMethod::kMinMax, 1, 100};
  return Spec{{treat, normalise, WeightStep{WeightMethod::kExplicit, std::move(weights)},
               AggregateStep{row.aggregation, 1}}};
}

Spec Concatenate(const Spec& prefix, const Spec& rest) {
  Spec out = prefix;
  out.steps.insert(out.steps.end(), rest.steps.begin(), rest.steps.end());
  return out;
}

}  // namespace ocindex::core::pipeline
