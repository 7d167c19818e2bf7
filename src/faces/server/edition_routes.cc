// editions, framework, countries, scores, ranks, aggregates: views of one edition.
#include <algorithm>
#include <array>
#include <map>

#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"
#include "core/scoring/ranking.h"
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

Response Editions(const Published& data) {
  Json list = Json::array();
  for (const auto& entry : data.editions()) {
    list.push_back(Json{{"edition", entry->year},
                        {"framework", entry->edition.framework.id},
                        {"name", entry->edition.framework.name},
                        {"countries", entry->edition.dataset.country_count()},
                        {"latest", entry.get() == data.editions().back().get()}});
  }
  return JsonResponse(Json{{"editions", std::move(list)}});
}

Response Framework(const PublishedEdition& published) {
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

Response Countries(const Published& data, const PublishedEdition& published) {
  Json list = Json::array();
  for (const core::CountryEntry& country : published.edition.dataset.countries) {
    list.push_back(CountryJson(data.geography(), country));
  }
  return JsonResponse(Json{{"edition", published.year}, {"countries", std::move(list)}});
}

Response Scores(const Published& data, const PublishedEdition& published, const Request& request) {
  const core::Framework& framework = published.edition.framework;
  auto measures = ParseMeasures(framework, request.Param("measures"));
  if (!measures) return ErrorResponse(measures.error());
  const PlaceFilter filter = PlaceFilter::From(request);
  const bool csv = WantsCsv(request);
  Grid grid;
  Json rows = Json::array();
  if (csv) {
    for (const char* name : {"iso3", "name", "continent", "region"}) grid.AddColumn(name);
    for (int m : *measures) grid.AddColumn(framework.MeasureId(m), true);
  }
  const auto& countries = published.edition.dataset.countries;
  for (int c = 0; c < static_cast<int>(countries.size()); ++c) {
    const core::CountryEntry& country = countries[static_cast<size_t>(c)];
    if (!filter.Keeps(country)) continue;
    if (csv) {
      auto& cells = grid.AddRow();
      cells = {country.iso3, core::DisplayName(data.geography(), country), country.continent, country.region};
      for (int m : *measures) cells.push_back(CsvFigure(published.card.rounded(c, m), framework.decimals));
      continue;
    }
    Json row = CountryJson(data.geography(), country);
    Json values = Json::object();
    for (int m : *measures) values[framework.MeasureId(m)] = Figure(published.card.rounded(c, m), framework.decimals);
    row["values"] = std::move(values);
    rows.push_back(std::move(row));
  }
  if (csv) return CsvResponse(grid);
  Json ids = Json::array();
  for (int m : *measures) ids.push_back(framework.MeasureId(m));
  return JsonResponse(Json{{"edition", published.year}, {"measures", std::move(ids)}, {"rows", std::move(rows)}});
}

Response Ranks(const Published& data, const PublishedEdition& published, const Request& request) {
  const core::Framework& framework = published.edition.framework;
  const std::string id = request.HasParam("measure") ? request.Param("measure") : "criminality";
  auto measure = ParseMeasure(framework, id);
  if (!measure) return ErrorResponse(measure.error());
  const core::Dataset& dataset = published.edition.dataset;
  std::array<std::vector<core::Rank>, 3> ranks;
  for (size_t s = 0; s < core::kScopes.size(); ++s) {
    ranks[s] = core::RankCountries(dataset, published.card, *measure, core::kScopes[s]);
  }
  const PlaceFilter filter = PlaceFilter::From(request);
  std::vector<int> order;
  for (int c = 0; c < dataset.country_count(); ++c) {
    if (filter.Keeps(dataset.countries[static_cast<size_t>(c)])) order.push_back(c);
  }
  const auto& world = ranks[0];
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const core::Rank& ra = world[static_cast<size_t>(a)];
    const core::Rank& rb = world[static_cast<size_t>(b)];
    if ((ra.position == 0) != (rb.position == 0)) return rb.position == 0;
    if (ra.position != rb.position) return ra.position < rb.position;
    return dataset.countries[static_cast<size_t>(a)].iso3 < dataset.countries[static_cast<size_t>(b)].iso3;
  });
  if (WantsCsv(request)) {
    Grid grid;
    for (const char* name : {"iso3", "name", "continent", "region"}) grid.AddColumn(name);
    for (const char* name : {"value", "world_rank", "continent_rank", "region_rank"}) grid.AddColumn(name, true);
    for (int c : order) {
      const core::CountryEntry& country = dataset.countries[static_cast<size_t>(c)];
      auto& cells = grid.AddRow();
      cells = {country.iso3, core::DisplayName(data.geography(), country), country.continent, country.region};
      cells.push_back(CsvFigure(published.card.rounded(c, *measure), framework.decimals));
      for (const auto& scope : ranks) {
        const core::Rank& rank = scope[static_cast<size_t>(c)];
        cells.push_back(rank.position ? std::optional(std::to_string(rank.position)) : std::nullopt);
      }
    }
    return CsvResponse(grid);
  }
  Json rows = Json::array();
  for (int c : order) {
    Json row = CountryJson(data.geography(), dataset.countries[static_cast<size_t>(c)]);
    row["value"] = Figure(published.card.rounded(c, *measure), framework.decimals);
    Json scopes = Json::object();
    for (size_t s = 0; s < core::kScopes.size(); ++s) {
      scopes[core::ScopeName(core::kScopes[s])] = RankJson(ranks[s][static_cast<size_t>(c)]);
    }
    row["ranks"] = std::move(scopes);
    rows.push_back(std::move(row));
  }
  return JsonResponse(Json{{"edition", published.year}, {"measure", framework.MeasureId(*measure)},
                           {"rows", std::move(rows)}});
}

Response Aggregates(const PublishedEdition& published, const Request& request) {
  const core::Framework& framework = published.edition.framework;
  const std::string by = request.HasParam("by") ? request.Param("by") : "region";
  if (by != "region" && by != "continent") {
    return adapters::http::ErrorResponse(400, "invalid_input", "'by' must be region or continent, not '" + by + "'");
  }
  const core::Scope scope = by == "region" ? core::Scope::kRegion : core::Scope::kContinent;
  auto measures = ParseMeasures(framework, request.Param("measures"));
  if (!measures) return ErrorResponse(measures.error());
  const core::Dataset& dataset = published.edition.dataset;
  std::map<std::string, int> members;
  for (const core::CountryEntry& country : dataset.countries) ++members[core::ScopeGroup(country, scope)];
  // values[group][measure]: the rounded mean; absent when no member has a value.
  std::map<std::string, std::map<int, std::optional<int64_t>>> values;
  for (int m : *measures) {
    for (const core::GroupMean& mean : core::GroupMeans(dataset, published.card, m, scope)) {
      if (mean.members > 0) values[mean.group][m] = mean.rounded;
    }
  }
  if (WantsCsv(request)) {
    Grid grid;
    grid.AddColumn("group");
    grid.AddColumn("members", true);
    for (int m : *measures) grid.AddColumn(framework.MeasureId(m), true);
    for (const auto& [group, count] : members) {
      auto& cells = grid.AddRow();
      cells = {group, std::to_string(count)};
      for (int m : *measures) cells.push_back(CsvFigure(values[group][m], framework.decimals));
    }
    return CsvResponse(grid);
  }
  Json rows = Json::array();
  for (const auto& [group, count] : members) {
    Json row_values = Json::object();
    for (int m : *measures) row_values[framework.MeasureId(m)] = Figure(values[group][m], framework.decimals);
    rows.push_back(Json{{"group", group}, {"members", count}, {"values", std::move(row_values)}});
  }
  return JsonResponse(Json{{"edition", published.year}, {"by", by}, {"rows", std::move(rows)}});
}

// Wraps a handler that needs the {edition} path parameter resolved.
template <typename F>
adapters::http::RouteHandler WithEdition(const Published& data, F f) {
  return [&data, f](const Request& request, const PathParams& params) {
    auto edition = FindEdition(data, params.at("edition"));
    if (!edition) return ErrorResponse(edition.error());
    return f(**edition, request, params);
  };
}

}  // namespace

void AddEditionRoutes(RouteTable& table, const Published& data) {
  table.push_back({"/api/v1/editions",
                   {"Stored editions, oldest first", {}, {"editions"}, false},
                   [&data](const Request&, const PathParams&) { return Editions(data); }});
  table.push_back({"/api/v1/editions/{edition}/framework",
                   {"The edition's framework: scale, quadrant and the tree of measures", {kEditionParam},
                    {"edition", "id", "name", "scale", "decimals", "quadrant", "measures"}, false},
                   WithEdition(data, [](const PublishedEdition& e, const Request&, const PathParams&) {
                     return Framework(e);
                   })});
  table.push_back({"/api/v1/editions/{edition}/countries",
                   {"Countries assessed in the edition, with continent and region", {kEditionParam},
                    {"edition", "countries"}, false},
                   WithEdition(data, [&data](const PublishedEdition& e, const Request&, const PathParams&) {
                     return Countries(data, e);
                   })});
  table.push_back(
      {"/api/v1/editions/{edition}/scores",
       {"Published figures of every country",
        {kEditionParam,
         {"measures", "query", false, "Comma-separated measure ids (default: all)", "criminality,resilience"},
         kContinentParam, kRegionParam, kFormatParam},
        {"edition", "measures", "rows"}, true},
       WithEdition(data, [&data](const PublishedEdition& e, const Request& r, const PathParams&) {
         return Scores(data, e, r);
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/ranks",
       {"Ranks on one measure in the world, continent and region (1 = highest), sorted by world rank",
        {kEditionParam, {"measure", "query", false, "Measure id (default: criminality)", "criminality"},
         kContinentParam, kRegionParam, kFormatParam},
        {"edition", "measure", "rows"}, true},
       WithEdition(data, [&data](const PublishedEdition& e, const Request& r, const PathParams&) {
         return Ranks(data, e, r);
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/aggregates",
       {"Unweighted means of the members' published figures per region or continent",
        {kEditionParam, {"by", "query", false, "region (default) or continent", "region"},
         {"measures", "query", false, "Comma-separated measure ids (default: all)", "criminality,resilience"},
         kFormatParam},
        {"edition", "by", "rows"}, true},
       WithEdition(data, [](const PublishedEdition& e, const Request& r, const PathParams&) {
         return Aggregates(e, r);
       })});
}

}  // namespace ocindex::server
