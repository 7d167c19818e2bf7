#include "core/decision/clustering.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ocindex::core {
namespace {

struct Merge {
  int a = 0, b = 0;  // active cluster ids (points 0..n-1, merged clusters take the lower id)
  double cost = 0;
};

// Ward's merges by the nearest-neighbour chain on squared distances, updated by
// Lance-Williams; d holds half squared distances, so a merge's d is its added sum of squares.
std::vector<Merge> WardMerges(std::vector<double> d, int n) {
  auto at = [&d, n](int i, int j) -> double& { return d[static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j)]; };
  std::vector<int> size(static_cast<size_t>(n), 1);
  std::vector<bool> active(static_cast<size_t>(n), true);
  std::vector<int> chain;
  std::vector<Merge> merges;
  for (int remaining = n; remaining > 1;) {
    if (chain.empty()) {
      for (int i = 0; i < n; ++i) {
        if (active[static_cast<size_t>(i)]) {
          chain.push_back(i);
          break;
        }
      }
    }
    const int top = chain.back();
    const int previous = chain.size() > 1 ? chain[chain.size() - 2] : -1;
    // The nearest neighbour of the chain's end; the previous element wins ties, so the chain ends.
    int nearest = previous;
    double best = previous >= 0 ? at(top, previous) : INFINITY;
    for (int j = 0; j < n; ++j) {
      if (j == top || !active[static_cast<size_t>(j)]) continue;
      if (at(top, j) < best) {
        best = at(top, j);
        nearest = j;
      }
    }
    if (nearest != previous) {
      chain.push_back(nearest);
      continue;
    }
    chain.pop_back();
    chain.pop_back();
    const int keep = std::min(top, nearest);
    const int gone = std::max(top, nearest);
    merges.push_back(Merge{keep, gone, best});
    const double si = size[static_cast<size_t>(keep)];
    const double sj = size[static_cast<size_t>(gone)];
    for (int k = 0; k < n; ++k) {
      if (k == keep || k == gone || !active[static_cast<size_t>(k)]) continue;
      const double sk = size[static_cast<size_t>(k)];
      const double updated = ((si + sk) * at(keep, k) + (sj + sk) * at(gone, k) - sk * best) / (si + sj + sk);
      at(keep, k) = at(k, keep) = updated;
    }
    active[static_cast<size_t>(gone)] = false;
    size[static_cast<size_t>(keep)] += size[static_cast<size_t>(gone)];
    --remaining;
  }
  return merges;
}

}  // namespace

Result<Clustering> WardClusters(const Dataset& dataset, std::span<const int> indicators, const ClusterOptions& options) {
  const size_t dims = indicators.size();
  // The countries clustered and their imputed profiles.
  std::vector<int> members;
  for (int c = 0; c < dataset.country_count(); ++c) {
    if (std::any_of(indicators.begin(), indicators.end(), [&](int i) { return dataset.score(c, i).has_value(); })) {
      members.push_back(c);
    }
  }
  const int n = static_cast<int>(members.size());
  if (n < 2) return MakeError(ErrorCode::kInvalidInput, "fewer than 2 countries have a score to cluster on");
  const int most = std::min(options.max_clusters, n);
  if (options.clusters != 0 && (options.clusters < 1 || options.clusters > n)) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("ask for 1 to {} clusters, not {}", n, options.clusters));
  }
  std::vector<double> means(dims, 0), deviations(dims, 0);
  for (size_t k = 0; k < dims; ++k) {
    int assessed = 0;
    for (int c : members) {
      if (const auto& s = dataset.score(c, indicators[k])) {
        means[k] += s->ToDouble();
        ++assessed;
      }
    }
    means[k] = assessed > 0 ? means[k] / assessed : 0;
  }
  std::vector<double> points(static_cast<size_t>(n) * dims);
  for (int p = 0; p < n; ++p) {
    for (size_t k = 0; k < dims; ++k) {
      const auto& s = dataset.score(members[static_cast<size_t>(p)], indicators[k]);
      points[static_cast<size_t>(p) * dims + k] = s ? s->ToDouble() : means[k];
    }
  }
  for (size_t k = 0; k < dims; ++k) {
    for (int p = 0; p < n; ++p) deviations[k] += std::pow(points[static_cast<size_t>(p) * dims + k] - means[k], 2);
    deviations[k] = std::sqrt(deviations[k] / n);
  }
  std::vector<double> d(static_cast<size_t>(n) * static_cast<size_t>(n), 0);
  for (int p = 0; p < n; ++p) {
    for (int q = p + 1; q < n; ++q) {
      double squares = 0;
      for (size_t k = 0; k < dims; ++k) {
        const double diff = points[static_cast<size_t>(p) * dims + k] - points[static_cast<size_t>(q) * dims + k];
        squares += diff * diff;
      }
      d[static_cast<size_t>(p) * static_cast<size_t>(n) + static_cast<size_t>(q)] =
          d[static_cast<size_t>(q) * static_cast<size_t>(n) + static_cast<size_t>(p)] = squares / 2;
    }
  }
  std::vector<Merge> merges = WardMerges(std::move(d), n);
  // Ward's costs never decrease along the merges in order of cost; the chain finds them out of order.
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& x, const Merge& y) { return x.cost < y.cost; });

  Clustering out;
  for (const Merge& merge : merges) out.merge_costs.push_back(merge.cost);
  int k = options.clusters;
  if (k == 0) {
    out.by_rule = true;
    // Ward's merge costs add up to the within-cluster sum of squares: cutting into k
    // clusters keeps the first n-k merges, and all of them make the total.
    const double total = std::accumulate(out.merge_costs.begin(), out.merge_costs.end(), 0.0);
    double within = total;
    double best = -1;
    for (int candidate = 2; candidate <= most; ++candidate) {
      within -= out.merge_costs[static_cast<size_t>(n - candidate)];
      const double index = within > 0 ? ((total - within) / (candidate - 1)) / (within / (n - candidate)) : 0;
      if (index > best) {
        best = index;
        k = candidate;
      }
    }
    if (k == 0) k = std::min(2, n);
  }
  // Union the first n-k merges.
  std::vector<int> parent(static_cast<size_t>(n));
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&parent](int x) {
    while (parent[static_cast<size_t>(x)] != x) x = parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
    return x;
  };
  for (int m = 0; m < n - k; ++m) parent[static_cast<size_t>(root(merges[static_cast<size_t>(m)].b))] = root(merges[static_cast<size_t>(m)].a);
  std::vector<std::vector<int>> groups;
  std::vector<int> group_of_root(static_cast<size_t>(n), -1);
  for (int p = 0; p < n; ++p) {
    int& g = group_of_root[static_cast<size_t>(root(p))];
    if (g < 0) {
      g = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    groups[static_cast<size_t>(g)].push_back(p);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  out.assignment.assign(static_cast<size_t>(dataset.country_count()), -1);
  for (size_t g = 0; g < groups.size(); ++g) {
    Cluster& cluster = out.clusters.emplace_back();
    std::vector<DistinctiveIndicator> all;
    for (size_t dim = 0; dim < dims; ++dim) {
      double sum = 0;
      for (int p : groups[g]) sum += points[static_cast<size_t>(p) * dims + dim];
      const double mean = sum / static_cast<double>(groups[g].size());
      const double z = deviations[dim] > 0 ? (mean - means[dim]) / deviations[dim] : 0;
      all.push_back(DistinctiveIndicator{indicators[dim], mean, means[dim], z});
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return std::abs(x.z) > std::abs(y.z); });
    all.resize(std::min(all.size(), static_cast<size_t>(std::max(options.distinctive, 0))));
    cluster.distinctive = std::move(all);
    for (int p : groups[g]) {
      cluster.countries.push_back(members[static_cast<size_t>(p)]);
      out.assignment[static_cast<size_t>(members[static_cast<size_t>(p)])] = static_cast<int>(g);
    }
  }
  return out;
}

}  // namespace ocindex::core
