#include "app/compare_query.h"

#include <fmt/format.h>

#include "app/country_query.h"
#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"

namespace ocindex::app {

Status CompareQuery::Validate() const {
  if (countries.size() < kMinCompared || countries.size() > kMaxCompared) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("give {} to {} countries (KAZ UZB), not {}", kMinCompared,
                                                           kMaxCompared, countries.size()));
  }
  return {};
}

Result<CompareTable> Compare(const Engine& engine, const CompareQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  CompareTable table;
  OCINDEX_ASSIGN_OR_RETURN(table.edition, engine.Edition(query.edition));
  const core::Edition& edition = table.edition->edition;
  table.decimals = edition.framework.decimals;
  std::vector<int> picked;
  for (const std::string& country : query.countries) {
    int index = 0;
    OCINDEX_ASSIGN_OR_RETURN(index, FindAssessedCountry(engine, *table.edition, country));
    picked.push_back(index);
    table.countries.push_back(&edition.dataset.countries[static_cast<size_t>(index)]);
    table.names.push_back(core::DisplayName(engine.geography(), *table.countries.back()));
  }
  for (int m : core::DisplayOrder(edition.framework)) {
    const std::vector<core::Rank> ranks =
        core::RankCountries(edition.dataset, table.edition->card, m, core::Scope::kWorld);
    CompareRow& row = table.rows.emplace_back();
    row.measure = m;
    for (int c : picked) row.figures.push_back({table.edition->card.rounded(c, m), ranks[static_cast<size_t>(c)]});
  }
  return table;
}

}  // namespace ocindex::app
