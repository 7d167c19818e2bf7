#include "app/peers_query.h"

#include <fmt/format.h>

#include <numeric>

#include "app/country_query.h"
#include "app/labels.h"
#include "app/whatif_query.h"
#include "core/model/lookup.h"

namespace ocindex::app {

Result<std::vector<int>> IndicatorsOn(const core::Framework& framework, const std::string& on) {
  if (on.empty() || on == "all") {
    std::vector<int> all(framework.indicators.size());
    std::iota(all.begin(), all.end(), 0);
    return all;
  }
  int measure = 0;
  OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(framework, on));
  if (!framework.IsNode(measure)) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("'{}' is an indicator; compare on a composite or 'all'", on));
  }
  return framework.IndicatorsUnder(measure);
}

Status PeersQuery::Validate() const {
  OCINDEX_RETURN_IF_ERROR(RequireCountry(country));
  if (count < 1 || count > kMaxPeers) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("ask for 1 to {} peers, not {}", kMaxPeers, count));
  }
  return {};
}

Result<PeersTable> Peers(const Engine& engine, const PeersQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryInEdition found;
  OCINDEX_ASSIGN_OR_RETURN(found, FindCountryInEdition(engine, query.edition, query.country));
  PeersTable table;
  table.edition = found.edition;
  table.country = found.country;
  table.name = core::DisplayName(engine.geography(), *found.country);
  const core::Edition& edition = found.edition->edition;
  OCINDEX_ASSIGN_OR_RETURN(table.indicators, IndicatorsOn(edition.framework, query.on));
  const int country = static_cast<int>(found.country - edition.dataset.countries.data());
  table.peers = core::NearestPeers(edition.dataset, country, table.indicators, query.count);
  table.names = CountryNames(engine, *found.edition);
  // This edition and the ones before it by `previous`, oldest first: another index's
  // editions, stored alongside, are not its past.
  std::vector<const core::Edition*> editions;
  for (const LoadedEdition* e = found.edition; e != nullptr; e = e->previous) editions.insert(editions.begin(), &e->edition);
  std::vector<std::string> traced = {found.country->iso3};
  table.trajectory_names = {table.name};
  for (const core::Peer& peer : table.peers) {
    traced.push_back(edition.dataset.countries[static_cast<size_t>(peer.country)].iso3);
    table.trajectory_names.push_back(table.names[static_cast<size_t>(peer.country)]);
  }
  OCINDEX_ASSIGN_OR_RETURN(table.trajectories, core::TraceCountries(editions, traced, query.trace));
  return table;
}

adapters::render::Grid PeersGrid(const PeersTable& table) {
  adapters::render::Grid grid;
  grid.AddColumn("rank", true);
  for (const char* name : {"iso3", "country", "continent", "region"}) grid.AddColumn(name);
  grid.AddColumn("distance", true);
  grid.AddColumn("shared", true);
  for (size_t p = 0; p < table.peers.size(); ++p) {
    const core::Peer& peer = table.peers[p];
    const core::CountryEntry& country = table.edition->edition.dataset.countries[static_cast<size_t>(peer.country)];
    grid.rows.push_back({std::to_string(p + 1), country.iso3, table.names[static_cast<size_t>(peer.country)],
                         country.continent, country.region, fmt::format("{:.4f}", peer.distance.distance),
                         std::to_string(peer.distance.shared)});
  }
  return grid;
}

adapters::render::Grid TrajectoriesGrid(const PeersTable& table) {
  const core::Trajectories& t = table.trajectories;
  adapters::render::Grid grid;
  for (const char* name : {"iso3", "country", "edition"}) grid.AddColumn(name);
  grid.AddColumn(t.measure_id, true);
  grid.AddColumn(t.measure_id + "_like_for_like", true);
  for (size_t c = 0; c < t.countries.size(); ++c) {
    for (size_t e = 0; e < t.editions.size(); ++e) {
      grid.rows.push_back({t.countries[c].iso3, table.trajectory_names[c], t.editions[e],
                           Units(t.countries[c].raw[e], t.decimals), Units(t.countries[c].like[e], t.decimals)});
    }
  }
  return grid;
}

Status ClustersQuery::Validate() const {
  if (clusters < 0) return MakeError(ErrorCode::kInvalidInput, "the number of clusters cannot be negative");
  return {};
}

Result<ClustersTable> Clusters(const Engine& engine, const ClustersQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  ClustersTable table;
  OCINDEX_ASSIGN_OR_RETURN(table.edition, engine.Edition(query.edition));
  const core::Edition& edition = table.edition->edition;
  OCINDEX_ASSIGN_OR_RETURN(table.indicators, IndicatorsOn(edition.framework, query.on));
  OCINDEX_ASSIGN_OR_RETURN(table.clustering,
                           core::WardClusters(edition.dataset, table.indicators, core::ClusterOptions{query.clusters, 10, 3}));
  table.names = CountryNames(engine, *table.edition);
  return table;
}

adapters::render::Grid ClusterMembersGrid(const ClustersTable& table) {
  adapters::render::Grid grid;
  grid.AddColumn("cluster", true);
  for (const char* name : {"iso3", "country", "continent", "region"}) grid.AddColumn(name);
  for (size_t k = 0; k < table.clustering.clusters.size(); ++k) {
    for (int c : table.clustering.clusters[k].countries) {
      const core::CountryEntry& country = table.edition->edition.dataset.countries[static_cast<size_t>(c)];
      grid.rows.push_back({std::to_string(k + 1), country.iso3, table.names[static_cast<size_t>(c)], country.continent,
                           country.region});
    }
  }
  return grid;
}

adapters::render::Grid ClusterSummaryGrid(const ClustersTable& table) {
  const core::Framework& framework = table.edition->edition.framework;
  adapters::render::Grid grid;
  grid.AddColumn("cluster", true);
  grid.AddColumn("countries", true);
  grid.AddColumn("distinctive");
  for (size_t k = 0; k < table.clustering.clusters.size(); ++k) {
    const core::Cluster& cluster = table.clustering.clusters[k];
    std::vector<std::string> traits;
    for (const core::DistinctiveIndicator& d : cluster.distinctive) {
      traits.push_back(fmt::format("{} {:.2f} vs {:.2f} ({:+.1f} sd)", framework.indicators[static_cast<size_t>(d.indicator)].id,
                                   d.cluster_mean, d.overall_mean, d.z));
    }
    grid.rows.push_back({std::to_string(k + 1), std::to_string(cluster.countries.size()), fmt::format("{}", fmt::join(traits, "; "))});
  }
  return grid;
}

}  // namespace ocindex::app
