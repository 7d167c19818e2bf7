// Files to download, made from the same data as every other route: an edition's whole
// dataset as CSV, xlsx and JSON (what `ocindex export` writes), one measure's table as
// a described CSV (its definition, edition and source above the figures), and a
// country's profile as PDF (what `ocindex profile export` writes). Each names its file
// (Content-Disposition) and is kept by the response cache like any other answer.
#include "adapters/io/dataset_writer.h"
#include "adapters/render/described_csv.h"
#include "app/measure_description.h"
#include "app/profile_query.h"
#include "app/ranks_query.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;

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

Response MeasureCsv(const app::Engine& engine, const app::LoadedEdition& published, const Request& request) {
  const app::RanksQuery query{published.id, ParamOr(request, "measure", "criminality"), "world",
                              PlaceFilterOf(request)};
  auto table = app::Ranks(engine, query);
  if (!table) return ErrorResponse(table.error());
  std::string csv = adapters::render::DescribedCsv(app::MeasureDescription(published, table->measure, query.filter),
                                                   RanksGrid(*table));
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

void AddDownloadRoutes(RouteTable& table, const app::Engine& engine) {
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
        "edition, scale, countries, source), the row the table starts on, an empty line, then the table",
        {edition, {"measure", "query", false, "Measure id (default: criminality)", "criminality"},
         {"continent", "query", false, "Only countries of this continent", "Asia"},
         {"region", "query", false, "Only countries of this region", "Central Asia and the Caucasus"}},
        {}, false, kCsv},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request& r, const PathParams&) {
         return MeasureCsv(engine, e, r);
       })});
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}/profile.pdf",
       {"The country's profile as PDF (A4): scores, ranks, the indicator chart and the stored narrative, as "
        "`ocindex profile export --format pdf` writes it",
        {edition, {"iso3", "path", true, "ISO3 code (case-insensitive), name or alias", "KAZ"}}, {}, false, kPdf},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request&, const PathParams& params) {
         return ProfilePdf(engine, e, params.at("iso3"));
       })});
}

}  // namespace ocindex::server
