// Multivariate statistics for auditing composite indicators: correlations,
// Cronbach's alpha and principal components. Columns are arrays of n doubles in which
// NaN marks a missing value; each function says how it treats missing values.
#pragma once

#include <cstddef>
#include <vector>

#include "core/error.h"

namespace ocindex::core::analytics {

// Pearson's r over the pairs where both values are present; NaN with fewer than 3
// pairs or when either column has no spread over them.
double Pearson(const double* x, const double* y, size_t n);

// Spearman's rho: Pearson's r of the average ranks of the pairwise-complete values.
double Spearman(const double* x, const double* y, size_t n);

// Cronbach's alpha (Cronbach 1951) of k >= 2 columns over the rows where all are
// present: k / (k - 1) * (1 - sum of item variances / variance of the row sums).
// NaN with fewer than 2 complete rows or no variance in the sums.
double CronbachAlpha(const std::vector<const double*>& columns, size_t n);

struct PrincipalComponents {
  size_t rows_used = 0;                  // complete rows the correlation matrix came from
  std::vector<double> eigenvalues;       // of the correlation matrix, largest first
  std::vector<double> explained;         // eigenvalue / number of variables (sums to 1)
  // loadings[c][v]: unit-length eigenvector c, entry for variable v; each vector's
  // sign is chosen so that its entries sum to >= 0 (eigenvectors have no sign).
  std::vector<std::vector<double>> loadings;
};

// PCA on the correlation matrix of the columns over their complete rows (Eigen's
// SelfAdjointEigenSolver). Fails with fewer than 2 columns, fewer than 3 complete
// rows, or a column with no spread.
Result<PrincipalComponents> Pca(const std::vector<const double*>& columns, size_t n);

}  // namespace ocindex::core::analytics
