#include "core/uncertainty/rank_statistics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace ocindex::core {

std::vector<int> RanksHighFirst(const std::vector<double>& scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  std::vector<int> ranks(scores.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const bool tied = i > 0 && scores[order[i]] == scores[order[i - 1]];
    ranks[order[i]] = tied ? ranks[order[i - 1]] : static_cast<int>(i + 1);
  }
  return ranks;
}

double QuantileType7(std::vector<double> values, double p) {
  assert(!values.empty());
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

RankSummary SummariseRanks(const std::vector<int>& ranks) {
  assert(!ranks.empty());
  const std::vector<double> values(ranks.begin(), ranks.end());
  RankSummary summary;
  summary.mean = std::accumulate(values.begin(), values.end(), 0.0) /
                 static_cast<double>(values.size());
  summary.median = QuantileType7(values, 0.5);
  summary.q05 = QuantileType7(values, 0.05);
  summary.q95 = QuantileType7(values, 0.95);
  return summary;
}

}  // namespace ocindex::core
