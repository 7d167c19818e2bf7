#include "app/flows_query.h"

#include <fmt/format.h>

#include "core/model/lookup.h"

namespace ocindex::app {
namespace {

// Whether any stored edition assesses `market` (a market or actor-type indicator).
Result<bool> IsIndicator(const Engine& engine, const std::string& market) {
  for (const std::string& id : engine.edition_ids()) {
    const LoadedEdition* edition = nullptr;
    OCINDEX_ASSIGN_OR_RETURN(edition, engine.Edition(id));
    for (const core::Indicator& indicator : edition->edition.framework.indicators) {
      if (indicator.id == market) return true;
    }
  }
  return false;
}

}  // namespace

Status FlowGraphQuery::Validate() const {
  if (min_confidence < 0 || min_confidence > 1) {
    return MakeError(ErrorCode::kInvalidInput, "the minimum confidence is between 0 and 1");
  }
  return {};
}

Result<FlowGraphResult> FlowGraph(const Engine& engine, const FlowGraphQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  FlowGraphResult result;
  OCINDEX_ASSIGN_OR_RETURN(result.flows, engine.Flows());
  const core::FlowGraph& all = result.flows->graph;
  if (!query.market && query.min_confidence == 0) {
    result.graph = all;
    return result;
  }
  if (query.market) {
    bool known = false;
    OCINDEX_ASSIGN_OR_RETURN(known, IsIndicator(engine, *query.market));
    if (!known) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("'{}' is not a market indicator id of any stored edition (e.g. heroin_trade)",
                                   *query.market));
    }
  }
  // Metrics depend on which flows are kept, so a confidence threshold rebuilds the graph.
  if (query.min_confidence > 0) {
    result.graph = core::BuildFlowGraph(result.flows->statements, query.Options());
    return result;
  }
  // A market's metrics were computed on its own edges, so filtering the full graph
  // gives what a one-market graph would.
  for (const core::FlowEdge& edge : all.edges) {
    if (edge.market == *query.market) result.graph.edges.push_back(edge);
  }
  for (const core::NodeMetrics& node : all.metrics) {
    if (node.market == *query.market) result.graph.metrics.push_back(node);
  }
  return result;
}

Status CountryFlowsQuery::Validate() const {
  if (country.empty()) return MakeError(ErrorCode::kInvalidInput, "give a country");
  return {};
}

Result<CountryFlowsResult> CountryFlows(const Engine& engine, const CountryFlowsQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CountryFlowsResult result;
  OCINDEX_ASSIGN_OR_RETURN(result.iso3, core::ResolveCountry(engine.geography(), query.country));
  OCINDEX_ASSIGN_OR_RETURN(result.flows, engine.Flows());
  const PublishedFlows& flows = *result.flows;
  for (size_t i = 0; i < flows.statements.size(); ++i) {
    if (flows.statements[i].country == result.iso3) result.narratives.push_back(i);
  }
  for (const core::FlowEdge& edge : flows.graph.edges) {
    if (edge.from == result.iso3 || edge.to == result.iso3) result.touching.edges.push_back(edge);
  }
  for (const core::NodeMetrics& node : flows.graph.metrics) {
    if (node.code == result.iso3) result.touching.metrics.push_back(node);
  }
  return result;
}

Status ExtractQuery::Validate() const {
  if (!kind.empty() && !core::ParseStatementKind(kind)) {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("'{}' is not a statement kind (flow, role, market, actor or trend)", kind));
  }
  return {};
}

std::optional<core::StatementKind> ExtractQuery::Kind() const {
  if (kind.empty()) return std::nullopt;
  return core::ParseStatementKind(kind);
}

Result<std::vector<adapters::NarrativeSource>> StoredCountryNarratives(adapters::Catalog& catalog,
                                                                       const std::string& country,
                                                                       const std::string& edition) {
  std::string iso3;
  OCINDEX_ASSIGN_OR_RETURN(iso3, core::ResolveCountry(catalog.geography(), country));
  return adapters::StoredNarratives(catalog, iso3, edition);
}

}  // namespace ocindex::app
