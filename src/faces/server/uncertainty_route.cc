// Rank intervals of an edition under the reference uncertainty experiment (score noise
// +-0.5 with probability 1/4 each way, indicator weights x (1 + U(-0.25, 0.25))),
// computed once per edition with a fixed seed and kept: the answer never changes.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <mutex>

#include "adapters/io/uncertainty_spec_json.h"
#include "app/labels.h"
#include "app/uncertainty_query.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;
namespace un = core::uncertainty;

constexpr std::int64_t kRuns = 20000;
constexpr std::uint64_t kSeed = 1;

Json Body(const app::Engine& engine, const app::LoadedEdition& edition, const un::UncertaintyResult& result) {
  Json rows = Json::array();
  const core::Dataset& dataset = edition.edition.dataset;
  for (size_t c = 0; c < result.countries.size(); ++c) {
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
  return Json{{"edition", edition.year},
              {"runs", result.runs},
              {"seed", result.seed},
              {"spec", adapters::io::UncertaintySpecToJson(un::ReferenceSpec())},
              {"pillars", result.pillars},
              {"rows", std::move(rows)}};
}

// The bodies computed so far, by edition id.
class Computed {
 public:
  Result<std::shared_ptr<const Json>> Get(const app::Engine& engine, const app::LoadedEdition& edition) {
    std::lock_guard<std::mutex> lock(mutex_);  // one computation per edition, even under concurrent requests
    auto found = bodies_.find(edition.id);
    if (found != bodies_.end()) return found->second;
    app::UncertaintyPlan planned;
    OCINDEX_ASSIGN_OR_RETURN(planned, app::PlanUncertainty(engine, app::UncertaintyQuery{edition.id, un::ReferenceSpec(), {}}));
    un::AnalysisOptions options;
    options.runs = kRuns;
    options.seed = kSeed;
    un::UncertaintyResult result;
    OCINDEX_ASSIGN_OR_RETURN(result, un::RunUncertainty(planned.plan, options));
    auto body = std::make_shared<const Json>(Body(engine, edition, result));
    bodies_.emplace(edition.id, body);
    return body;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Json>> bodies_;
};

Response Uncertainty(const app::Engine& engine, Computed& computed, const app::LoadedEdition& edition) {
  auto body = computed.Get(engine, edition);
  if (!body) return ErrorResponse(body.error());
  return JsonResponse(**body);
}

}  // namespace

void AddUncertaintyRoutes(RouteTable& table, const app::Engine& engine) {
  auto computed = std::make_shared<Computed>();
  table.push_back({"/api/v1/editions/{edition}/uncertainty",
                   {fmt::format("Rank intervals (5-95 %) and quadrant probabilities of every country under the "
                                "reference uncertainty experiment ({} runs, seed {}): each score +-0.5 with "
                                "probability 1/4 each way, each indicator weight x (1 + U(-0.25, 0.25))",
                                kRuns, kSeed),
                    {{"edition", "path", true, "Edition year or 'latest'", "2025"}},
                    {"edition", "runs", "seed", "spec", "pillars", "rows"},
                    false, "Uncertainty"},
                   WithEdition(engine, [&engine, computed](const app::LoadedEdition& e, const Request&,
                                                           const PathParams&) {
                     return Uncertainty(engine, *computed, e);
                   })});
}

}  // namespace ocindex::server
