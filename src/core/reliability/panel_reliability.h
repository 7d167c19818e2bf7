// Inter-rater reliability of an expert panel, per indicator or per framework node:
// Krippendorff's alpha (interval and ordinal) and ICC(2,1)/ICC(2,k) on the table of
// units x experts that the expert-level scores form.
//
// A unit is one country x indicator cell: per indicator the units are the countries,
// per node (group, component, pillar) and overall they are every cell of the indicators
// beneath it. Raters are the distinct expert ids seen in those cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/framework.h"
#include "core/reliability/expert_scores.h"
#include "core/reliability/icc.h"

namespace ocindex::core {

enum class ReliabilityScope { kIndicator, kGroup, kComponent, kPillar, kAll };

struct PanelReliability {
  std::string id;    // indicator or node id; "all" for every indicator
  std::string name;  // its display name
  int units = 0;     // cells with at least one score
  int raters = 0;    // distinct experts
  int ratings = 0;   // scores present
  double missing_share = 0.0;  // empty share of the units x raters table
  std::optional<double> alpha_interval;
  std::optional<double> alpha_ordinal;
  // The ICC needs a complete table: it uses the units every rater scored.
  std::optional<IntraclassCorrelation> icc;
  int icc_units = 0;
  // Why a measure above is absent (too few units or raters, no variation), in words.
  std::vector<std::string> problems;
};

// One row per indicator or node of `scope` (framework order) that has scores, then an
// "all" row over every score; kAll gives the "all" row only. Scores whose indicator the
// framework lacks are ignored (the reader rejects them before this point).
std::vector<PanelReliability> ReliabilityBy(const Framework& framework, const std::vector<ExpertScore>& scores,
                                            ReliabilityScope scope);

// kInvalidInput when `overall` (ReliabilityBy's "all" row for the scores of `edition`)
// has neither alpha nor an ICC: one expert, one scored cell, no variation. Scores that
// `reliability` cannot measure are not stored by `reliability import` either, with the
// same message.
Status CheckMeasurable(const std::string& edition, const PanelReliability& overall);

}  // namespace ocindex::core
