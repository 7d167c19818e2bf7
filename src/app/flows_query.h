// The flows read from profile narratives: the graph of the stored narratives (all
// markets or one), one country's statements, and the rules the CLI applies when it
// extracts from narrative files itself (docs/FLOWS.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/flows.h"
#include "app/engine.h"
#include "app/published_flows.h"
#include "core/error.h"
#include "core/flows/flow_graph.h"
#include "core/flows/statement.h"

namespace ocindex::app {

struct FlowGraphQuery {
  std::optional<std::string> market;  // an indicator id of a stored edition; unset: every market
  double min_confidence = 0;          // leave out flows below this confidence (0-1)

  Status Validate() const;
  core::FlowGraphOptions Options() const { return {market.value_or(""), min_confidence}; }
};

struct FlowGraphResult {
  const PublishedFlows* flows = nullptr;
  core::FlowGraph graph;
};

// The graph of every stored narrative; kInvalidInput when the market is no stored
// edition's indicator.
Result<FlowGraphResult> FlowGraph(const Engine& engine, const FlowGraphQuery& query);

struct CountryFlowsQuery {
  std::string country;  // ISO3, name or alias

  Status Validate() const;
};

struct CountryFlowsResult {
  std::string iso3;
  const PublishedFlows* flows = nullptr;
  std::vector<size_t> narratives;  // indices into flows->statements of the country's narratives
  core::FlowGraph touching;        // the edges that start or end at the country, whoever states them
};

Result<CountryFlowsResult> CountryFlows(const Engine& engine, const CountryFlowsQuery& query);

// flows extract: the statements of a narrative file or of a country's stored narratives.
struct ExtractQuery {
  std::string kind;  // flow, role, market, actor or trend; empty: every kind

  Status Validate() const;
  std::optional<core::StatementKind> Kind() const;
};

// The stored narratives (current revisions) of `country` (ISO3, name or alias) in
// `edition` (empty: every edition), read anew from the catalog.
Result<std::vector<adapters::NarrativeSource>> StoredCountryNarratives(adapters::Catalog& catalog,
                                                                       const std::string& country,
                                                                       const std::string& edition);

}  // namespace ocindex::app
