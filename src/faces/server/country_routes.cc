// One country's profile, several countries side by side, and the search for a country
// by any of its names.
#include "app/compare_query.h"
#include "app/country_query.h"
#include "core/scoring/country_summary.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;

std::string ParentId(const core::Framework& framework, int measure) {
  if (!framework.IsNode(measure)) {
    return framework.indicators[static_cast<size_t>(measure) - framework.nodes.size()].group_id;
  }
  return framework.nodes[static_cast<size_t>(measure)].parent_id;
}

// Positive when the country moved toward rank 1; null when either side is unranked.
Json RankChanges(const std::array<core::Rank, 3>& before, const std::array<core::Rank, 3>& after) {
  Json out = Json::object();
  for (size_t s = 0; s < core::kScopes.size(); ++s) {
    const bool ranked = before[s].position != 0 && after[s].position != 0;
    out[core::ScopeName(core::kScopes[s])] = ranked ? Json(before[s].position - after[s].position) : Json();
  }
  return out;
}

Response Profile(const app::Engine& engine, const app::LoadedEdition& published, const std::string& query) {
  auto profile = app::Country(engine, app::CountryQuery{query, published.id});
  if (!profile) return CountryErrorResponse(engine, profile.error(), {query});
  const core::Framework& framework = published.edition.framework;
  const int decimals = framework.decimals;
  Json measures = Json::array();
  for (const core::MeasureSummary& row : profile->summary.measures) {
    const std::string parent = ParentId(framework, row.measure);
    Json change = nullptr;
    if (row.previous) {
      const auto& before = row.previous->value;
      const auto& now = row.current.value;
      change = Json{{"previous", Figure(before, decimals)},
                    {"delta", before && now ? Figure(*now - *before, decimals) : Json()},
                    {"rank_change", RankChanges(row.previous->ranks, row.current.ranks)}};
    }
    measures.push_back(Json{{"id", framework.MeasureId(row.measure)},
                            {"name", framework.MeasureName(row.measure)},
                            {"kind", MeasureKindName(framework, row.measure)},
                            {"parent", parent.empty() ? Json() : Json(parent)},
                            {"value", Figure(row.current.value, decimals)},
                            {"ranks", ScopedRanks(row.current.ranks)},
                            {"means", {{"world", Figure(row.current.averages[0], decimals)},
                                       {"continent", Figure(row.current.averages[1], decimals)},
                                       {"region", Figure(row.current.averages[2], decimals)}}},
                            {"change", std::move(change)}});
  }
  Json out = {{"edition", published.year}};
  out.update(CountryJson(*profile->country, profile->name));
  out["quadrant"] = QuadrantJson(profile->summary.quadrant, profile->quadrant);
  out["previous_edition"] = published.previous ? Json(published.previous->year) : Json();
  out["measures"] = std::move(measures);
  return JsonResponse(out);
}

Response Compare(const app::Engine& engine, const app::LoadedEdition& published, const Request& request) {
  const app::CompareQuery query{published.id, SplitList(request.Param("countries"))};
  auto table = app::Compare(engine, query);
  if (!table) return CountryErrorResponse(engine, table.error(), query.countries);
  const core::Framework& framework = published.edition.framework;
  Json listed = Json::array();
  for (size_t c = 0; c < table->countries.size(); ++c) listed.push_back(CountryJson(*table->countries[c], table->names[c]));
  Json measures = Json::array();
  for (const app::CompareRow& row : table->rows) {
    Json values = Json::object();
    for (size_t c = 0; c < table->countries.size(); ++c) {
      values[table->countries[c]->iso3] = Figure(row.figures[c].value, table->decimals);
    }
    measures.push_back(Json{{"id", framework.MeasureId(row.measure)},
                            {"name", framework.MeasureName(row.measure)},
                            {"kind", MeasureKindName(framework, row.measure)},
                            {"values", std::move(values)}});
  }
  return JsonResponse(Json{{"edition", published.year}, {"countries", std::move(listed)}, {"measures", std::move(measures)}});
}

// The core's search (Geography::Search), so that the explorer's search box finds what
// the CLI and the importers find; suggestions when nothing matches.
Response Search(const app::Engine& engine, const Request& request) {
  if (!request.HasParam("q")) return ErrorResponse(MakeError(ErrorCode::kInvalidInput, "expected ?q=, the text to search for"));
  const std::string query = request.Param("q");
  Json found = Json::array();
  for (const core::Geography::Match& match : engine.geography().Search(query)) {
    found.push_back(Json{{"iso3", match.country->iso3}, {"name", match.country->name}, {"matched", match.matched}});
  }
  const std::vector<std::string> suggestions =
      found.empty() ? engine.geography().Suggest(query) : std::vector<std::string>{};
  return JsonResponse(Json{{"query", query}, {"countries", std::move(found)}, {"suggestions", suggestions}});
}

}  // namespace

void AddCountryRoutes(RouteTable& table, const app::Engine& engine) {
  const ParamDoc edition{"edition", "path", true, "Edition year or 'latest'", "2021"};
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}",
       {"One country: every figure with its three ranks, the world/continent/region means, the quadrant and the "
        "change since the previous edition",
        {edition, kUnitParam},
        {"edition", "iso3", "name", "continent", "region", "quadrant", "previous_edition", "measures"}, false, "CountryProfile"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request&, const PathParams& params) {
         return Profile(engine, e, params.at("iso3"));
       })});
  table.push_back(
      {"/api/v1/countries",
       {"Countries whose ISO3, name or an alias matches a search (case, accents and punctuation ignored: "
        "'turkey' finds Türkiye), best first; close names as suggestions when none does",
        {{"q", "query", true, "What was typed", "turkey"}},
        {"query", "countries", "suggestions"}, false, "CountrySearch"},
       [&engine](const Request& request, const PathParams&) { return Search(engine, request); }});
  table.push_back(
      {"/api/v1/editions/{edition}/compare",
       {"2 to 5 countries side by side on every measure",
        {edition, {"countries", "query", true, "2 to 5 comma-separated ISO3 codes", "KAZ,UZB,KGZ"}},
        {"edition", "countries", "measures"}, false, "Compare"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& request, const PathParams&) {
         return Compare(engine, e, request);
       })});
}

}  // namespace ocindex::server
