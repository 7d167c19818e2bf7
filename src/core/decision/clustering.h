// Countries grouped by indicator profile: agglomerative clustering with Ward's
// criterion (each merge adds the least within-cluster sum of squares), by the
// nearest-neighbour chain in O(n^2). A not-assessed cell takes the indicator's mean
// over the countries assessed on it; countries with no assessed indicator are left
// out. The cut: a given number of clusters, else the number from 2 to 10 with the
// highest Calinski-Harabasz index (between- over within-cluster sum of squares, each
// per degree of freedom), read from the merge costs. Each cluster is
// described by its distinctive indicators: the largest |cluster mean - overall mean|
// in standard deviations of the indicator over every country.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"

namespace ocindex::core {

struct ClusterOptions {
  int clusters = 0;     // 0: by the cut rule
  int max_clusters = 10;
  int distinctive = 3;  // indicators listed per cluster
};

struct DistinctiveIndicator {
  int indicator = 0;
  double cluster_mean = 0;
  double overall_mean = 0;
  double z = 0;  // (cluster mean - overall mean) / overall standard deviation
};

struct Cluster {
  std::vector<int> countries;  // dataset order
  std::vector<DistinctiveIndicator> distinctive;
};

struct Clustering {
  std::vector<Cluster> clusters;     // biggest first; equal sizes by first member
  std::vector<int> assignment;       // per country: its cluster's index, -1 if left out
  std::vector<double> merge_costs;   // every merge's added sum of squares, ascending
  bool by_rule = false;              // the cut rule chose the number of clusters
};

inline constexpr const char* kClusterCutRule =
    "the number of clusters from 2 to 10 with the highest Calinski-Harabasz index";

// kInvalidInput when fewer than 2 countries can be clustered or `clusters` is out of range.
Result<Clustering> WardClusters(const Dataset& dataset, std::span<const int> indicators, const ClusterOptions& options);

}  // namespace ocindex::core
