// The plan of a Monte Carlo uncertainty or Sobol sensitivity analysis
// (core/uncertainty, docs/ANALYTICS.md) on a stored edition: what `ocindex uncertainty`,
// `ocindex sensitivity` and the API's reference experiment run.
#pragma once

#include <string>
#include <vector>

#include "app/engine.h"
#include "core/error.h"
#include "core/reliability/expert_scores.h"
#include "core/uncertainty/evaluation_plan.h"
#include "core/uncertainty/uncertainty_analysis.h"
#include "core/uncertainty/uncertainty_spec.h"

namespace ocindex::app {

struct UncertaintyQuery {
  std::string edition;  // id, "latest" or "" (the newest)
  core::uncertainty::UncertaintySpec spec = core::uncertainty::ReferenceSpec();
  std::vector<core::ExpertScore> experts;  // the edition's expert-level scores, for a spec that resamples them

  Status Validate() const;
};

struct UncertaintyPlan {
  const LoadedEdition* edition = nullptr;
  core::uncertainty::Plan plan;  // countries carry their common English names
};

Result<UncertaintyPlan> PlanUncertainty(const Engine& engine, const UncertaintyQuery& query);

// A result's countries in the order of their nominal rank on pillar `pillar` (ties keep
// the plan's order), as every listing by pillar shows them.
std::vector<const core::uncertainty::CountryOutcome*> ByNominalRank(const core::uncertainty::UncertaintyResult& result,
                                                                    size_t pillar);

}  // namespace ocindex::app
