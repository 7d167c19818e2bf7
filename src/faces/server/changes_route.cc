// Changes of one measure between two editions, as published (raw) or recomputed on
// the indicators both editions assessed (like-for-like), via core::CompareEditions.
#include <fmt/format.h>

#include <algorithm>

#include "core/model/lookup.h"
#include "core/scoring/comparison.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;
using adapters::render::Grid;

std::string Note(const core::EditionComparison& comparison, const core::Framework& before,
                 const core::Framework& after) {
  if (comparison.only_before.empty() && comparison.only_after.empty()) {
    return fmt::format("Editions {} and {} assess the same indicators under {}, so raw and like-for-like changes "
                       "agree.", comparison.before_edition, comparison.after_edition, comparison.measure_name);
  }
  return fmt::format(
      "Raw changes compare the figures as published. Between {} and {} the framework added {} and dropped {}, so a "
      "raw change can come from the new indicators entering the mean rather than from changed scores. "
      "Like-for-like recomputes both editions on the {} indicators they share.",
      comparison.before_edition, comparison.after_edition,
      comparison.only_after.empty() ? "no indicator" : core::IndicatorNames(after, comparison.only_after),
      comparison.only_before.empty() ? "none" : core::IndicatorNames(before, comparison.only_before),
      comparison.shared_indicators.size());
}

Response Changes(const Published& data, const Request& request) {
  const std::string to_id = request.HasParam("to") ? request.Param("to") : "latest";
  auto after = FindEdition(data, to_id);
  if (!after) return ErrorResponse(after.error());
  const std::string from_id =
      request.HasParam("from") ? request.Param("from") : (*after)->edition.framework.previous;
  if (from_id.empty()) {
    return adapters::http::ErrorResponse(400, "invalid_input",
                                         fmt::format("edition {} has no previous edition; pass from=", (*after)->id));
  }
  auto before = FindEdition(data, from_id);
  if (!before) return ErrorResponse(before.error());
  const std::string basis = request.HasParam("basis") ? request.Param("basis") : "raw";
  if (basis != "raw" && basis != "like-for-like") {
    return adapters::http::ErrorResponse(400, "invalid_input",
                                         "'basis' must be raw or like-for-like, not '" + basis + "'");
  }
  const std::string measure = request.HasParam("measure") ? request.Param("measure") : "criminality";
  auto comparison = core::CompareEditions((*before)->edition, (*after)->edition, measure, core::Scope::kWorld);
  if (!comparison) {
    const Error& error = comparison.error();
    return adapters::http::ErrorResponse(400, "invalid_input", error.message);
  }
  const bool raw = basis == "raw";
  const int d = comparison->decimals;
  auto rows = comparison->countries;
  auto change = [raw](const core::CountryChange& row) { return raw ? row.raw_change() : row.like_change(); };
  // Biggest risers first; countries with no change figure last.
  std::stable_sort(rows.begin(), rows.end(), [&](const core::CountryChange& a, const core::CountryChange& b) {
    auto ca = change(a), cb = change(b);
    if (ca.has_value() != cb.has_value()) return ca.has_value();
    return ca.value_or(0) > cb.value_or(0);
  });
  const core::Dataset& dataset = (*after)->edition.dataset;
  const bool csv = WantsCsv(request);
  Grid grid;
  if (csv) {
    for (const char* name : {"iso3", "name", "continent", "region"}) grid.AddColumn(name);
    for (const char* name : {"from", "to", "delta", "rank_from", "rank_to", "rank_change"}) grid.AddColumn(name, true);
  }
  Json out_rows = Json::array();
  for (const core::CountryChange& row : rows) {
    const core::ValueAndRank& from = raw ? row.raw_before : row.like_before;
    const core::ValueAndRank& to = raw ? row.raw_after : row.like_after;
    auto index = dataset.FindCountry(row.iso3);
    if (!index) continue;
    const core::CountryEntry& country = dataset.countries[static_cast<size_t>(*index)];
    const bool ranked = from.rank.position != 0 && to.rank.position != 0;
    auto position = [](const core::Rank& rank) { return rank.position ? std::optional(rank.position) : std::nullopt; };
    const std::optional<int> rank_change =
        ranked ? std::optional(from.rank.position - to.rank.position) : std::nullopt;
    if (csv) {
      auto text = [](std::optional<int> n) { return n ? std::optional(std::to_string(*n)) : std::nullopt; };
      grid.rows.push_back({country.iso3, core::DisplayName(data.geography(), country), country.continent,
                           country.region, CsvFigure(from.value, d), CsvFigure(to.value, d),
                           CsvFigure(change(row), d), text(position(from.rank)), text(position(to.rank)),
                           text(rank_change)});
      continue;
    }
    Json entry = CountryJson(data.geography(), country);
    entry["from"] = Figure(from.value, d);
    entry["to"] = Figure(to.value, d);
    entry["delta"] = Figure(change(row), d);
    entry["rank_from"] = position(from.rank) ? Json(from.rank.position) : Json();
    entry["rank_to"] = position(to.rank) ? Json(to.rank.position) : Json();
    entry["rank_change"] = rank_change ? Json(*rank_change) : Json();
    out_rows.push_back(std::move(entry));
  }
  if (csv) return CsvResponse(grid);
  return JsonResponse(Json{{"from", (*before)->year},
                           {"to", (*after)->year},
                           {"measure", comparison->measure_id},
                           {"basis", basis},
                           {"note", Note(*comparison, (*before)->edition.framework, (*after)->edition.framework)},
                           {"shared_indicators", comparison->shared_indicators},
                           {"added", comparison->only_after},
                           {"dropped", comparison->only_before},
                           {"rows", std::move(out_rows)}});
}

}  // namespace

void AddChangesRoutes(RouteTable& table, const Published& data) {
  table.push_back(
      {"/api/v1/changes",
       {"Changes of one measure between two editions, raw or like-for-like; rank_change > 0 moved toward rank 1",
        {{"from", "query", false, "Earlier edition (default: the later one's previous)", "2021"},
         {"to", "query", false, "Later edition (default: latest)", "2023"},
         {"measure", "query", false, "Measure id (default: criminality)", "criminality"},
         {"basis", "query", false, "raw (default) or like-for-like", "like-for-like"},
         {"format", "query", false, "'csv' for CSV (or send Accept: text/csv)", "json"}},
        {"from", "to", "measure", "basis", "note", "shared_indicators", "added", "dropped", "rows"}, true},
       [&data](const Request& request, const PathParams&) { return Changes(data, request); }});
}

}  // namespace ocindex::server
