#include "app/whatif_query.h"

#include "app/country_query.h"
#include "app/labels.h"
#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"

namespace ocindex::app {

Status WhatIfQuery::Validate() const {
  if (changes.empty() && (!scenario || scenario->adjustments.empty())) {
    return MakeError(ErrorCode::kInvalidInput, "give at least one change (law_enforcement=+1) or a scenario file");
  }
  if (!changes.empty()) return RequireCountry(country);
  return {};
}

std::vector<std::string> CountryNames(const Engine& engine, const LoadedEdition& edition) {
  std::vector<std::string> names;
  for (const core::CountryEntry& country : edition.edition.dataset.countries) {
    names.push_back(core::DisplayName(engine.geography(), country));
  }
  return names;
}

Result<WhatIfAnswer> WhatIf(const Engine& engine, const WhatIfQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  WhatIfAnswer answer;
  const std::string edition = query.edition.empty() && query.scenario ? query.scenario->edition : query.edition;
  OCINDEX_ASSIGN_OR_RETURN(answer.edition, engine.Edition(edition));
  std::vector<core::Adjustment> adjustments = query.scenario ? query.scenario->adjustments : std::vector<core::Adjustment>{};
  for (const std::string& text : query.changes) {
    core::Adjustment adjustment;
    OCINDEX_ASSIGN_OR_RETURN(adjustment, core::ParseAdjustment(text));
    adjustment.country = query.country;
    adjustments.push_back(std::move(adjustment));
  }
  // Countries by any name, indicators by id or name: the saved scenario carries ids.
  const core::Framework& framework = answer.edition->edition.framework;
  for (core::Adjustment& adjustment : adjustments) {
    int index = 0;
    OCINDEX_ASSIGN_OR_RETURN(index, FindAssessedCountry(engine, *answer.edition, adjustment.country));
    adjustment.country = answer.edition->edition.dataset.countries[static_cast<size_t>(index)].iso3;
    if (auto measure = framework.FindMeasure(adjustment.indicator); measure && !framework.IsNode(*measure)) {
      adjustment.indicator = framework.MeasureId(*measure);
    }
  }
  answer.scenario = core::Scenario{answer.edition->id, std::move(adjustments)};
  OCINDEX_ASSIGN_OR_RETURN(answer.result, core::WhatIf(answer.edition->Ranked(), answer.scenario));
  answer.names = CountryNames(engine, *answer.edition);
  return answer;
}

adapters::render::Grid WhatIfGrid(const WhatIfAnswer& answer) {
  const core::Framework& framework = answer.edition->edition.framework;
  const int d = framework.decimals;
  adapters::render::Grid grid;
  for (const char* name : {"iso3", "country", "measure"}) grid.AddColumn(name);
  for (const char* name : {"before", "after", "change"}) grid.AddColumn(name, true);
  for (core::Scope scope : core::kScopes) {
    grid.AddColumn(std::string("rank_") + core::ScopeName(scope) + "_before", true);
    grid.AddColumn(std::string("rank_") + core::ScopeName(scope) + "_after", true);
  }
  for (const core::CountryOutcome& outcome : answer.result.countries) {
    const core::CountryEntry& country = answer.edition->edition.dataset.countries[static_cast<size_t>(outcome.country)];
    for (const core::MeasureOutcome& row : outcome.measures) {
      auto& cells = grid.AddRow();
      cells = {country.iso3, answer.names[static_cast<size_t>(outcome.country)], framework.MeasureId(row.measure),
               Units(row.before, d), Units(row.after, d),
               SignedUnits(row.before && row.after ? std::optional<int64_t>(*row.after - *row.before) : std::nullopt, d)};
      for (size_t s = 0; s < core::kScopes.size(); ++s) {
        cells.push_back(Text(Position(row.ranks_before[s])));
        cells.push_back(Text(Position(row.ranks_after[s])));
      }
    }
  }
  return grid;
}

adapters::render::Grid KnockOnGrid(const WhatIfAnswer& answer) {
  const core::Framework& framework = answer.edition->edition.framework;
  adapters::render::Grid grid;
  for (const char* name : {"measure", "scope", "iso3", "country"}) grid.AddColumn(name);
  grid.AddColumn("rank_before", true);
  grid.AddColumn("rank_after", true);
  for (const core::KnockOn& row : answer.result.knock_on) {
    grid.rows.push_back({framework.MeasureId(row.measure), core::ScopeName(core::kScopes[row.scope]),
                         answer.edition->edition.dataset.countries[static_cast<size_t>(row.country)].iso3,
                         answer.names[static_cast<size_t>(row.country)], Text(Position(row.before)),
                         Text(Position(row.after))});
  }
  return grid;
}

adapters::render::Grid AveragesGrid(const WhatIfAnswer& answer) {
  const core::Framework& framework = answer.edition->edition.framework;
  const int d = framework.decimals;
  adapters::render::Grid grid;
  for (const char* name : {"measure", "scope", "group"}) grid.AddColumn(name);
  for (const char* name : {"members", "before", "after"}) grid.AddColumn(name, true);
  for (const core::AverageOutcome& row : answer.result.averages) {
    grid.rows.push_back({framework.MeasureId(row.measure), core::ScopeName(core::kScopes[row.scope]), row.group,
                         std::to_string(row.members), Units(row.before, d), Units(row.after, d)});
  }
  return grid;
}

}  // namespace ocindex::app
