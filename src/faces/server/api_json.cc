#include "faces/server/api_json.h"

#include <sstream>

#include "app/error_disposition.h"
#include "core/model/lookup.h"
#include "core/model/rational.h"
#include "core/scoring/country_summary.h"

namespace ocindex::server {

Json Figure(std::optional<int64_t> units, int decimals) {
  if (!units) return nullptr;
  // Parsing the decimal text gives the double nearest the published figure, which
  // JSON then prints in its shortest form (4.26, not 4.2599999).
  return std::stod(core::FormatUnits(*units, decimals));
}

Json RankJson(const core::Rank& rank) {
  if (rank.position == 0) return nullptr;
  return Json{{"position", rank.position}, {"of", rank.of}, {"tied", rank.tied}};
}

std::string MeasureKindName(const core::Framework& framework, int measure) {
  return framework.IsNode(measure) ? core::NodeKindName(framework.nodes[static_cast<size_t>(measure)].kind)
                                   : "indicator";
}

Json ScopedRanks(const std::array<core::Rank, 3>& ranks) {
  Json out = Json::object();
  for (size_t s = 0; s < core::kScopes.size(); ++s) out[core::ScopeName(core::kScopes[s])] = RankJson(ranks[s]);
  return out;
}

Json QuadrantJson(std::optional<core::Quadrant> quadrant, const std::string& label) {
  if (!quadrant) return nullptr;
  const bool criminality_high = *quadrant == core::Quadrant::kHighCriminalityLowResilience ||
                                *quadrant == core::Quadrant::kHighCriminalityHighResilience;
  const bool resilience_high = *quadrant == core::Quadrant::kHighCriminalityHighResilience ||
                               *quadrant == core::Quadrant::kLowCriminalityHighResilience;
  return Json{{"label", label},
              {"criminality_high", criminality_high},
              {"resilience_high", resilience_high}};
}

Json CountryJson(const core::Geography& geography, const core::CountryEntry& country) {
  return CountryJson(country, core::DisplayName(geography, country));
}

Json CountryJson(const core::CountryEntry& country, const std::string& name) {
  return Json{{"iso3", country.iso3}, {"name", name}, {"continent", country.continent}, {"region", country.region}};
}

bool WantsCsv(const Request& request) {
  const std::string format = request.Param("format");
  if (!format.empty()) return format == "csv";
  return request.Header("accept").find("text/csv") != std::string::npos;
}

Response JsonResponse(const Json& body) {
  Response response;
  response.SetBody(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return response;
}

Response CsvResponse(const adapters::render::Grid& grid) {
  std::ostringstream out;
  adapters::render::WriteCsv(grid, out);
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  response.SetBody(std::move(out).str());
  return response;
}

Response ErrorResponse(const Error& error, const std::vector<std::string>& suggestions) {
  const app::ErrorDisposition disposition = app::DispositionOf(error.code);
  return adapters::http::ErrorResponse(disposition.http_status, disposition.api_code, error.message, suggestions);
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

}  // namespace ocindex::server
