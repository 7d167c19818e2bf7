#include "app/reference_uncertainty.h"

#include <algorithm>

#include "app/uncertainty_query.h"

namespace ocindex::app {

namespace un = core::uncertainty;

Result<std::shared_ptr<const un::UncertaintyResult>> ReferenceUncertainty::Get(const LoadedEdition& edition) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto found = results_.find(edition.id); found != results_.end()) return found->second;
  UncertaintyPlan planned;
  OCINDEX_ASSIGN_OR_RETURN(planned, PlanUncertainty(engine_, UncertaintyQuery{edition.id, un::ReferenceSpec(), {}}));
  un::AnalysisOptions options;
  options.runs = kRuns;
  options.seed = kSeed;
  un::UncertaintyResult result;
  OCINDEX_ASSIGN_OR_RETURN(result, un::RunUncertainty(planned.plan, options));
  auto kept = std::make_shared<const un::UncertaintyResult>(std::move(result));
  results_.emplace(edition.id, kept);
  return kept;
}

std::optional<size_t> PillarOf(const un::UncertaintyResult& result, const std::string& measure_id) {
  auto found = std::find(result.pillars.begin(), result.pillars.end(), measure_id);
  if (found == result.pillars.end()) return std::nullopt;
  return static_cast<size_t>(found - result.pillars.begin());
}

}  // namespace ocindex::app
