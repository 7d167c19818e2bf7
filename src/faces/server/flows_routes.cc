// The flow graph of the stored narratives (all markets or one) and one country's
// statements with their evidence, from the flows extracted at start-up.
#include <set>

#include "adapters/render/flows_render.h"
#include "app/flows_query.h"
#include "faces/server/api_json.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;

// The sentence an evidence reference points at, quoted from the stored narrative.
std::string Quote(const app::PublishedFlows& flows, const Json& evidence) {
  const core::Narrative* narrative =
      flows.NarrativeOf(evidence["country"].get<std::string>(), evidence["edition"].get<std::string>());
  const core::NarrativeSection* section =
      narrative == nullptr ? nullptr : narrative->Find(evidence["section"].get<std::string>());
  const auto begin = evidence["begin"].get<size_t>();
  const auto end = evidence["end"].get<size_t>();
  if (section == nullptr || end > section->text.size() || begin > end) return {};
  return section->text.substr(begin, end - begin);
}

// Edges (with quoted evidence) and nodes of the graph, the markets present, and the
// point of every place drawn, for maps.
Json GraphBody(const app::Engine& engine, const app::PublishedFlows& flows, const core::FlowGraph& graph) {
  const adapters::render::PlaceNamer names{engine.geography(), flows.gazetteer};
  Json body = adapters::render::GraphJson(graph, names);
  std::set<std::string> markets;
  Json points = Json::object();
  for (Json& edge : body["edges"]) {
    markets.insert(edge["market"].get<std::string>());
    for (Json& evidence : edge["evidence"]) evidence["text"] = Quote(flows, evidence);
  }
  for (const Json& node : body["nodes"]) {
    const std::string code = node["code"].get<std::string>();
    if (points.contains(code)) continue;
    const auto point = flows.gazetteer.Point(code);
    points[code] = point ? Json{{"name", names(code)}, {"lat", point->lat}, {"lon", point->lon}}
                         : Json{{"name", names(code)}, {"lat", nullptr}, {"lon", nullptr}};
  }
  Json out = {{"narratives", flows.statements.size()}, {"markets", markets}};
  out["edges"] = std::move(body["edges"]);
  out["nodes"] = std::move(body["nodes"]);
  out["points"] = std::move(points);
  return out;
}

Response Graph(const app::Engine& engine, const Request& request) {
  app::FlowGraphQuery query;
  if (request.HasParam("market")) query.market = request.Param("market");
  auto graph = app::FlowGraph(engine, query);
  if (!graph) return ErrorResponse(graph.error());
  return JsonResponse(GraphBody(engine, *graph->flows, graph->graph));
}

Response CountryFlows(const app::Engine& engine, const std::string& query) {
  auto country = app::CountryFlows(engine, app::CountryFlowsQuery{query});
  if (!country) return ErrorResponse(country.error());
  const app::PublishedFlows& flows = *country->flows;
  const adapters::render::PlaceNamer names{engine.geography(), flows.gazetteer};
  Json narratives = Json::array();
  for (size_t i : country->narratives) {
    narratives.push_back(adapters::render::StatementJson(flows.statements[i], flows.narratives[i], names, std::nullopt));
  }
  Json graph = GraphBody(engine, flows, country->touching);
  return JsonResponse(Json{{"iso3", country->iso3},
                           {"name", names(country->iso3)},
                           {"narratives", std::move(narratives)},
                           {"edges", std::move(graph["edges"])},
                           {"metrics", std::move(graph["nodes"])}});
}

}  // namespace

void AddFlowsRoutes(RouteTable& table, const app::Engine& engine) {
  table.push_back(
      {"/api/v1/flows",
       {"The flow graph of the stored narratives: edges by market with quoted evidence, in/out degree and "
        "betweenness per place and market ('*' = all markets), and each place's point (docs/FLOWS.md)",
        {{"market", "query", false, "Only this market (indicator id)", "heroin_trade"}},
        {"narratives", "markets", "edges", "nodes", "points"}, false, "FlowGraph"},
       [&engine](const Request& request, const PathParams&) { return Graph(engine, request); }});
  table.push_back(
      {"/api/v1/flows/countries/{iso3}",
       {"One country's statements read from its stored narratives (markets, roles, flows, actors, trends, each "
        "with evidence) and the graph edges that start or end there",
        {{"iso3", "path", true, "ISO3 code or country name", "KAZ"}},
        {"iso3", "name", "narratives", "edges", "metrics"}, false, "CountryFlows"},
       [&engine](const Request&, const PathParams& params) { return CountryFlows(engine, params.at("iso3")); }});
}

}  // namespace ocindex::server
