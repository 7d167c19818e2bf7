// The edition a round would publish, worked out before it is final: every composite,
// its world rank and the quadrant with the round's scores beside the baseline's, all
// computed over the round's countries as publication will (Scorecard, RankCountries,
// Classify). The scoring page shows its country with the caller's drafts; the
// coordinator's publish step shows what every country would gain or lose.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/assessment/rounds.h"
#include "core/assessment/publication.h"
#include "core/scoring/ranking.h"

namespace ocindex::app {

struct CompositeMove {
  std::string id;  // a node of the round's framework
  std::string name;
  std::optional<int64_t> before, after;  // published (rounded) units
  core::Rank rank_before, rank_after;    // world ranks among the round's countries
};

struct CountryFigures {
  core::CountryEntry country;
  int decimals = 2;  // of the rounded units
  std::vector<CompositeMove> composites;  // every node, in framework order
  std::optional<core::Quadrant> quadrant_before, quadrant_after;
};

struct PublicationPreview {
  as::ChangeReport changes;  // cells with a standing score (settled, else the proposal) against the baseline
  int pending = 0;           // cells with neither: they keep the baseline score here
  std::vector<CountryFigures> countries;  // those whose composites, ranks or quadrant move, in round order
};

// A country's figures with its cells at what the caller sees: a settled score, else the
// consensus proposal (when the caller may see other experts), else the caller's own
// draft, else the baseline (also for cells the caller may not read); every other
// country at its baseline. The policy's refusal when the caller may read none of its cells.
Result<CountryFigures> PreviewCountry(Rounds& rounds, const std::string& round, const as::Actor& actor,
                                      const std::string& iso3);

// Every country's figures with every cell at its standing score: the index team only.
Result<PublicationPreview> PreviewPublication(Rounds& rounds, const std::string& round, const as::Actor& actor);

}  // namespace ocindex::app
