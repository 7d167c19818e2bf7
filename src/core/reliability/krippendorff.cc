#include "core/reliability/krippendorff.h"

#include <algorithm>
#include <cstddef>
#include <string>

namespace ocindex::core {
namespace {

// Squared distance between the distinct values a and b (indices into `values`),
// given the marginal count of each value in the coincidence matrix.
double Delta2(AlphaMetric metric, const std::vector<double>& values,
              const std::vector<double>& marginals, std::size_t a, std::size_t b) {
  switch (metric) {
    case AlphaMetric::kNominal:
      return a == b ? 0.0 : 1.0;
    case AlphaMetric::kInterval: {
      const double d = values[a] - values[b];
      return d * d;
    }
    case AlphaMetric::kOrdinal: {
      const std::size_t lo = std::min(a, b);
      const std::size_t hi = std::max(a, b);
      double between = 0.0;
      for (std::size_t g = lo; g <= hi; ++g) between += marginals[g];
      const double d = between - (marginals[lo] + marginals[hi]) / 2.0;
      return d * d;
    }
  }
  return 0.0;
}

}  // namespace

Result<double> KrippendorffAlpha(const std::vector<std::vector<std::optional<double>>>& ratings,
                                 AlphaMetric metric) {
  if (ratings.empty()) return MakeError(ErrorCode::kInvalidInput, "no units to compare");
  const std::size_t raters = ratings.front().size();
  std::vector<double> values;
  for (std::size_t u = 0; u < ratings.size(); ++u) {
    if (ratings[u].size() != raters) {
      return MakeError(ErrorCode::kInvalidInput,
                       "unit " + std::to_string(u + 1) + " has " + std::to_string(ratings[u].size()) +
                           " ratings; expected " + std::to_string(raters) + " (one per rater)");
    }
    for (const auto& r : ratings[u]) {
      if (r) values.push_back(*r);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const std::size_t v = values.size();
  auto index_of = [&](double x) {
    return static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), x) -
                                    values.begin());
  };

  // Coincidence matrix: each ordered pair of values within a unit of m pairable
  // values counts 1/(m-1), so every pairable value contributes exactly 1 in total.
  std::vector<double> coincidence(v * v, 0.0);
  for (const auto& unit : ratings) {
    std::vector<std::size_t> present;
    for (const auto& r : unit) {
      if (r) present.push_back(index_of(*r));
    }
    if (present.size() < 2) continue;
    const double w = 1.0 / static_cast<double>(present.size() - 1);
    for (std::size_t i = 0; i < present.size(); ++i) {
      for (std::size_t j = 0; j < present.size(); ++j) {
        if (i != j) coincidence[present[i] * v + present[j]] += w;
      }
    }
  }
  std::vector<double> marginals(v, 0.0);
  double n = 0.0;
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) marginals[c] += coincidence[c * v + k];
    n += marginals[c];
  }
  if (n < 2.0) {
    return MakeError(ErrorCode::kInvalidInput,
                     "fewer than two pairable ratings (a unit needs at least two raters)");
  }
  double observed = 0.0;
  double expected = 0.0;
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) {
      const double d2 = Delta2(metric, values, marginals, c, k);
      observed += coincidence[c * v + k] * d2;
      expected += marginals[c] * marginals[k] * d2;
    }
  }
  if (expected == 0.0) {
    return MakeError(ErrorCode::kInvalidInput,
                     "all pairable ratings are equal; alpha is undefined without variation");
  }
  return 1.0 - (n - 1.0) * observed / expected;
}

}  // namespace ocindex::core
