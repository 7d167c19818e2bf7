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

}  // namespace ocindex::core
