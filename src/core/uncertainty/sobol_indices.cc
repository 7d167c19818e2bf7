#include "core/uncertainty/sobol_indices.h"

#include <cstddef>
#include <string>

#include "core/uncertainty/random_stream.h"
#include "core/uncertainty/rank_statistics.h"

namespace ocindex::core {

Result<std::vector<SobolIndex>> EstimateSobolIndices(
    const std::vector<double>& y_a, const std::vector<double>& y_b,
    const std::vector<std::vector<double>>& y_ab) {
  const std::size_t n = y_a.size();
  if (n < 2 || y_b.size() != n) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the A and B runs need the same number (at least 2) of outputs; got " +
                         std::to_string(n) + " and " + std::to_string(y_b.size()));
  }
  // Sample variance (denominator 2N - 1) of the pooled A and B outputs, as R's var().
  double mean = 0.0;
  for (std::size_t r = 0; r < n; ++r) mean += y_a[r] + y_b[r];
  mean /= static_cast<double>(2 * n);
  double sum_sq = 0.0;
  for (std::size_t r = 0; r < n; ++r) {
    sum_sq += (y_a[r] - mean) * (y_a[r] - mean) + (y_b[r] - mean) * (y_b[r] - mean);
  }
  const double variance = sum_sq / static_cast<double>(2 * n - 1);
  if (variance == 0.0) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the model output does not vary over the A and B runs; Sobol indices are "
                     "undefined");
  }
  std::vector<SobolIndex> indices;
  indices.reserve(y_ab.size());
  for (std::size_t i = 0; i < y_ab.size(); ++i) {
    if (y_ab[i].size() != n) {
      return MakeError(ErrorCode::kInvalidInput,
                       "the AB runs of input " + std::to_string(i + 1) + " have " +
                           std::to_string(y_ab[i].size()) + " outputs; expected " +
                           std::to_string(n));
    }
    double first = 0.0;
    double total = 0.0;
    for (std::size_t r = 0; r < n; ++r) {
      first += y_b[r] * (y_ab[i][r] - y_a[r]);
      total += (y_a[r] - y_ab[i][r]) * (y_a[r] - y_ab[i][r]);
    }
    const double dn = static_cast<double>(n);
    indices.push_back({first / dn / variance, total / (2.0 * dn * variance)});
  }
  return indices;
}

Result<std::vector<SobolInterval>> BootstrapSobolIntervals(
    const std::vector<double>& y_a, const std::vector<double>& y_b,
    const std::vector<std::vector<double>>& y_ab, int resamples, std::uint64_t seed,
    double low, double high) {
  OCINDEX_RETURN_IF_ERROR(EstimateSobolIndices(y_a, y_b, y_ab));  // validates the shapes
  if (resamples < 1) {
    return MakeError(ErrorCode::kInvalidInput,
                     "bootstrap needs at least 1 resample; got " + std::to_string(resamples));
  }
  if (y_ab.empty()) return std::vector<SobolInterval>{};
  const std::size_t n = y_a.size();
  std::vector<std::vector<double>> first(y_ab.size());
  std::vector<std::vector<double>> total(y_ab.size());
  std::vector<double> a(n);
  std::vector<double> b(n);
  std::vector<std::vector<double>> ab(y_ab.size(), std::vector<double>(n));
  for (int r = 0; r < resamples; ++r) {
    RandomStream stream(seed, static_cast<std::uint64_t>(r));
    for (std::size_t row = 0; row < n; ++row) {
      const std::size_t pick = stream.Below(n);
      a[row] = y_a[pick];
      b[row] = y_b[pick];
      for (std::size_t i = 0; i < y_ab.size(); ++i) ab[i][row] = y_ab[i][pick];
    }
    auto indices = EstimateSobolIndices(a, b, ab);
    if (!indices.ok()) continue;  // a resample without variation has no indices
    for (std::size_t i = 0; i < y_ab.size(); ++i) {
      first[i].push_back((*indices)[i].first_order);
      total[i].push_back((*indices)[i].total);
    }
  }
  if (first.front().empty()) {
    return MakeError(ErrorCode::kInvalidInput,
                     "no bootstrap resample had varying outputs; ask for more resamples");
  }
  std::vector<SobolInterval> intervals;
  for (std::size_t i = 0; i < y_ab.size(); ++i) {
    intervals.push_back({QuantileType7(first[i], low), QuantileType7(first[i], high),
                         QuantileType7(total[i], low), QuantileType7(total[i], high)});
  }
  return intervals;
}

}  // namespace ocindex::core
