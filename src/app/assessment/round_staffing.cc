#include "app/assessment/round_staffing.h"

#include <algorithm>

#include "core/assessment/round_robin.h"
#include "core/profile/narrative.h"

namespace ocindex::app {

Result<as::Assignments> RoundRobinStaffing(Rounds& rounds, const std::string& round, const as::Actor& actor,
                                           const RoundRobinRequest& request) {
  std::vector<as::UserRef> experts, reviewers;
  for (const std::string& id : request.experts) experts.push_back({id});
  for (const std::string& id : request.reviewers) reviewers.push_back({id});
  Result<as::Assignments> result = MakeError(ErrorCode::kInternal, "not read");
  OCINDEX_RETURN_IF_ERROR(rounds.Inspect(round, actor, [&](const as::RoundLedger& ledger) {
    const as::Round& r = ledger.round();
    result = as::RoundRobin(r, request.per_cell, experts, reviewers);
    if (!result) return;
    const std::vector<std::string> ids = core::NarrativeSectionIds(r.framework);
    for (const std::string& section : request.sections) {
      if (std::find(ids.begin(), ids.end(), section) == ids.end()) {
        result = MakeError(ErrorCode::kInvalidInput, "no narrative section '" + section + "' in the round's framework");
        return;
      }
      for (const core::CountryEntry& country : r.countries) {
        const as::CellKey first{country.iso3, r.framework.indicators.front().id};
        result->sections[{country.iso3, section}] = result->TeamOf(first);
      }
    }
  }));
  return result;
}

}  // namespace ocindex::app
