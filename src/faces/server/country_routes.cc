// One country's profile and several countries side by side.
#include <fmt/format.h>

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

std::string KindName(const core::Framework& framework, int measure) {
  return framework.IsNode(measure) ? core::NodeKindName(framework.nodes[static_cast<size_t>(measure)].kind)
                                   : "indicator";
}

Json QuadrantJson(std::optional<core::Quadrant> quadrant) {
  if (!quadrant) return nullptr;
  const bool criminality_high = *quadrant == core::Quadrant::kHighCriminalityLowResilience ||
                                *quadrant == core::Quadrant::kHighCriminalityHighResilience;
  const bool resilience_high = *quadrant == core::Quadrant::kHighCriminalityHighResilience ||
                               *quadrant == core::Quadrant::kLowCriminalityHighResilience;
  return Json{{"label", core::QuadrantName(*quadrant)},
              {"criminality_high", criminality_high},
              {"resilience_high", resilience_high}};
}

Json ScopedRanks(const std::array<core::Rank, 3>& ranks) {
  Json out = Json::object();
  for (size_t s = 0; s < core::kScopes.size(); ++s) out[core::ScopeName(core::kScopes[s])] = RankJson(ranks[s]);
  return out;
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

Response Profile(const Published& data, const PublishedEdition& published, const std::string& query) {
  std::vector<std::string> suggestions;
  auto index = FindCountry(data, published, query, suggestions);
  if (!index) return CountryError(index.error(), suggestions);
  const core::CountryEntry& country = published.edition.dataset.countries[static_cast<size_t>(*index)];
  const core::Edition* previous = published.previous ? &published.previous->edition : nullptr;
  auto summary = core::SummarizeCountry(published.edition, previous, country.iso3);
  if (!summary) return ErrorResponse(summary.error());
  const core::Framework& framework = published.edition.framework;
  const int decimals = framework.decimals;
  Json measures = Json::array();
  for (const core::MeasureSummary& row : summary->measures) {
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
                            {"kind", KindName(framework, row.measure)},
                            {"parent", parent.empty() ? Json() : Json(parent)},
                            {"value", Figure(row.current.value, decimals)},
                            {"ranks", ScopedRanks(row.current.ranks)},
                            {"means", {{"world", Figure(row.current.averages[0], decimals)},
                                       {"continent", Figure(row.current.averages[1], decimals)},
                                       {"region", Figure(row.current.averages[2], decimals)}}},
                            {"change", std::move(change)}});
  }
  Json out = {{"edition", published.year}};
  out.update(CountryJson(data.geography(), country));
  out["quadrant"] = QuadrantJson(summary->quadrant);
  out["previous_edition"] = published.previous ? Json(published.previous->year) : Json();
  out["measures"] = std::move(measures);
  return JsonResponse(out);
}

Response Compare(const Published& data, const PublishedEdition& published, const Request& request) {
  const std::vector<std::string> queries = SplitList(request.Param("countries"));
  if (queries.size() < 2 || queries.size() > 5) {
    return adapters::http::ErrorResponse(
        400, "invalid_input", fmt::format("give 2 to 5 countries (countries=KAZ,UZB), not {}", queries.size()));
  }
  std::vector<int> picked;
  for (const std::string& query : queries) {
    std::vector<std::string> suggestions;
    auto index = FindCountry(data, published, query, suggestions);
    if (!index) return CountryError(index.error(), suggestions);
    picked.push_back(*index);
  }
  const core::Framework& framework = published.edition.framework;
  const auto& countries = published.edition.dataset.countries;
  Json listed = Json::array();
  for (int c : picked) listed.push_back(CountryJson(data.geography(), countries[static_cast<size_t>(c)]));
  Json measures = Json::array();
  for (int m : core::DisplayOrder(framework)) {
    Json values = Json::object();
    for (int c : picked) {
      values[countries[static_cast<size_t>(c)].iso3] = Figure(published.card.rounded(c, m), framework.decimals);
    }
    measures.push_back(Json{{"id", framework.MeasureId(m)},
                            {"name", framework.MeasureName(m)},
                            {"kind", KindName(framework, m)},
                            {"values", std::move(values)}});
  }
  return JsonResponse(Json{{"edition", published.year}, {"countries", std::move(listed)}, {"measures", std::move(measures)}});
}

}  // namespace

void AddCountryRoutes(RouteTable& table, const Published& data) {
  const ParamDoc edition{"edition", "path", true, "Edition year or 'latest'", "2021"};
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}",
       {"One country: every figure with its three ranks, the world/continent/region means, the quadrant and the "
        "change since the previous edition",
        {edition, {"iso3", "path", true, "ISO3 code (case-insensitive), name or alias", "KAZ"}},
        {"edition", "iso3", "name", "continent", "region", "quadrant", "previous_edition", "measures"},
        false,
        "CountryProfile"},
       [&data](const Request&, const PathParams& params) {
         auto published = FindEdition(data, params.at("edition"));
         if (!published) return ErrorResponse(published.error());
         return Profile(data, **published, params.at("iso3"));
       }});
  table.push_back(
      {"/api/v1/editions/{edition}/compare",
       {"2 to 5 countries side by side on every measure",
        {edition, {"countries", "query", true, "2 to 5 comma-separated ISO3 codes", "KAZ,UZB,KGZ"}},
        {"edition", "countries", "measures"}, false, "Compare"},
       [&data](const Request& request, const PathParams& params) {
         auto published = FindEdition(data, params.at("edition"));
         if (!published) return ErrorResponse(published.error());
         return Compare(data, **published, request);
       }});
}

}  // namespace ocindex::server
