#include "app/changes_query.h"

#include <algorithm>

#include "core/model/lookup.h"

namespace ocindex::app {

Status ChangesQuery::Validate() const {
  if (basis != "raw" && basis != "like-for-like") {
    return MakeError(ErrorCode::kInvalidInput, "basis must be raw or like-for-like, not '" + basis + "'");
  }
  return ValidateScope(scope);
}

Result<ChangesTable> Changes(const Engine& engine, const ChangesQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  ChangesTable table;
  OCINDEX_ASSIGN_OR_RETURN(table.after, engine.Edition(query.to));
  const std::string from = query.from.empty() ? table.after->edition.framework.previous : query.from;
  if (from.empty()) {
    return MakeError(ErrorCode::kInvalidInput,
                     "edition " + table.after->id + " has no previous edition; name the earlier edition to compare");
  }
  OCINDEX_ASSIGN_OR_RETURN(table.before, engine.Edition(from));
  OCINDEX_ASSIGN_OR_RETURN(table.comparison, core::CompareEditions(table.before->edition, table.after->edition,
                                                                   query.measure, *core::ParseScope(query.scope)));
  table.raw = query.basis == "raw";
  table.added = core::IndicatorNames(table.after->edition.framework, table.comparison.only_after);
  table.dropped = core::IndicatorNames(table.before->edition.framework, table.comparison.only_before);
  const core::Dataset& dataset = table.after->edition.dataset;
  for (const core::CountryChange& change : table.comparison.countries) {
    auto index = dataset.FindCountry(change.iso3);
    if (!index) continue;  // CompareEditions keeps countries of both editions only
    ChangeRow& row = table.rows.emplace_back();
    row.country = &dataset.countries[static_cast<size_t>(*index)];
    row.name = core::DisplayName(engine.geography(), *row.country);
    row.change = change;
    row.before = table.raw ? change.raw_before : change.like_before;
    row.after = table.raw ? change.raw_after : change.like_after;
    row.delta = table.raw ? change.raw_change() : change.like_change();
  }
  std::sort(table.rows.begin(), table.rows.end(), [](const ChangeRow& a, const ChangeRow& b) {
    if (a.delta.has_value() != b.delta.has_value()) return a.delta.has_value();
    if (a.delta != b.delta) return *a.delta > *b.delta;
    return a.name < b.name;
  });
  return table;
}

}  // namespace ocindex::app
