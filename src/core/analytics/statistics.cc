#include "core/analytics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <Eigen/Dense>
#include <fmt/format.h>

namespace ocindex::core::analytics {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double PearsonOf(const std::vector<double>& x, const std::vector<double>& y) {
  const size_t n = x.size();
  if (n < 3) return kNaN;
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(n);
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
  double sxy = 0;
  double sxx = 0;
  double syy = 0;
  for (size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx == 0 || syy == 0) return kNaN;
  return sxy / std::sqrt(sxx * syy);
}

void CompletePairs(const double* x, const double* y, size_t n, std::vector<double>& a, std::vector<double>& b) {
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    a.push_back(x[i]);
    b.push_back(y[i]);
  }
}

std::vector<double> AverageRanks(const std::vector<double>& x) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&x](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> rank(x.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    for (size_t k = i; k <= j; ++k) rank[order[k]] = static_cast<double>(i + j) / 2 + 1;
    i = j + 1;
  }
  return rank;
}

std::vector<size_t> CompleteRows(const std::vector<const double*>& columns, size_t n) {
  std::vector<size_t> rows;
  for (size_t r = 0; r < n; ++r) {
    bool complete = true;
    for (const double* column : columns) complete = complete && !std::isnan(column[r]);
    if (complete) rows.push_back(r);
  }
  return rows;
}

double SampleVariance(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  return ss / (n - 1);
}

}  // namespace

double Pearson(const double* x, const double* y, size_t n) {
  std::vector<double> a;
  std::vector<double> b;
  CompletePairs(x, y, n, a, b);
  return PearsonOf(a, b);
}

double Spearman(const double* x, const double* y, size_t n) {
  std::vector<double> a;
  std::vector<double> b;
  CompletePairs(x, y, n, a, b);
  return PearsonOf(AverageRanks(a), AverageRanks(b));
}

double CronbachAlpha(const std::vector<const double*>& columns, size_t n) {
  const size_t k = columns.size();
  const std::vector<size_t> rows = CompleteRows(columns, n);
  if (k < 2 || rows.size() < 2) return kNaN;
  std::vector<double> sums(rows.size(), 0.0);
  double item_variances = 0;
  std::vector<double> item(rows.size());
  for (const double* column : columns) {
    for (size_t i = 0; i < rows.size(); ++i) {
      item[i] = column[rows[i]];
      sums[i] += item[i];
    }
    item_variances += SampleVariance(item);
  }
  const double total = SampleVariance(sums);
  if (total == 0) return kNaN;
  const double kd = static_cast<double>(k);
  return kd / (kd - 1) * (1 - item_variances / total);
}

Result<PrincipalComponents> Pca(const std::vector<const double*>& columns, size_t n) {
  const size_t k = columns.size();
  if (k < 2) return MakeError(ErrorCode::kInvalidInput, "PCA needs at least 2 variables");
  const std::vector<size_t> rows = CompleteRows(columns, n);
  if (rows.size() < 3) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("PCA needs at least 3 units with every variable present, found {}", rows.size()));
  }
  // Standardise each column over the complete rows; their cross-product is the
  // correlation matrix.
  Eigen::MatrixXd z(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(k));
  for (size_t v = 0; v < k; ++v) {
    Eigen::VectorXd column(static_cast<Eigen::Index>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) column(static_cast<Eigen::Index>(i)) = columns[v][rows[i]];
    column.array() -= column.mean();
    const double norm = column.norm();
    if (norm == 0) {
      return MakeError(ErrorCode::kInvalidInput, fmt::format("PCA: variable {} has no spread", v + 1));
    }
    z.col(static_cast<Eigen::Index>(v)) = column / norm;
  }
  const Eigen::MatrixXd correlation = z.transpose() * z;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(correlation);
  if (solver.info() != Eigen::Success) return MakeError(ErrorCode::kInternal, "PCA: the eigen solver failed");

  PrincipalComponents out;
  out.rows_used = rows.size();
  // Eigen returns ascending eigenvalues; components are reported largest first.
  for (Eigen::Index c = static_cast<Eigen::Index>(k) - 1; c >= 0; --c) {
    const double value = solver.eigenvalues()(c);
    out.eigenvalues.push_back(value);
    out.explained.push_back(value / static_cast<double>(k));
    Eigen::VectorXd vector = solver.eigenvectors().col(c);
    if (vector.sum() < 0) vector = -vector;
    out.loadings.emplace_back(vector.data(), vector.data() + vector.size());
  }
  return out;
}

}  // namespace ocindex::core::analytics
