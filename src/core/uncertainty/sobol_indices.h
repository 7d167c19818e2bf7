// Variance-based sensitivity indices from a Saltelli design.
//
// The design has N rows in each of matrices A and B and one matrix AB_i per input
// (A with column i taken from B). With yA, yB, yAB_i the model outputs on them and
// V the sample variance of all 2N outputs of A and B:
//   first order  S_i  = mean(yB * (yAB_i - yA)) / V           (Saltelli et al. 2010)
//   total        ST_i = sum((yA - yAB_i)^2) / (2 N V)         (Jansen 1999)
// S_i is the share of output variance explained by input i alone; ST_i includes every
// interaction of input i with the others.
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"

namespace ocindex::core {

struct SobolIndex {
  double first_order = 0.0;  // S_i
  double total = 0.0;        // ST_i
};

// y_ab[i] holds the outputs of AB_i. All vectors must have the same length N >= 2.
// Errors when the lengths disagree or the outputs do not vary (V = 0).
Result<std::vector<SobolIndex>> EstimateSobolIndices(const std::vector<double>& y_a,
                                                     const std::vector<double>& y_b,
                                                     const std::vector<std::vector<double>>& y_ab);

struct SobolInterval {
  double first_order_low = 0.0;
  double first_order_high = 0.0;
  double total_low = 0.0;
  double total_high = 0.0;
};

// Bootstrap interval of each index: `resamples` times, draw N rows with replacement
// (the same rows for yA, yB and every yAB_i, no extra model runs) and re-estimate; the
// interval runs between the type-7 quantiles `low` and `high` (e.g. 0.05, 0.95) of the
// re-estimates. Resample r uses RandomStream(seed, r), so results depend on the seed
// only. Resamples whose outputs do not vary are skipped; errors if none varies.
Result<std::vector<SobolInterval>> BootstrapSobolIntervals(
    const std::vector<double>& y_a, const std::vector<double>& y_b,
    const std::vector<std::vector<double>>& y_ab, int resamples, std::uint64_t seed,
    double low, double high);

}  // namespace ocindex::core
