// The specs of COINr's ASEM example (its reference run is tests/data/coinr-asem):
// the nominal pipeline and one run of its 4-input sensitivity design. Kept in the
// core so the uncertainty engine can replay the design at any size.
#pragma once

#include <vector>

#include "core/pipeline/spec.h"

namespace ocindex::core::pipeline {

// One row of the ASEM sensitivity design.
struct AsemDesignRow {
  int winmax = 5;                                        // 1..5
  NormaliseMethod normalisation = NormaliseMethod::kMinMax;  // kMinMax -> [1, 100]; kZScore -> mean 10, sd 2
  AggregationMethod aggregation = AggregationMethod::kArithmetic;  // or kGeometric
};

// Steps shared by every run: denominate, impute by EurAsia_group mean, screen at 90%.
Spec AsemPrefixSpec();
// The nominal rest: treat (winmax 5), min-max to [0, 100], arithmetic aggregation.
Spec AsemNominalRestSpec();
// The rest of one design run, with that run's weight set.
Spec AsemRunRestSpec(const AsemDesignRow& row, std::vector<NodeWeight> weights);
// Prefix followed by rest, for a one-off pipeline::Run.
Spec Concatenate(const Spec& prefix, const Spec& rest);

}  // namespace ocindex::core::pipeline
