// Decision analytics: what-if, what it takes, why two figures differ, peers and
// clusters. Each parses its parameters into the app's query, calls it, and answers
// with decision_json.h's body or the app's grid as CSV.
#include <fmt/format.h>

#include "adapters/io/scenario_json.h"
#include "faces/server/decision_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;

// A number parameter, or `fallback` when absent; nullopt when not a whole number.
std::optional<int> IntParam(const Request& request, const std::string& name, int fallback) {
  const std::string text = request.Param(name);
  if (text.empty()) return fallback;
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0') return std::nullopt;
  return static_cast<int>(value);
}

Response NotANumber(const std::string& name) {
  return ErrorResponse(MakeError(ErrorCode::kInvalidInput, fmt::format("{} must be a whole number", name)));
}

template <typename T, typename Grid>
Response Answer(const Request& request, const T& value, Json (*json)(const T&), Grid grid) {
  if (WantsCsv(request)) return CsvResponse(grid(value));
  return JsonResponse(json(value));
}

Response WhatIf(const app::Engine& engine, const app::LoadedEdition& edition, const Request& request,
                const std::string& country) {
  app::WhatIfQuery query{edition.id, country, SplitList(request.Param("change")), std::nullopt};
  // A '+' in a query string reads as a space: "law_enforcement= 1" is the shift "+1".
  for (std::string& change : query.changes) {
    if (size_t equals = change.find("= "); equals != std::string::npos) change[equals + 1] = '+';
  }
  if (const std::string scenario = request.Param("scenario"); !scenario.empty()) {
    auto parsed = adapters::io::ScenarioFromJson(scenario, "scenario");
    if (!parsed) return ErrorResponse(parsed.error());
    query.scenario = std::move(*parsed);
  }
  auto answer = app::WhatIf(engine, query);
  if (!answer) return CountryErrorResponse(engine, answer.error(), {country});
  return Answer(request, *answer, &WhatIfJson, app::WhatIfGrid);
}

Response Target(const app::Engine& engine, const app::LoadedEdition& edition, const Request& request,
                const std::string& country) {
  const auto ties = IntParam(request, "ties", app::kDefaultTies);
  if (!ties) return NotANumber("ties");
  const app::TargetQuery query{edition.id, country, request.Param("goal"), ParamOr(request, "scope", "world"),
                               SplitList(request.Param("allow")), SplitList(request.Param("cost")), *ties};
  auto plan = app::Target(engine, query);
  if (!plan) return CountryErrorResponse(engine, plan.error(), {country});
  return Answer(request, *plan, &TargetJson, app::TargetGrid);
}

Response Explain(const app::Engine& engine, const Request& request) {
  const app::ExplainQuery query{SplitList(request.Param("countries")), request.Param("edition"), request.Param("from"),
                                request.Param("to"), ParamOr(request, "measure", "criminality")};
  auto explanation = app::Explain(engine, query);
  if (!explanation) return CountryErrorResponse(engine, explanation.error(), query.countries);
  return Answer(request, *explanation, &ExplainJson, app::ExplainGrid);
}

Response Peers(const app::Engine& engine, const app::LoadedEdition& edition, const Request& request,
               const std::string& country) {
  const auto count = IntParam(request, "count", 5);
  if (!count) return NotANumber("count");
  const app::PeersQuery query{edition.id, country, ParamOr(request, "on", "all"), *count,
                              ParamOr(request, "trace", "criminality")};
  auto table = app::Peers(engine, query);
  if (!table) return CountryErrorResponse(engine, table.error(), {country});
  return Answer(request, *table, &PeersJson, app::PeersGrid);
}

Response Clusters(const app::Engine& engine, const app::LoadedEdition& edition, const Request& request) {
  const auto clusters = IntParam(request, "clusters", 0);
  if (!clusters) return NotANumber("clusters");
  auto table = app::Clusters(engine, app::ClustersQuery{edition.id, ParamOr(request, "on", "all"), *clusters});
  if (!table) return ErrorResponse(table.error());
  return Answer(request, *table, &ClustersJson, app::ClusterMembersGrid);
}

}  // namespace

void AddDecisionRoutes(RouteTable& table, const app::Engine& engine) {
  const ParamDoc edition{"edition", "path", true, "Edition year or 'latest'", "2025"};
  const ParamDoc csv{"format", "query", false, "'csv' for CSV (or send Accept: text/csv)", "json"};
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}/whatif",
       {"What-if: the country's indicator scores set or shifted (clamped to the scale), every composite, three-scope "
        "rank and quadrant before and after, the other countries whose ranks move, and the group averages",
        {edition, kUnitParam,
         {"change", "query", false,
          "Comma-separated changes: indicator=+1 shifts (encode '+' as %2B, or a space after '=' reads as '+'), "
          "indicator=4 sets",
          "law_enforcement=%2B1,anti_money_laundering=%2B1"},
         {"scenario", "query", false, "A saved scenario as JSON (docs/DECISION.md); changes are applied after it", ""},
         csv},
        {"edition", "scenario", "changes", "countries", "knock_on", "averages"}, true, "WhatIf"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& request, const PathParams& params) {
         return WhatIf(engine, e, request, params.at("iso3"));
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}/target",
       {"What it takes: the least total of half-point steps (optionally weighted by a cost per step) that reaches a "
        "goal, proven minimal by exact search, with the tied minimal plans up to a limit, or why it is out of reach",
        {edition, kUnitParam,
         {"goal", "query", true,
          "'resilience rank<=100', 'criminality rank>=150', 'resilience>=6', 'resilience>KGZ' or "
          "'quadrant=low criminality, high resilience'",
          "resilience rank%3C%3D60"},
         {"scope", "query", false, "For rank goals: world (default), continent or region", "world"},
         {"allow", "query", false, "Comma-separated indicators that may move (default: all)", "law_enforcement,judicial_system"},
         {"cost", "query", false, "Comma-separated costs per step, indicator=2 (default 1)", "judicial_system=2"},
         {"ties", "query", false, "Tied minimal plans listed at most (default 10)", "3"},
         csv},
        {"edition", "iso3", "name", "continent", "region", "goal", "summary", "reachable", "cost", "more_ties", "bounds",
         "plans"},
        true, "Target"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& request, const PathParams& params) {
         return Target(engine, e, request, params.at("iso3"));
       })});
  table.push_back(
      {"/api/v1/explain",
       {"Why two figures differ: one composite of two countries in an edition (countries=A,B) or of one country "
        "between two editions (countries=A&from=&to=), as exact per-indicator contributions and a waterfall that sums "
        "to the published difference",
        {{"countries", "query", true, "Two ISO3 codes (A minus B), or one with from and to", "KAZ,KGZ"},
         {"measure", "query", false, "Composite id (default criminality)", "criminality"},
         {"edition", "query", false, "For two countries: the edition (default latest)", "2025"},
         {"from", "query", false, "For one country: the earlier edition (default: the later one's previous)", ""},
         {"to", "query", false, "For one country: the later edition (default latest)", ""},
         csv},
        {"measure", "name", "between_editions", "a", "b", "difference", "exact_difference", "like_for_like", "waterfall"},
        true, "Explain"},
       [&engine](const Request& request, const PathParams&) { return Explain(engine, request); }});
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}/peers",
       {"Nearest peers by indicator profile (root mean square of score differences over the indicators both were "
        "assessed on) and their like-for-like trajectories across editions",
        {edition, kUnitParam,
         {"on", "query", false, "Compare the indicators beneath this composite (default: all)", "criminality"},
         {"count", "query", false, "Peers (1 to 50, default 5)", "5"},
         {"trace", "query", false, "Composite traced across editions (default criminality)", "resilience"},
         csv},
        {"edition", "iso3", "name", "continent", "region", "indicators", "distance", "peers", "trajectories"}, true,
        "Peers"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& request, const PathParams& params) {
         return Peers(engine, e, request, params.at("iso3"));
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/clusters",
       {"Ward clusters of every country by indicator profile, cut by the stated rule (or a given number), each with "
        "its distinctive indicators",
        {edition,
         {"on", "query", false, "Cluster on the indicators beneath this composite (default: all)", "criminality"},
         {"clusters", "query", false, "Number of clusters (default 0: the cut rule)", "0"},
         csv},
        {"edition", "indicators", "rule", "clusters", "assignment"}, true, "Clusters"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& request, const PathParams&) {
         return Clusters(engine, e, request);
       })});
}

}  // namespace ocindex::server
