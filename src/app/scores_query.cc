#include "app/scores_query.h"

#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"

namespace ocindex::app {
namespace {

Result<std::vector<int>> ChooseMeasures(const core::Framework& framework, const std::vector<std::string>& queries) {
  std::vector<int> measures;
  if (queries.empty()) {
    for (int n = 0; n < static_cast<int>(framework.nodes.size()); ++n) {
      if (framework.nodes[static_cast<size_t>(n)].kind != core::NodeKind::kGroup) measures.push_back(n);
    }
    return measures;
  }
  if (queries.size() == 1 && queries[0] == "all") return core::DisplayOrder(framework);
  for (const std::string& query : queries) {
    int measure = 0;
    OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(framework, query));
    measures.push_back(measure);
  }
  return measures;
}

}  // namespace

Result<ScoresTable> Scores(const Engine& engine, const ScoresQuery& query) {
  ScoresTable table;
  OCINDEX_ASSIGN_OR_RETURN(table.edition, engine.Edition(query.edition));
  const core::Edition& edition = table.edition->edition;
  OCINDEX_ASSIGN_OR_RETURN(table.measures, ChooseMeasures(edition.framework, query.measures));
  for (int m : table.measures) table.measure_ids.push_back(edition.framework.MeasureId(m));
  table.decimals = edition.framework.decimals;
  for (int c = 0; c < edition.dataset.country_count(); ++c) {
    const core::CountryEntry& country = edition.dataset.countries[static_cast<size_t>(c)];
    if (!query.filter.Keeps(country)) continue;
    ScoreRow& row = table.rows.emplace_back();
    row.country = &country;
    row.name = core::DisplayName(engine.geography(), country);
    for (int m : table.measures) row.values.push_back(table.edition->card.rounded(c, m));
  }
  return table;
}

}  // namespace ocindex::app
