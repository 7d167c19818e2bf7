#include "core/pipeline/normalise.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/pipeline/model.h"

namespace ocindex::core::pipeline {

namespace {

Error Undefined(const std::string& code, const NormaliseStep& step, const std::string& why) {
  return MakeError(ErrorCode::kInvalidInput,
                   fmt::format("indicator {}: {} normalisation is undefined: {}", code, NormaliseMethodName(step.method), why));
}

// Average ranks (1 = lowest), ties sharing the mean of their positions.
void RankInPlace(double* x, size_t n, size_t* order) {
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsMissing(x[i])) order[m++] = i;
  }
  std::sort(order, order + m, [x](size_t a, size_t b) { return x[a] < x[b]; });
  for (size_t i = 0; i < m;) {
    size_t j = i;
    while (j + 1 < m && x[order[j + 1]] == x[order[i]]) ++j;
    const double rank = static_cast<double>(i + j) / 2 + 1;
    for (size_t k = i; k <= j; ++k) x[order[k]] = rank;
    i = j + 1;
  }
}

}  // namespace

Status NormaliseColumn(double* x, size_t n, const NormaliseStep& step, const NormaliseReference& reference,
                       const std::string& code, size_t* order) {
  double lo = INFINITY;
  double hi = -INFINITY;
  double sum = 0;
  double count = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsMissing(x[i])) continue;
    lo = std::min(lo, x[i]);
    hi = std::max(hi, x[i]);
    sum += x[i];
    count += 1;
  }
  if (count == 0) return {};
  switch (step.method) {
    case NormaliseMethod::kMinMax: {
      if (!(hi > lo)) return Undefined(code, step, "all values are equal");
      const double scale = (step.high - step.low) / (hi - lo);
      for (size_t i = 0; i < n; ++i) x[i] = (x[i] - lo) * scale + step.low;
      return {};
    }
    case NormaliseMethod::kZScore: {
      const double mean = sum / count;
      double ss = 0;
      for (size_t i = 0; i < n; ++i) {
        if (!IsMissing(x[i])) ss += (x[i] - mean) * (x[i] - mean);
      }
      const double sd = count > 1 ? std::sqrt(ss / (count - 1)) : 0;
      if (!(sd > 0)) return Undefined(code, step, "the standard deviation is zero");
      for (size_t i = 0; i < n; ++i) x[i] = (x[i] - mean) / sd * step.high + step.low;
      return {};
    }
    case NormaliseMethod::kRank:
      RankInPlace(x, n, order);
      return {};
    case NormaliseMethod::kTarget: {
      if (IsMissing(reference.target) || reference.target == lo) {
        return Undefined(code, step, "the target is missing or equal to the minimum");
      }
      for (size_t i = 0; i < n; ++i) {
        x[i] = std::min((x[i] - lo) / (reference.target - lo), 1.0) * step.high;
      }
      return {};
    }
    case NormaliseMethod::kGoalposts: {
      const double a = reference.goalpost_low;
      const double b = reference.goalpost_high;
      if (IsMissing(a) || IsMissing(b) || !(a < b)) return Undefined(code, step, "goalposts must satisfy low < high");
      for (size_t i = 0; i < n; ++i) {
        if (!IsMissing(x[i])) x[i] = std::clamp((x[i] - a) / (b - a), 0.0, 1.0) * step.high;
      }
      return {};
    }
  }
  return {};
}

}  // namespace ocindex::core::pipeline
