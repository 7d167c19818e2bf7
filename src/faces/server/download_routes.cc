// Files to download, made from the same data as every other route: an edition's whole
// dataset as CSV, xlsx and JSON (what `ocindex export` writes), one measure's table as
// a described CSV (its definition, edition and source above the figures, and the
// reference uncertainty experiment's intervals beside the ranks it covers), and a
// country's profile as PDF (what `ocindex profile export` writes). Each names its file
// (Content-Disposition) and is kept by the response cache like any other answer.
#include "adapters/io/dataset_writer.h"
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "adapters/render/described_csv.h"
#include "app/labels.h"
#include "app/measure_description.h"
#include "app/profile_query.h"
#include "app/ranks_query.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;
namespace un = core::uncertainty;

constexpr const char* kCsv = "text/csv; charset=utf-8";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPdf = "application/pdf";

Response FileResponse(Response response, const std::string& filename) {
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

Response Bytes(std::string bytes, const char* content_type) {
  Response response;
  response.content_type = content_type;
  response.SetBody(std::move(bytes));
  return response;
}

std::string DatasetFile(const app::LoadedEdition& published, const char* extension) {
  return published.edition.framework.id + "-dataset." + extension;
}

Response DatasetXlsx(const app::LoadedEdition& published) {
  auto bytes = adapters::io::DatasetXlsxBytes(published.edition.framework, published.edition.dataset);
  if (!bytes) return ErrorResponse(bytes.error());
  return FileResponse(Bytes(std::move(*bytes), kXlsx), DatasetFile(published, "xlsx"));
}

// The 5-95 % intervals of each row's world rank and figure (and the rank's median) as
// `ocindex uncertainty` writes them; empty for a row the experiment does not rank.
void AddIntervals(adapters::render::Grid& grid, const app::RanksTable& table, const un::UncertaintyResult& result,
                  size_t pillar) {
  std::map<std::string, const un::PillarOutcome*> outcomes;
  for (const un::CountryOutcome& country : result.countries) outcomes.emplace(country.iso3, &country.pillars[pillar]);
  for (const char* name : {"rank_q05", "rank_median", "rank_q95", "value_q05", "value_q95"}) grid.AddColumn(name, true);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    auto found = outcomes.find(table.rows[r].country->iso3);
    const un::PillarOutcome* o = found == outcomes.end() || !table.rows[r].value ? nullptr : found->second;
    auto& cells = grid.rows[r];
    if (o == nullptr) {
      cells.resize(grid.columns.size());
      continue;
    }
    for (std::string cell : {app::Fixed(o->rank.q05, 2), app::Fixed(o->rank.median, 1), app::Fixed(o->rank.q95, 2),
                             app::Fixed(o->value.q05, table.decimals + 1), app::Fixed(o->value.q95, table.decimals + 1)}) {
      cells.push_back(std::move(cell));
    }
  }
}

std::string IntervalsNote(const un::UncertaintyResult& result) {
  return fmt::format(
      "rank_q05 to rank_q95 and value_q05 to value_q95 hold 90 % of {} runs of the reference uncertainty experiment "
      "(seed {}): each score +-0.5 with probability 1/4 each way, each indicator weight x (1 + U(-0.25, 0.25)); "
      "ranks are world ranks",
      result.runs, result.seed);
}

// A figure bound (?from=, ?to=): absent, or a finite number.
Result<std::optional<double>> FigureParam(const Request& request, const std::string& name) {
  const std::string text = request.Param(name);
  if (text.empty()) return std::optional<double>{};
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{} must be a number, as 5 or 6.5; got '{}'", name, text));
  }
  return std::optional<double>{value};
}

Result<app::RowFilter> RowFilterOf(const Request& request) {
  app::RowFilter filter;
  filter.search = request.Param("q");
  OCINDEX_ASSIGN_OR_RETURN(filter.from, FigureParam(request, "from"));
  OCINDEX_ASSIGN_OR_RETURN(filter.to, FigureParam(request, "to"));
  return filter;
}

Response MeasureCsv(const app::Engine& engine, app::ReferenceUncertainty& reference,
                    const app::LoadedEdition& published, const Request& request) {
  const app::RanksQuery query{published.id, ParamOr(request, "measure", "criminality"), "world",
                              PlaceFilterOf(request)};
  auto rows = RowFilterOf(request);
  if (!rows) return ErrorResponse(rows.error());
  auto table = app::Ranks(engine, query);
  if (!table) return ErrorResponse(table.error());
  app::KeepRows(engine.geography(), *rows, *table);
  adapters::render::Description description = app::MeasureDescription(published, table->measure, query.filter);
  if (!rows->empty()) {  // beside the places kept
    auto countries = std::find_if(description.begin(), description.end(), [](const auto& f) { return f.first == "Countries"; });
    description.emplace(countries == description.end() ? countries : countries + 1, "Kept", rows->Describe());
  }
  adapters::render::Grid grid = RanksGrid(*table);
  const core::Framework& framework = published.edition.framework;
  if (framework.IsNode(table->measure) &&
      framework.nodes[static_cast<size_t>(table->measure)].kind == core::NodeKind::kPillar) {  // what the experiment ranks
    auto experiment = reference.Get(published);
    if (!experiment) return ErrorResponse(experiment.error());
    if (auto pillar = app::PillarOf(**experiment, table->measure_id)) {
      AddIntervals(grid, *table, **experiment, *pillar);
      description.emplace_back("Intervals", IntervalsNote(**experiment));
    }
  }
  std::string csv = adapters::render::DescribedCsv(description, grid);
  return FileResponse(Bytes(std::move(csv), kCsv),
                      published.edition.framework.id + "-" + table->measure_id + ".csv");
}

Response ProfilePdf(const app::Engine& engine, const app::LoadedEdition& published, const std::string& country) {
  auto pdf = app::ProfileDocument(engine, app::ProfileQuery{country, published.id}, adapters::ProfileFormat::kPdf);
  if (!pdf) return CountryErrorResponse(engine, pdf.error(), {country});
  // Found, or there would be no profile; the file is named by the code, never by what was sent.
  const std::string iso3 = engine.geography().Find(country)->iso3;
  return FileResponse(Bytes(std::move(*pdf), kPdf), iso3 + "-" + published.id + ".pdf");
}

}  // namespace

void AddDownloadRoutes(RouteTable& table, const app::Engine& engine,
                       const std::shared_ptr<app::ReferenceUncertainty>& reference) {
  const ParamDoc edition{"edition", "path", true, "Edition year or 'latest'", "2021"};
  table.push_back(
      {"/api/v1/editions/{edition}/dataset.csv",
       {"The edition's whole dataset as a file: every country's composites (recomputed, rounded half-up) and "
        "indicator scores, in the project's CSV format (`ocindex import` reads it back; NA = not assessed)",
        {edition}, {}, false, kCsv},
       WithEdition(engine, [](const app::LoadedEdition& e, const Request&, const PathParams&) {
         return FileResponse(Bytes(adapters::io::DatasetCsv(e.edition.framework, e.edition.dataset), kCsv),
                             DatasetFile(e, "csv"));
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/dataset.xlsx",
       {"The edition's whole dataset as an Excel workbook: a data sheet laid out like the publisher's and a "
        "framework sheet with every measure's definition",
        {edition}, {}, false, kXlsx},
       WithEdition(engine, [](const app::LoadedEdition& e, const Request&, const PathParams&) { return DatasetXlsx(e); })});
  table.push_back(
      {"/api/v1/editions/{edition}/dataset.json",
       {"The edition's whole dataset as a JSON file: per country its composites and indicator scores",
        {edition}, {"edition", "framework", "decimals", "countries"}, false, "Dataset"},
       WithEdition(engine, [](const app::LoadedEdition& e, const Request&, const PathParams&) {
         return FileResponse(JsonResponse(adapters::io::DatasetJson(e.edition.framework, e.edition.dataset)),
                             DatasetFile(e, "json"));
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/measure.csv",
       {"One measure's figures and ranks as a described CSV: a block of field,value lines (title, definition, "
        "edition, scale, countries, source; for criminality and resilience how the intervals were drawn), the row the "
        "table starts on, an empty line, then the table; criminality and resilience add the 5-95 % intervals of "
        "the reference uncertainty experiment (rank_q05, rank_median, rank_q95, value_q05, value_q95)",
        {edition, {"measure", "query", false, "Measure id (default: criminality)", "criminality"},
         {"continent", "query", false, "Only countries of this continent", "Asia"},
         {"region", "query", false, "Only countries of this region", "Central Asia and the Caucasus"},
         {"q", "query", false, "Only countries whose code, name or an alias matches (accents folded)", "congo"},
         {"from", "query", false, "Only figures of this or more", "5"},
         {"to", "query", false, "Only figures of this or less", "8"}},
        {}, false, kCsv},
       WithEdition(engine, [&engine, reference](const app::LoadedEdition& e, const Request& r, const PathParams&) {
         return MeasureCsv(engine, *reference, e, r);
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}/profile.pdf",
       {"The country's profile as PDF (A4): scores, ranks, the indicator chart and the stored narrative, as "
        "`ocindex profile export --format pdf` writes it",
        {edition, kUnitParam}, {}, false, kPdf},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request&, const PathParams& params) {
         return ProfilePdf(engine, e, params.at("iso3"));
       })});
}

}  // namespace ocindex::server
