// Normalisation of one indicator column (already multiplied by its direction).
#pragma once

#include <cstddef>
#include <string>

#include "core/error.h"
#include "core/pipeline/spec.h"

namespace ocindex::core::pipeline {

// Per-indicator references for the target and goalpost methods, already multiplied
// by the indicator's direction (so low <= high after a swap for direction -1).
struct NormaliseReference {
  double target = 0;
  double goalpost_low = 0;
  double goalpost_high = 0;
};

// Normalises x[0..n) in place; missing values stay missing. `order` is scratch of n
// indices (rank only). Fails, naming `code`, when the method is undefined for the
// column: min-max or z-score of a column with no spread, a target equal to the minimum,
// goalposts that are not low < high.
Status NormaliseColumn(double* x, size_t n, const NormaliseStep& step, const NormaliseReference& reference,
                       const std::string& code, size_t* order);

}  // namespace ocindex::core::pipeline
