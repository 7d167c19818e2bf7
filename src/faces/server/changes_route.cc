// Changes of one measure between two editions, as published (raw) or recomputed on
// the indicators both editions assessed (like-for-like), via core::CompareEditions.
#include <fmt/format.h>

#include "app/changes_query.h"
#include "app/labels.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;
using adapters::render::Grid;

std::string Note(const app::ChangesTable& table) {
  const core::EditionComparison& comparison = table.comparison;
  if (comparison.only_before.empty() && comparison.only_after.empty()) {
    return fmt::format("Editions {} and {} assess the same indicators under {}, so raw and like-for-like changes "
                       "agree.", comparison.before_edition, comparison.after_edition, comparison.measure_name);
  }
  return fmt::format(
      "Raw changes compare the figures as published. Between {} and {} the framework added {} and dropped {}, so a "
      "raw change can come from the new indicators entering the mean rather than from changed scores. "
      "Like-for-like recomputes both editions on the {} indicators they share.",
      comparison.before_edition, comparison.after_edition, table.added.empty() ? "no indicator" : table.added,
      table.dropped.empty() ? "none" : table.dropped, comparison.shared_indicators.size());
}

Response Changes(const app::Engine& engine, const Request& request) {
  const app::ChangesQuery query{ParamOr(request, "to", "latest"), request.Param("from"),
                                ParamOr(request, "measure", "criminality"), "world", ParamOr(request, "basis", "raw")};
  auto table = app::Changes(engine, query);
  if (!table) return ErrorResponse(table.error());
  const int d = table->comparison.decimals;
  if (WantsCsv(request)) {
    Grid grid;
    for (const char* name : {"iso3", "name", "continent", "region"}) grid.AddColumn(name);
    for (const char* name : {"from", "to", "delta", "rank_from", "rank_to", "rank_change"}) grid.AddColumn(name, true);
    for (const app::ChangeRow& row : table->rows) {
      grid.rows.push_back({row.country->iso3, row.name, row.country->continent, row.country->region,
                           app::Units(row.before.value, d), app::Units(row.after.value, d), app::Units(row.delta, d),
                           app::Text(app::Position(row.before.rank)), app::Text(app::Position(row.after.rank)),
                           app::Text(app::RankChange(row.before.rank, row.after.rank))});
    }
    return CsvResponse(grid);
  }
  auto number = [](std::optional<int> n) { return n ? Json(*n) : Json(); };
  Json rows = Json::array();
  for (const app::ChangeRow& row : table->rows) {
    Json entry = CountryJson(*row.country, row.name);
    entry["from"] = Figure(row.before.value, d);
    entry["to"] = Figure(row.after.value, d);
    entry["delta"] = Figure(row.delta, d);
    entry["rank_from"] = number(app::Position(row.before.rank));
    entry["rank_to"] = number(app::Position(row.after.rank));
    entry["rank_change"] = number(app::RankChange(row.before.rank, row.after.rank));
    rows.push_back(std::move(entry));
  }
  return JsonResponse(Json{{"from", table->before->year},
                           {"to", table->after->year},
                           {"measure", table->comparison.measure_id},
                           {"basis", table->raw ? "raw" : "like-for-like"},
                           {"note", Note(*table)},
                           {"shared_indicators", table->comparison.shared_indicators},
                           {"added", table->comparison.only_after},
                           {"dropped", table->comparison.only_before},
                           {"rows", std::move(rows)}});
}

}  // namespace

void AddChangesRoutes(RouteTable& table, const app::Engine& engine) {
  table.push_back(
      {"/api/v1/changes",
       {"Changes of one measure between two editions, raw or like-for-like; rank_change > 0 moved toward rank 1",
        {{"from", "query", false, "Earlier edition (default: the later one's previous)", "2021"},
         {"to", "query", false, "Later edition (default: latest)", "2023"},
         {"measure", "query", false, "Measure id (default: criminality)", "criminality"},
         {"basis", "query", false, "raw (default) or like-for-like", "like-for-like"},
         {"format", "query", false, "'csv' for CSV (or send Accept: text/csv)", "json"}},
        {"from", "to", "measure", "basis", "note", "shared_indicators", "added", "dropped", "rows"}, true, "Changes"},
       [&engine](const Request& request, const PathParams&) { return Changes(engine, request); }});
}

}  // namespace ocindex::server
