#include "app/ranks_query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/model/lookup.h"
#include "core/scoring/country_summary.h"

namespace ocindex::app {

Status RanksQuery::Validate() const {
  if (measure.empty()) return MakeError(ErrorCode::kInvalidInput, "give a measure to rank by");
  return ValidateScope(scope);
}

Result<RanksTable> Ranks(const Engine& engine, const RanksQuery& query) {
  OCINDEX_RETURN_IF_ERROR(query.Validate());
  RanksTable table;
  OCINDEX_ASSIGN_OR_RETURN(table.edition, engine.Edition(query.edition));
  const core::Edition& edition = table.edition->edition;
  OCINDEX_ASSIGN_OR_RETURN(table.measure, core::ResolveMeasure(edition.framework, query.measure));
  table.measure_id = edition.framework.MeasureId(table.measure);
  table.decimals = edition.framework.decimals;
  table.scope = *core::ParseScope(query.scope);
  std::array<std::vector<core::Rank>, 3> ranks;
  for (size_t s = 0; s < core::kScopes.size(); ++s) {
    ranks[s] = core::RankCountries(edition.dataset, table.edition->card, table.measure, core::kScopes[s]);
  }
  for (int c = 0; c < edition.dataset.country_count(); ++c) {
    const core::CountryEntry& country = edition.dataset.countries[static_cast<size_t>(c)];
    if (!query.filter.Keeps(country)) continue;
    RankRow& row = table.rows.emplace_back();
    row.country = &country;
    row.name = core::DisplayName(engine.geography(), country);
    row.value = table.edition->card.rounded(c, table.measure);
    for (size_t s = 0; s < core::kScopes.size(); ++s) row.ranks[s] = ranks[s][static_cast<size_t>(c)];
  }
  std::sort(table.rows.begin(), table.rows.end(), [&table](const RankRow& a, const RankRow& b) {
    const std::string& group_a = core::ScopeGroup(*a.country, table.scope);
    const std::string& group_b = core::ScopeGroup(*b.country, table.scope);
    if (group_a != group_b) return group_a < group_b;
    const core::Rank& rank_a = table.RankInScope(a);
    const core::Rank& rank_b = table.RankInScope(b);
    if ((rank_a.position == 0) != (rank_b.position == 0)) return rank_b.position == 0;
    if (rank_a.position != rank_b.position) return rank_a.position < rank_b.position;
    return a.name < b.name;
  });
  return table;
}

std::string RowFilter::Describe() const {
  std::vector<std::string> parts;
  if (!search.empty()) parts.push_back(fmt::format("countries matching \"{}\"", search));
  if (from && to) parts.push_back(fmt::format("figures from {} to {}", *from, *to));
  else if (from) parts.push_back(fmt::format("figures of {} or more", *from));
  else if (to) parts.push_back(fmt::format("figures of {} or less", *to));
  return fmt::format("{}", fmt::join(parts, ", "));
}

void KeepRows(const core::Geography& geography, const RowFilter& filter, RanksTable& table) {
  if (filter.empty()) return;
  std::set<std::string> found;
  for (const core::Geography::Match& match : geography.Search(filter.search)) found.insert(match.country->iso3);
  const double scale = std::pow(10.0, table.decimals);
  std::erase_if(table.rows, [&](const RankRow& row) {
    if (!filter.search.empty() && found.count(row.country->iso3) == 0) return true;
    if (!filter.from && !filter.to) return false;
    if (!row.value) return true;
    const double value = static_cast<double>(*row.value) / scale;
    return (filter.from && value < *filter.from) || (filter.to && value > *filter.to);
  });
}

}  // namespace ocindex::app
