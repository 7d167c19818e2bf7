// Who is alike: a country's nearest peers by indicator profile (core/decision/peers.h)
// with their like-for-like trajectories across the stored editions, and Ward clusters
// of every country (core/decision/clustering.h).
#pragma once

#include <string>
#include <vector>

#include "adapters/render/grid.h"
#include "app/engine.h"
#include "core/decision/clustering.h"
#include "core/decision/peers.h"
#include "core/decision/trajectories.h"
#include "core/error.h"

namespace ocindex::app {

inline constexpr int kMaxPeers = 50;

struct PeersQuery {
  std::string edition;
  std::string country;
  std::string on = "all";  // a composite id: compare the indicators beneath it; "all": every indicator
  int count = 5;
  std::string trace = "criminality";  // the composite traced across editions

  Status Validate() const;
};

struct PeersTable {
  const LoadedEdition* edition = nullptr;
  const core::CountryEntry* country = nullptr;
  std::string name;
  std::vector<int> indicators;  // compared
  std::vector<core::Peer> peers;
  std::vector<std::string> names;  // every country of the edition
  core::Trajectories trajectories;  // the country, then its peers
  std::vector<std::string> trajectory_names;
};

Result<PeersTable> Peers(const Engine& engine, const PeersQuery& query);
adapters::render::Grid PeersGrid(const PeersTable& table);
adapters::render::Grid TrajectoriesGrid(const PeersTable& table);

struct ClustersQuery {
  std::string edition;
  std::string on = "all";
  int clusters = 0;  // 0: the cut rule

  Status Validate() const;
};

struct ClustersTable {
  const LoadedEdition* edition = nullptr;
  std::vector<int> indicators;
  core::Clustering clustering;
  std::vector<std::string> names;
};

Result<ClustersTable> Clusters(const Engine& engine, const ClustersQuery& query);
// Each country with its cluster (1 = biggest).
adapters::render::Grid ClusterMembersGrid(const ClustersTable& table);
// Each cluster: its size and distinctive indicators.
adapters::render::Grid ClusterSummaryGrid(const ClustersTable& table);

// The indicators beneath a composite (id or name), or every indicator for "all".
Result<std::vector<int>> IndicatorsOn(const core::Framework& framework, const std::string& on);

}  // namespace ocindex::app
