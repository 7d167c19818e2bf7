#include "app/assessment/round_queries.h"

#include <algorithm>

#include "core/assessment/policy.h"
#include "core/profile/narrative.h"

namespace ocindex::app {
namespace {

// Errors that mean "not this user's to read", as opposed to a broken store.
bool Refused(const Error& error) {
  return error.code == ErrorCode::kForbidden || error.code == ErrorCode::kConflict;
}

const std::string* BaselineText(const as::Round& round, const as::SectionKey& key) {
  for (const as::SectionText& text : round.baseline_narratives) {
    if (text.key == key) return &text.text;
  }
  return nullptr;
}

// The draft as `profile import` reads it (round_queries.h).
void Render(const core::Framework& framework, CountrySection& section) {
  if (section.text.empty()) return;
  // The heading line and the blank line after it come before the expert's first line.
  constexpr int kAdded = 2;
  auto parsed = core::ParseNarrative("# " + section.title + "\n\n" + section.text, framework,
                                     core::NarrativeFormat::kMarkdown);
  if (!parsed) {
    section.problems.push_back(parsed.error().message);
    return;
  }
  if (const core::NarrativeSection* own = parsed->Find(section.key.section)) section.rendered = own->text;
  for (const core::NarrativeProblem& problem : parsed->problems) {
    section.problems.push_back("line " + std::to_string(std::max(1, problem.line - kAdded)) + ": " + problem.message);
  }
  for (const core::UnplacedText& unplaced : parsed->unplaced) {
    section.problems.push_back("text under '" + unplaced.heading + "' would not be part of this section");
  }
}

}  // namespace

const std::map<as::CellKey, std::vector<std::string>>& RoundQueries::BaselineJustifications(
    const std::string& edition) {
  std::lock_guard lock(mutex_);
  auto [entry, added] = justifications_.try_emplace(edition);
  if (added && !edition.empty()) {
    // Imported editions have no expert scores: the cells then show the score alone.
    if (auto stored = store_.LoadExpertScores(edition)) {
      for (const core::ExpertScore& s : stored->scores) {
        if (!s.justification.empty()) entry->second[{s.iso3, s.indicator}].push_back(s.justification);
      }
    }
  }
  return entry->second;
}

Result<CountryWork> RoundQueries::Country(const std::string& round, const as::Actor& actor, const std::string& iso3) {
  RoundInfo info;
  OCINDEX_ASSIGN_OR_RETURN(info, rounds_.Info(round, actor));
  const auto& justifications = BaselineJustifications(info.baseline_edition);
  CountryWork work;
  Status status = MakeError(ErrorCode::kNotFound, "no country " + iso3 + " in round " + round);
  OCINDEX_RETURN_IF_ERROR(rounds_.Observe(round, [&](const as::RoundLedger& ledger) {
    const as::Round& r = ledger.round();
    const core::CountryEntry* country = r.FindCountry(iso3);
    if (country == nullptr) return;
    work.country = *country;
    work.phase = r.phase;
    work.scale_min = r.framework.scale_min;
    work.scale_max = r.framework.scale_max;
    work.scale_step = r.framework.scale_step;
    // With nothing readable, the answer is the first refusal: who (403) or when (409).
    std::optional<Error> refusal;
    for (const core::Indicator& indicator : r.framework.indicators) {
      const as::CellKey key{country->iso3, indicator.id};
      auto view = as::ViewCell(ledger, actor, key);
      if (!view) {
        if (!refusal || !Refused(view.error())) refusal = view.error();
        continue;
      }
      auto found = justifications.find(key);
      const std::string group =
          indicator.group >= 0 ? r.framework.nodes[static_cast<size_t>(indicator.group)].name : std::string();
      work.cells.push_back({indicator.name, indicator.definition, group,
                            as::RelationTo(ledger.assignments(), actor.user, key), std::move(*view), r.BaselineScore(key),
                            found == justifications.end() ? std::vector<std::string>{} : found->second});
    }
    for (const std::string& id : core::NarrativeSectionIds(r.framework)) {
      const as::SectionKey key{country->iso3, id};
      const as::SectionHistory* history = ledger.FindSection(key);
      if (history == nullptr || ledger.assignments().sections.count(key) == 0) continue;
      const as::Relation relation = as::RelationTo(ledger.assignments(), actor.user, key);
      if (!as::Authorise(actor, as::Action::kRead, relation, r.phase, key.ToString())) continue;
      const std::string* text = as::CurrentText(*history);
      const std::string* baseline = BaselineText(r, key);
      CountrySection section{key,      core::SectionHeading(r.framework, id), history->state(), history->version(),
                             relation, text ? *text : "", baseline ? *baseline : "", "", {}};
      Render(r.framework, section);
      work.sections.push_back(std::move(section));
    }
    if (refusal) status = *refusal;
  }));
  if (work.cells.empty() && work.sections.empty()) return status.error();
  return work;
}

Result<Calibration> RoundQueries::Calibrate(const std::string& round, const as::Actor& actor,
                                            const std::string& indicator, const std::string& region) {
  OCINDEX_RETURN_IF_ERROR(rounds_.Info(round, actor));
  Calibration calibration;
  calibration.indicator = indicator;
  calibration.region = region;
  Status status;
  OCINDEX_RETURN_IF_ERROR(rounds_.Observe(round, [&](const as::RoundLedger& ledger) {
    const as::Round& r = ledger.round();
    const std::optional<int> found = r.framework.FindIndicator(indicator);
    if (!found) {
      status = MakeError(ErrorCode::kNotFound, "no indicator " + indicator + " in round " + round);
      return;
    }
    calibration.name = r.framework.indicators[static_cast<size_t>(*found)].name;
    const bool known = region.empty() || std::any_of(r.countries.begin(), r.countries.end(),
                                                     [&](const core::CountryEntry& c) { return c.region == region; });
    if (!known) {
      status = MakeError(ErrorCode::kNotFound, "no country of region '" + region + "' in round " + round);
      return;
    }
    const std::map<as::CellKey, as::CellSignal> signals = as::Signals(ledger, indicator);
    for (const core::CountryEntry& country : r.countries) {
      if (!region.empty() && country.region != region) continue;
      const as::CellKey key{country.iso3, indicator};
      auto view = as::ViewCell(ledger, actor, key);
      if (!view) {
        if (!Refused(view.error())) status = view.error();
        continue;
      }
      std::optional<as::CellSignal> signal;
      // The flags rest on other experts' scores: shown only to whoever may see those.
      if (view->others_visible) signal = signals.at(key);
      calibration.rows.push_back({country, std::move(*view), r.BaselineScore(key), signal});
    }
  }));
  OCINDEX_RETURN_IF_ERROR(status);
  return calibration;
}

}  // namespace ocindex::app
