#include "app/aggregates_query.h"

#include <map>

#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"

namespace ocindex::app {

Status AggregatesQuery::Validate() const {
  return ValidateScope(scope);
}

Result<AggregatesTable> Aggregates(const Engine& engine, const AggregatesQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  AggregatesTable table;
  OCINDEX_ASSIGN_OR_RETURN(table.edition, engine.Edition(query.edition));
  const core::Edition& edition = table.edition->edition;
  table.scope = *core::ParseScope(query.scope);
  table.decimals = edition.framework.decimals;
  if (query.measures.empty()) table.measures = core::DisplayOrder(edition.framework);
  for (const std::string& id : query.measures) {
    int measure = 0;
    OCINDEX_ASSIGN_OR_RETURN(measure, core::ResolveMeasure(edition.framework, id));
    table.measures.push_back(measure);
  }
  for (int m : table.measures) table.measure_ids.push_back(edition.framework.MeasureId(m));
  // Ordered maps: groups come out alphabetical.
  std::map<std::string, AggregateRow> rows;
  for (const core::CountryEntry& country : edition.dataset.countries) {
    AggregateRow& row = rows[core::ScopeGroup(country, table.scope)];
    ++row.countries;
    row.values.resize(table.measures.size());
  }
  for (size_t i = 0; i < table.measures.size(); ++i) {
    for (const core::GroupMean& mean : core::GroupMeans(edition.dataset, table.edition->card, table.measures[i],
                                                        table.scope)) {
      GroupFigure& figure = rows[mean.group].values[i];
      figure.members = mean.members;
      if (mean.members > 0) figure.mean = mean.rounded;
    }
  }
  for (auto& [group, row] : rows) {
    row.group = group;
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace ocindex::app
