#include "core/pipeline/aggregate.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/pipeline/model.h"

namespace ocindex::core::pipeline {

namespace {

enum class Kernel { kArithmetic, kLog, kInverse, kPower };

Kernel KernelFor(const AggregateStep& step) {
  switch (step.method) {
    case AggregationMethod::kArithmetic: return Kernel::kArithmetic;
    case AggregationMethod::kGeometric: return Kernel::kLog;
    case AggregationMethod::kHarmonic: return Kernel::kInverse;
    case AggregationMethod::kGeneralised:
      if (step.p == 1) return Kernel::kArithmetic;
      if (step.p == 0) return Kernel::kLog;
      if (step.p == -1) return Kernel::kInverse;
      return Kernel::kPower;
  }
  return Kernel::kArithmetic;
}

// Means other than the arithmetic are defined for positive values only (a power of a
// negative value may be undefined, and a negative mean has no real root).
bool NeedsPositive(Kernel kernel) { return kernel != Kernel::kArithmetic; }

}  // namespace

Status AggregateNode(const std::vector<const double*>& children, const std::vector<double>& weights, size_t n,
                     const AggregateStep& step, double* out, double* sum, double* weight_sum,
                     const std::string& node, const std::vector<const std::string*>& unit_codes) {
  const Kernel kernel = KernelFor(step);
  const bool positive = NeedsPositive(kernel);
  std::fill(sum, sum + n, 0.0);
  std::fill(weight_sum, weight_sum + n, 0.0);
  for (size_t k = 0; k < children.size(); ++k) {
    const double* x = children[k];
    const double w = weights[k];
    for (size_t u = 0; u < n; ++u) {
      const double v = x[u];
      if (IsMissing(v)) continue;
      if (positive && !(v > 0)) {
        return MakeError(ErrorCode::kInvalidInput,
                         fmt::format("unit {}, node {}: the {} mean needs values > 0, got {}", *unit_codes[u], node,
                                     AggregationMethodName(step.method), v));
      }
      switch (kernel) {
        case Kernel::kArithmetic: sum[u] += w * v; break;
        case Kernel::kLog: sum[u] += w * std::log(v); break;
        case Kernel::kInverse: sum[u] += w / v; break;
        case Kernel::kPower: sum[u] += w * std::pow(v, step.p); break;
      }
      weight_sum[u] += w;
    }
  }
  for (size_t u = 0; u < n; ++u) {
    if (!(weight_sum[u] > 0)) {
      out[u] = kMissing;
      continue;
    }
    const double mean = sum[u] / weight_sum[u];
    switch (kernel) {
      case Kernel::kArithmetic: out[u] = mean; break;
      case Kernel::kLog: out[u] = std::exp(mean); break;
      case Kernel::kInverse: out[u] = 1 / mean; break;
      case Kernel::kPower: out[u] = std::pow(mean, 1 / step.p); break;
    }
  }
  return {};
}

}  // namespace ocindex::core::pipeline
