#include "core/assessment/round.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/assessment/policy.h"
#include "core/assessment/text.h"
#include "core/profile/narrative.h"

namespace ocindex::core::assessment {
namespace {

constexpr PhaseChange kPhaseChanges[] = {
    {Phase::kDrafting, Phase::kReviewOpen, false},
    {Phase::kReviewOpen, Phase::kCalibration, false},
    {Phase::kCalibration, Phase::kSettled, false},
    {Phase::kSettled, Phase::kPublished, false},  // once every item is final (RoundLedger checks)
    {Phase::kCalibration, Phase::kReviewOpen, true},
    {Phase::kSettled, Phase::kCalibration, true},
};

}  // namespace

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kDrafting: return "drafting";
    case Phase::kReviewOpen: return "review open";
    case Phase::kCalibration: return "calibration";
    case Phase::kSettled: return "settled";
    case Phase::kPublished: return "published";
  }
  return "drafting";
}

const CountryEntry* Round::FindCountry(std::string_view iso3) const {
  for (const CountryEntry& country : countries) {
    if (country.iso3 == iso3) return &country;
  }
  return nullptr;
}

bool Round::HasCell(const CellKey& key) const {
  return FindCountry(key.iso3) != nullptr && framework.FindIndicator(key.indicator).has_value();
}

bool Round::HasSection(const SectionKey& key) const {
  if (FindCountry(key.iso3) == nullptr) return false;
  const std::vector<std::string> ids = NarrativeSectionIds(framework);
  return std::find(ids.begin(), ids.end(), key.section) != ids.end();
}

std::vector<CellKey> Round::Cells() const {
  std::vector<CellKey> cells;
  for (const CountryEntry& country : countries) {
    for (const Indicator& indicator : framework.indicators) cells.push_back({country.iso3, indicator.id});
  }
  return cells;
}

std::optional<Rational> Round::BaselineScore(const CellKey& key) const {
  std::optional<int> country = baseline.FindCountry(key.iso3);
  if (!country) return std::nullopt;
  for (int i = 0; i < baseline.indicator_count(); ++i) {
    if (baseline.indicator_ids[static_cast<size_t>(i)] == key.indicator) return baseline.score(*country, i);
  }
  return std::nullopt;
}

Status ValidateRound(const Round& round) {
  auto invalid = [&](std::string message) { return MakeError(ErrorCode::kInvalidInput, std::move(message), "round " + round.id); };
  if (round.id.empty()) return invalid("a round needs an id");
  if (round.edition.empty()) return invalid("a round needs the edition it prepares");
  if (round.framework.indicators.empty() || round.framework.indicators.front().group < 0) {
    return invalid("the framework must be linked and hold indicators");
  }
  if (round.countries.empty()) return invalid("a round assesses at least one country");
  std::set<std::string> seen;
  for (const CountryEntry& country : round.countries) {
    if (country.iso3.empty()) return invalid("a country has no ISO3 code");
    if (!seen.insert(country.iso3).second) return invalid(fmt::format("country {} is listed twice", country.iso3));
  }
  const Dataset& baseline = round.baseline;
  if (baseline.scores.size() != baseline.countries.size() * baseline.indicator_ids.size()) {
    return invalid("the baseline's score table does not match its countries and indicators");
  }
  return {};
}

std::span<const PhaseChange> PhaseChanges() { return kPhaseChanges; }

Status CheckPhaseChange(const Round& round, const Actor& actor, Phase to, std::string_view reason) {
  OCINDEX_RETURN_IF_ERROR(Authorise(actor, Action::kManage, Relation::kNone, round.phase, "the round"));
  for (const PhaseChange& change : kPhaseChanges) {
    if (change.from != round.phase || change.to != to) continue;
    if (change.needs_reason && Trim(reason).empty()) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("going back to phase {} needs a reason", PhaseName(to)));
    }
    return {};
  }
  return MakeError(ErrorCode::kConflict, fmt::format("the round cannot go from phase {} to phase {}",
                                                     PhaseName(round.phase), PhaseName(to)));
}

}  // namespace ocindex::core::assessment
