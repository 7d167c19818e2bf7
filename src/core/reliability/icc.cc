#include "core/reliability/icc.h"

#include <cstddef>

#include <string>

namespace ocindex::core {

Result<IntraclassCorrelation> Icc2(const std::vector<std::vector<double>>& scores) {
  const std::size_t n = scores.size();
  if (n < 2) return MakeError(ErrorCode::kInvalidInput, "ICC needs at least two targets");
  const std::size_t k = scores.front().size();
  if (k < 2) return MakeError(ErrorCode::kInvalidInput, "ICC needs at least two judges");
  for (std::size_t t = 0; t < n; ++t) {
    if (scores[t].size() != k) {
      return MakeError(ErrorCode::kInvalidInput,
                       "target " + std::to_string(t + 1) + " has " + std::to_string(scores[t].size()) +
                           " scores; expected " + std::to_string(k) + " (one per judge)");
    }
  }
  const double dn = static_cast<double>(n);
  const double dk = static_cast<double>(k);
  std::vector<double> row_mean(n, 0.0);
  std::vector<double> col_mean(k, 0.0);
  double grand = 0.0;
  for (std::size_t t = 0; t < n; ++t) {
    for (std::size_t j = 0; j < k; ++j) {
      row_mean[t] += scores[t][j] / dk;
      col_mean[j] += scores[t][j] / dn;
      grand += scores[t][j] / (dn * dk);
    }
  }
  // Two-way ANOVA sums of squares: between targets, between judges, residual.
  double ss_targets = 0.0;
  double ss_judges = 0.0;
  double ss_total = 0.0;
  for (std::size_t t = 0; t < n; ++t) ss_targets += dk * (row_mean[t] - grand) * (row_mean[t] - grand);
  for (std::size_t j = 0; j < k; ++j) ss_judges += dn * (col_mean[j] - grand) * (col_mean[j] - grand);
  for (const auto& row : scores) {
    for (double x : row) ss_total += (x - grand) * (x - grand);
  }
  const double bms = ss_targets / (dn - 1.0);
  const double jms = ss_judges / (dk - 1.0);
  const double ems = (ss_total - ss_targets - ss_judges) / ((dn - 1.0) * (dk - 1.0));
  const double single_den = bms + (dk - 1.0) * ems + dk * (jms - ems) / dn;
  const double average_den = bms + (jms - ems) / dn;
  if (single_den == 0.0 || average_den == 0.0) {
    return MakeError(ErrorCode::kInvalidInput, "all scores are equal; the ICC is undefined");
  }
  return IntraclassCorrelation{(bms - ems) / single_den, (bms - ems) / average_den};
}

}  // namespace ocindex::core
