// Outlier treatment of one indicator column, as COINr 1.1.14's Treat() does by
// default (winsorise, then log_CT if that fails; check_SkewKurt decides).
#pragma once

#include <cstddef>

#include "core/pipeline/spec.h"

namespace ocindex::core::pipeline {

// Bias-corrected sample skewness and excess kurtosis ("type 2", as R's e1071 and
// Excel compute them) over the non-missing values. NaN with fewer than 3 (skewness) or
// 4 (kurtosis) values or no spread.
double Skewness(const double* x, size_t n);
double Kurtosis(const double* x, size_t n);

enum class Treatment { kNone, kWinsorised, kLog };

struct TreatOutcome {
  Treatment treatment = Treatment::kNone;
  int winsorised = 0;   // points whose value Winsorisation changed (0 after a log fallback)
  bool passes = true;   // whether the final column passes the skew/kurtosis test
};

// Treats x[0..n) in place. Winsorising: while the column fails the test and fewer than
// winmax points are Winsorised, every point equal to the extreme on the side of the
// current skew (high for skew >= 0) takes the next value inwards. Points Winsorised
// earlier sit at that extreme, so each step moves them again together with the points
// they now tie with: the points Winsorised on a side are the ones the latest step on
// that side moved, which is how COINr 1.1.14 counts them (a step may overshoot winmax
// when values tie). If the test still fails, the original values are log-transformed
// instead:
// log(x - min + 0.01 (max - min)) for skew >= 0, and its mirror
// -log(max + 0.01 (max - min) - x) for negative skew (COINr's log_CT_plus), so the
// order of units is kept either way. Missing values stay missing; a column with no
// spread or fewer than 4 values passes untreated. `original` is scratch of n doubles.
TreatOutcome TreatColumn(double* x, size_t n, const TreatStep& step, double* original);

}  // namespace ocindex::core::pipeline
