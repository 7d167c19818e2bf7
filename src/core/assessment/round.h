// A round: an edition in preparation. It holds the rules (the framework), the
// countries assessed with their regions (thematic calibration compares a region), and
// the baseline: the previous edition's scores and narratives, as values.
//
// Phases (docs/ASSESSMENT.md): drafting -> review open -> calibration -> settled ->
// published. Review opening is the confidentiality line: before it, experts see only
// their own drafts. Calibration compares one indicator across a region's countries once
// most cells have a consensus. Settled freezes expert work so the index team can mark
// cells final. Published needs every cell and assigned section final, and is terminal.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment/keys.h"
#include "core/assessment/people.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/rational.h"

namespace ocindex::core::assessment {

enum class Phase { kDrafting, kReviewOpen, kCalibration, kSettled, kPublished };
inline constexpr Phase kPhases[] = {Phase::kDrafting, Phase::kReviewOpen, Phase::kCalibration, Phase::kSettled,
                                    Phase::kPublished};

const char* PhaseName(Phase phase);

struct SectionText {
  SectionKey key;
  std::string text;
};

struct Round {
  std::string id;
  std::string edition;  // the edition it publishes as
  Framework framework;  // linked
  std::vector<CountryEntry> countries;  // assessed in this round; `region` groups calibration
  Dataset baseline;                     // the previous edition, matched by ISO3 and indicator id
  std::vector<SectionText> baseline_narratives;
  Phase phase = Phase::kDrafting;

  const CountryEntry* FindCountry(std::string_view iso3) const;
  bool HasCell(const CellKey& key) const;
  bool HasSection(const SectionKey& key) const;
  // Every country x indicator, countries in round order, indicators in framework order.
  std::vector<CellKey> Cells() const;
  // The previous edition's score of the cell; nullopt if it was not assessed then.
  std::optional<Rational> BaselineScore(const CellKey& key) const;
};

// Ids and countries present, countries unique, framework linked, baseline tables whole.
Status ValidateRound(const Round& round);

// A phase change the coordinator (or an admin) may make; going back needs a reason.
struct PhaseChange {
  Phase from;
  Phase to;
  bool needs_reason;
};
std::span<const PhaseChange> PhaseChanges();

// Whether `actor` may move the round to `to` now (kForbidden, kInvalidInput, kConflict).
Status CheckPhaseChange(const Round& round, const Actor& actor, Phase to, std::string_view reason);

}  // namespace ocindex::core::assessment
