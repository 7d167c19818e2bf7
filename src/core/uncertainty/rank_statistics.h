// Ranks of model outputs and the summaries an uncertainty analysis reports on them.
#pragma once

#include <cstddef>
#include <vector>

namespace ocindex::core {

// Rank 1 = highest score; equal scores share the smaller rank (1, 2, 2, 4), as COINr
// ranks -score with ties.method = "min".
std::vector<int> RanksHighFirst(const std::vector<double>& scores);

// The p-quantile (0 <= p <= 1) by linear interpolation between order statistics:
// R's quantile type 7, COINr's default. `values` must not be empty.
double QuantileType7(std::vector<double> values, double p);

struct RankSummary {
  double mean = 0.0;
  double median = 0.0;
  double q05 = 0.0;
  double q95 = 0.0;
};

// Summary of one country's ranks over a set of runs; `ranks` must not be empty.
RankSummary SummariseRanks(const std::vector<int>& ranks);

}  // namespace ocindex::core
