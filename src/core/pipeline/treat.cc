#include "core/pipeline/treat.h"

#include <algorithm>
#include <cmath>

#include "core/pipeline/model.h"

namespace ocindex::core::pipeline {

namespace {

struct Moments {
  double n = 0;
  double m2 = 0;  // sums of powers of deviations from the mean
  double m3 = 0;
  double m4 = 0;
};

Moments CentralSums(const double* x, size_t n) {
  Moments m;
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsMissing(x[i])) continue;
    sum += x[i];
    m.n += 1;
  }
  if (m.n == 0) return m;
  const double mean = sum / m.n;
  for (size_t i = 0; i < n; ++i) {
    if (IsMissing(x[i])) continue;
    const double d = x[i] - mean;
    const double d2 = d * d;
    m.m2 += d2;
    m.m3 += d2 * d;
    m.m4 += d2 * d2;
  }
  return m;
}

double SkewFrom(const Moments& m) {
  const double n = m.n;
  if (n < 3 || m.m2 == 0) return kMissing;
  const double g1 = std::sqrt(n) * m.m3 / std::pow(m.m2, 1.5);
  return g1 * std::sqrt(n * (n - 1)) / (n - 2);
}

double KurtFrom(const Moments& m) {
  const double n = m.n;
  if (n < 4 || m.m2 == 0) return kMissing;
  const double r = n * m.m4 / (m.m2 * m.m2);
  return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
}

struct Check {
  bool passes = true;
  double skew = 0;
};

// COINr's check_SkewKurt: passes if |skew| < threshold OR kurtosis < threshold. A
// column whose moments are undefined passes (COINr returns it untreated).
Check Test(const double* x, size_t n, const TreatStep& step) {
  const Moments m = CentralSums(x, n);
  const double skew = SkewFrom(m);
  const double kurt = KurtFrom(m);
  if (IsMissing(skew) || IsMissing(kurt)) return {true, 0};
  return {std::abs(skew) < step.skew_threshold || kurt < step.kurtosis_threshold, skew};
}

// Moves every point equal to the maximum (high) or minimum onto the next value
// inwards; returns how many moved (0 if all values are equal).
int WinsoriseExtreme(double* x, size_t n, bool high) {
  double extreme = high ? -INFINITY : INFINITY;
  for (size_t i = 0; i < n; ++i) {
    if (!IsMissing(x[i])) extreme = high ? std::max(extreme, x[i]) : std::min(extreme, x[i]);
  }
  double next = high ? -INFINITY : INFINITY;
  for (size_t i = 0; i < n; ++i) {
    if (IsMissing(x[i]) || x[i] == extreme) continue;
    next = high ? std::max(next, x[i]) : std::min(next, x[i]);
  }
  if (std::isinf(next)) return 0;
  int moved = 0;
  for (size_t i = 0; i < n; ++i) {
    if (x[i] == extreme) {
      x[i] = next;
      ++moved;
    }
  }
  return moved;
}

}  // namespace

double Skewness(const double* x, size_t n) { return SkewFrom(CentralSums(x, n)); }
double Kurtosis(const double* x, size_t n) { return KurtFrom(CentralSums(x, n)); }

TreatOutcome TreatColumn(double* x, size_t n, const TreatStep& step, double* original) {
  Check check = Test(x, n, step);
  if (check.passes) return {};
  const double original_skew = check.skew;
  std::copy(x, x + n, original);

  TreatOutcome outcome;
  outcome.treatment = Treatment::kWinsorised;
  int high = 0;  // points Winsorised on each side: those the side's latest step moved
  int low = 0;
  while (!check.passes && high + low < step.winmax) {
    const bool at_high = check.skew >= 0;
    const int moved = WinsoriseExtreme(x, n, at_high);
    if (moved == 0) break;
    (at_high ? high : low) = moved;
    check = Test(x, n, step);
  }
  outcome.winsorised = high + low;
  if (check.passes) return outcome;

  double lo = INFINITY;
  double hi = -INFINITY;
  for (size_t i = 0; i < n; ++i) {
    if (IsMissing(original[i])) continue;
    lo = std::min(lo, original[i]);
    hi = std::max(hi, original[i]);
  }
  const double a = 0.01 * (hi - lo);
  for (size_t i = 0; i < n; ++i) {
    x[i] = original_skew >= 0 ? std::log(original[i] - lo + a) : -std::log(hi + a - original[i]);
  }
  outcome.treatment = Treatment::kLog;
  outcome.winsorised = 0;
  outcome.passes = Test(x, n, step).passes;
  return outcome;
}

}  // namespace ocindex::core::pipeline
