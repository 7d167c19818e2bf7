#include "core/assessment/publication.h"

#include <fmt/format.h>

namespace ocindex::core::assessment {
namespace {

const std::string& Pseudonym(std::map<std::string, std::string>& pseudonyms, const UserRef& expert) {
  auto [entry, added] = pseudonyms.try_emplace(expert.id);
  if (added) entry->second = fmt::format("expert-{}", pseudonyms.size());
  return entry->second;
}

}  // namespace

void AddChange(ChangeReport& report, CellChange change) {
  if (!change.delta) {
    ++report.added;
  } else if (*change.delta > Rational(0)) {
    ++report.raised;
  } else if (*change.delta < Rational(0)) {
    ++report.lowered;
  } else {
    ++report.unchanged;
  }
  report.cells.push_back(std::move(change));
}

Result<Publication> BuildPublication(const RoundLedger& ledger) {
  const Unfinished unfinished = ledger.UnfinishedItems(kUnfinishedListed);
  if (unfinished.total > 0) {
    const int unnamed = unfinished.total - static_cast<int>(unfinished.first.size());
    return MakeError(ErrorCode::kConflict,
                     fmt::format("items not final ({}): {}{}", unfinished.total, fmt::join(unfinished.first, ", "),
                                 unnamed > 0 ? fmt::format(" and {} more", unnamed) : std::string()),
                     "round " + ledger.round().id);
  }
  const Round& round = ledger.round();
  Publication publication;
  publication.edition.framework = round.framework;
  Dataset& dataset = publication.edition.dataset;
  dataset = Dataset::ShapedFor(round.framework);
  dataset.edition = round.edition;
  for (const CountryEntry& country : round.countries) {
    const int row = dataset.AddCountry(country);
    for (int i = 0; i < dataset.indicator_count(); ++i) {
      const CellKey key{country.iso3, dataset.indicator_ids[static_cast<size_t>(i)]};
      const CellHistory& history = *ledger.FindCell(key);
      const std::optional<Rational> settled = SettledScore(history);
      if (!settled) return MakeError(ErrorCode::kInternal, "a final cell has no settled score", key.ToString());
      dataset.score(row, i) = settled;
      for (const Submission* submission : CurrentSubmissions(history, ledger.assignments().TeamOf(key))) {
        publication.expert_scores.push_back(ExpertScore{round.edition, key.iso3, key.indicator,
                                                        Pseudonym(publication.pseudonyms, submission->expert),
                                                        submission->score.ToDouble(), submission->justification});
      }
      CellChange change{key, round.BaselineScore(key), *settled, std::nullopt};
      if (change.baseline) change.delta = *settled - *change.baseline;
      AddChange(publication.changes, std::move(change));
    }
  }
  for (const auto& entry : ledger.assignments().sections) {
    const std::string* text = CurrentText(*ledger.FindSection(entry.first));
    if (text != nullptr) publication.narratives.push_back(SectionText{entry.first, *text});
  }
  return publication;
}

}  // namespace ocindex::core::assessment
