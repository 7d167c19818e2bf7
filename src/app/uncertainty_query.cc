#include "app/uncertainty_query.h"

#include <algorithm>

#include "core/model/lookup.h"

namespace ocindex::app {

Status UncertaintyQuery::Validate() const {
  if (spec.expert_bootstrap && experts.empty()) {
    return MakeError(ErrorCode::kInvalidInput,
                     "the spec resamples expert scores (expert_bootstrap): name them with --experts FILE.csv or "
                     "--experts stored");
  }
  return {};
}

Result<UncertaintyPlan> PlanUncertainty(const Engine& engine, const UncertaintyQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  UncertaintyPlan out;
  OCINDEX_ASSIGN_OR_RETURN(out.edition, engine.Edition(query.edition));
  // Tables and charts name countries as every other query does, not as spelled in the edition.
  core::Dataset dataset = out.edition->edition.dataset;
  for (core::CountryEntry& country : dataset.countries) country.name = core::DisplayName(engine.geography(), country);
  OCINDEX_ASSIGN_OR_RETURN(out.plan, core::uncertainty::BuildPlan(out.edition->edition.framework, dataset, query.spec,
                                                                  query.experts));
  return out;
}

std::vector<const core::uncertainty::CountryOutcome*> ByNominalRank(const core::uncertainty::UncertaintyResult& result,
                                                                    size_t pillar) {
  std::vector<const core::uncertainty::CountryOutcome*> order;
  for (const auto& country : result.countries) order.push_back(&country);
  std::stable_sort(order.begin(), order.end(), [pillar](const auto* a, const auto* b) {
    return a->pillars[pillar].nominal_rank < b->pillars[pillar].nominal_rank;
  });
  return order;
}

}  // namespace ocindex::app
