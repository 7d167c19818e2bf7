// editions, framework, countries, scores, ranks, aggregates: views of one edition.
#include "app/aggregates_query.h"
#include "app/labels.h"
#include "app/ranks_query.h"
#include "app/scores_query.h"
#include "core/scoring/country_summary.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;
using adapters::render::Grid;

const ParamDoc kEditionParam{"edition", "path", true, "Edition year or 'latest'", "2021"};
const ParamDoc kContinentParam{"continent", "query", false, "Only countries of this continent", "Asia"};
const ParamDoc kRegionParam{"region", "query", false, "Only countries of this region",
                             "Central Asia and the Caucasus"};
const ParamDoc kFormatParam{"format", "query", false, "'csv' for CSV (or send Accept: text/csv)", "json"};

Json Number(const core::Rational& value) { return std::stod(core::FormatRational(value)); }

Json MeasureTree(const core::Framework& framework, int node_index) {
  const core::Node& node = framework.nodes[static_cast<size_t>(node_index)];
  Json children = Json::array();
  for (int child : node.children) children.push_back(MeasureTree(framework, child));
  for (int i : node.indicators) {
    const core::Indicator& indicator = framework.indicators[static_cast<size_t>(i)];
    children.push_back(Json{{"id", indicator.id}, {"name", indicator.name}, {"kind", "indicator"},
                            {"definition", indicator.definition}, {"since", indicator.since},
                            {"children", Json::array()}});
  }
  return Json{{"id", node.id}, {"name", node.name}, {"kind", core::NodeKindName(node.kind)},
              {"definition", node.definition}, {"children", std::move(children)}};
}

Response Editions(const app::Engine& engine) {
  Json list = Json::array();
  const std::vector<std::string> ids = engine.edition_ids();
  for (const std::string& id : ids) {
    auto entry = engine.Edition(id);
    if (!entry) return ErrorResponse(entry.error());
    list.push_back(Json{{"edition", (*entry)->year},
                        {"framework", (*entry)->edition.framework.id},
                        {"name", (*entry)->edition.framework.name},
                        {"countries", (*entry)->edition.dataset.country_count()},
                        {"previous", (*entry)->previous ? Json((*entry)->previous->year) : Json(nullptr)},
                        {"latest", id == ids.back()}});
  }
  return JsonResponse(Json{{"editions", std::move(list)}});
}

Response Framework(const app::LoadedEdition& published) {
  const core::Framework& framework = published.edition.framework;
  Json measures = Json::array();
  for (int n = 0; n < static_cast<int>(framework.nodes.size()); ++n) {
    if (framework.nodes[static_cast<size_t>(n)].parent < 0) measures.push_back(MeasureTree(framework, n));
  }
  return JsonResponse(Json{
      {"edition", published.year},
      {"id", framework.id},
      {"name", framework.name},
      {"scale", {{"min", Number(framework.scale_min)}, {"max", Number(framework.scale_max)},
                 {"step", Number(framework.scale_step)}}},
      {"decimals", framework.decimals},
      {"quadrant", {{"x", framework.quadrant_x}, {"y", framework.quadrant_y},
                    {"threshold", Number(framework.quadrant_threshold)}}},
      {"measures", std::move(measures)}});
}

Response Countries(const app::Engine& engine, const app::LoadedEdition& published, const Request& request) {
  auto page = PageOf(request);
  if (!page) return ErrorResponse(page.error());
  const std::vector<core::CountryEntry>& countries = published.edition.dataset.countries;
  const auto [first, last] = RowsOf(*page, countries.size());
  Json list = Json::array();
  for (size_t c = first; c < last; ++c) list.push_back(CountryJson(engine.geography(), countries[c]));
  Json body{{"edition", published.year}, {"countries", std::move(list)}};
  AddPaging(body, *page, countries.size());
  return JsonResponse(body);
}

Response Scores(const app::Engine& engine, const app::LoadedEdition& published, const Request& request) {
  auto page = PageOf(request);
  if (!page) return ErrorResponse(page.error());
  app::ScoresQuery query{published.id, {"all"}, PlaceFilterOf(request)};
  if (request.HasParam("measures")) query.measures = SplitList(request.Param("measures"));
  if (query.measures.empty()) query.measures = {"all"};
  auto table = app::Scores(engine, query);
  if (!table) return ErrorResponse(table.error());
  const size_t total = KeepPage(*page, table->rows);
  if (WantsCsv(request)) {
    Grid grid;
    for (const char* name : {"iso3", "name", "continent", "region"}) grid.AddColumn(name);
    for (const std::string& id : table->measure_ids) grid.AddColumn(id, true);
    for (const app::ScoreRow& row : table->rows) {
      auto& cells = grid.AddRow();
      cells = {row.country->iso3, row.name, row.country->continent, row.country->region};
      for (const auto& value : row.values) cells.push_back(app::Units(value, table->decimals));
    }
    return CsvResponse(grid);
  }
  Json rows = Json::array();
  for (const app::ScoreRow& row : table->rows) {
    Json entry = CountryJson(*row.country, row.name);
    Json values = Json::object();
    for (size_t m = 0; m < table->measures.size(); ++m) {
      values[table->measure_ids[m]] = Figure(row.values[m], table->decimals);
    }
    entry["values"] = std::move(values);
    rows.push_back(std::move(entry));
  }
  Json body{{"edition", published.year}, {"measures", table->measure_ids}, {"rows", std::move(rows)}};
  AddPaging(body, *page, total);
  return JsonResponse(body);
}

Response Ranks(const app::Engine& engine, const app::LoadedEdition& published, const Request& request) {
  auto page = PageOf(request);
  if (!page) return ErrorResponse(page.error());
  const app::RanksQuery query{published.id, ParamOr(request, "measure", "criminality"), "world",
                              PlaceFilterOf(request)};
  auto table = app::Ranks(engine, query);
  if (!table) return ErrorResponse(table.error());
  const size_t total = KeepPage(*page, table->rows);
  if (WantsCsv(request)) return CsvResponse(RanksGrid(*table));
  Json rows = Json::array();
  for (const app::RankRow& row : table->rows) {
    Json entry = CountryJson(*row.country, row.name);
    entry["value"] = Figure(row.value, table->decimals);
    Json scopes = Json::object();
    for (size_t s = 0; s < core::kScopes.size(); ++s) scopes[core::ScopeName(core::kScopes[s])] = RankJson(row.ranks[s]);
    entry["ranks"] = std::move(scopes);
    rows.push_back(std::move(entry));
  }
  Json body{{"edition", published.year}, {"measure", table->measure_id}, {"rows", std::move(rows)}};
  AddPaging(body, *page, total);
  return JsonResponse(body);
}

Response Aggregates(const app::Engine& engine, const app::LoadedEdition& published, const Request& request) {
  const std::string by = ParamOr(request, "by", "region");
  const app::AggregatesQuery query{published.id, SplitList(request.Param("measures")), by};
  auto table = app::Aggregates(engine, query);
  if (!table) return ErrorResponse(table.error());
  if (WantsCsv(request)) {
    Grid grid;
    grid.AddColumn("group");
    grid.AddColumn("members", true);
    for (const std::string& id : table->measure_ids) grid.AddColumn(id, true);
    for (const app::AggregateRow& row : table->rows) {
      auto& cells = grid.AddRow();
      cells = {row.group, std::to_string(row.countries)};
      for (const app::GroupFigure& figure : row.values) cells.push_back(app::Units(figure.mean, table->decimals));
    }
    return CsvResponse(grid);
  }
  Json rows = Json::array();
  for (const app::AggregateRow& row : table->rows) {
    Json values = Json::object();
    for (size_t m = 0; m < table->measures.size(); ++m) {
      values[table->measure_ids[m]] = Figure(row.values[m].mean, table->decimals);
    }
    rows.push_back(Json{{"group", row.group}, {"members", row.countries}, {"values", std::move(values)}});
  }
  return JsonResponse(Json{{"edition", published.year}, {"by", by}, {"rows", std::move(rows)}});
}

}  // namespace

void AddEditionRoutes(RouteTable& table, const app::Engine& engine) {
  table.push_back({"/api/v1/editions",
                   {"Stored editions, oldest first", {}, {"editions"}, false, "Editions"},
                   [&engine](const Request&, const PathParams&) { return Editions(engine); }});
  table.push_back({"/api/v1/editions/{edition}/framework",
                   {"The edition's framework: scale, quadrant and the tree of measures", {kEditionParam},
                    {"edition", "id", "name", "scale", "decimals", "quadrant", "measures"}, false, "Framework"},
                   WithEdition(engine, [](const app::LoadedEdition& e, const Request&, const PathParams&) {
                     return Framework(e);
                   })});
  table.push_back({"/api/v1/editions/{edition}/countries",
                   {"Countries (or units) assessed in the edition, with continent and region, in the edition's "
                    "order",
                    {kEditionParam, kLimitParam, kOffsetParam},
                    {"edition", "countries"}, false, "Countries"},
                   WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& r, const PathParams&) {
                     return Countries(engine, e, r);
                   })});
  table.push_back(
      {"/api/v1/editions/{edition}/scores",
       {"Published figures of every country",
        {kEditionParam,
         {"measures", "query", false, "Comma-separated measure ids (default: all)", "criminality,resilience"},
         kContinentParam, kRegionParam, kLimitParam, kOffsetParam, kFormatParam},
        {"edition", "measures", "rows"}, true, "Scores"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& r, const PathParams&) {
         return Scores(engine, e, r);
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/ranks",
       {"Ranks on one measure in the world, continent and region (1 = highest), sorted by world rank",
        {kEditionParam, {"measure", "query", false, "Measure id (default: criminality)", "criminality"},
         kContinentParam, kRegionParam, kLimitParam, kOffsetParam, kFormatParam},
        {"edition", "measure", "rows"}, true, "Ranks"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& r, const PathParams&) {
         return Ranks(engine, e, r);
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/aggregates",
       {"Unweighted means of the members' published figures per region or continent",
        {kEditionParam, {"by", "query", false, "region (default), continent or world", "region"},
         {"measures", "query", false, "Comma-separated measure ids (default: all)", "criminality,resilience"},
         kFormatParam},
        {"edition", "by", "rows"}, true, "Aggregates"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& r, const PathParams&) {
         return Aggregates(engine, e, r);
       })});
}

}  // namespace ocindex::server
