// Rank intervals of an edition under the reference uncertainty experiment
// (app/reference_uncertainty.h), as JSON.
#include <fmt/format.h>

#include "adapters/io/uncertainty_spec_json.h"
#include "app/labels.h"
#include "app/reference_uncertainty.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;
namespace un = core::uncertainty;

Json Body(const app::Engine& engine, const app::LoadedEdition& edition, const un::UncertaintyResult& result,
          const std::optional<app::Page>& page) {
  Json rows = Json::array();
  const core::Dataset& dataset = edition.edition.dataset;
  const auto [first, last] = RowsOf(page, result.countries.size());
  for (size_t c = first; c < last; ++c) {
    const un::CountryOutcome& country = result.countries[c];
    Json entry = CountryJson(engine.geography(), dataset.countries[c]);
    for (size_t p = 0; p < result.pillars.size(); ++p) {
      const un::PillarOutcome& o = country.pillars[p];
      entry[result.pillars[p]] = Json{{"nominal_rank", o.nominal_rank},
                                      {"rank_mean", o.rank.mean},
                                      {"rank_median", o.rank.median},
                                      {"rank_q05", o.rank.q05},
                                      {"rank_q95", o.rank.q95},
                                      {"nominal_score", o.nominal_value},
                                      {"score_q05", o.value.q05},
                                      {"score_q95", o.value.q95}};
    }
    if (country.nominal_quadrant >= 0) {
      Json quadrants;
      for (size_t q = 0; q < app::kQuadrants.size(); ++q) {
        quadrants[app::QuadrantKey(app::kQuadrants[q])] = country.quadrant_probability[q];
      }
      entry["quadrant_probability"] = std::move(quadrants);
    }
    rows.push_back(std::move(entry));
  }
  Json body{{"edition", edition.year},
            {"runs", result.runs},
            {"seed", result.seed},
            {"spec", adapters::io::UncertaintySpecToJson(un::ReferenceSpec())},
            {"pillars", result.pillars},
            {"rows", std::move(rows)}};
  AddPaging(body, page, result.countries.size());
  return body;
}

Response Uncertainty(const app::Engine& engine, app::ReferenceUncertainty& reference,
                     const app::LoadedEdition& edition, const Request& request) {
  auto page = PageOf(request);  // before the experiment, which may take minutes
  if (!page) return ErrorResponse(page.error());
  auto result = reference.Get(edition);
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(Body(engine, edition, **result, *page));
}

}  // namespace

void AddUncertaintyRoutes(RouteTable& table, const app::Engine& engine,
                          const std::shared_ptr<app::ReferenceUncertainty>& reference) {
  table.push_back({"/api/v1/editions/{edition}/uncertainty",
                   {fmt::format("Rank intervals (5-95 %) and quadrant probabilities of every country (or unit), in "
                                "the edition's order, under the reference uncertainty experiment ({} runs, seed {}): "
                                "each score +-0.5 with probability 1/4 each way, each indicator weight x "
                                "(1 + U(-0.25, 0.25))",
                                app::ReferenceUncertainty::kRuns, app::ReferenceUncertainty::kSeed),
                    {{"edition", "path", true, "Edition year or 'latest'", "2025"}, kLimitParam, kOffsetParam},
                    {"edition", "runs", "seed", "spec", "pillars", "rows"},
                    false, "Uncertainty"},
                   WithEdition(engine, [&engine, reference](const app::LoadedEdition& e, const Request& r,
                                                            const PathParams&) {
                     return Uncertainty(engine, *reference, e, r);
                   })});
}

}  // namespace ocindex::server
