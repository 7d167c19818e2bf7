// Expert-level scores named on the command line (docs/EXPERT_DATA.md): what
// `reliability` measures and what `uncertainty --experts` / `sensitivity --experts`
// resample.
#pragma once

#include <string>
#include <vector>

#include "app/engine.h"
#include "core/error.h"
#include "core/reliability/expert_scores.h"

namespace ocindex::cli {

// An expert-level CSV file ("-": standard input, when something is piped in), checked
// against every edition the engine knows.
Result<std::vector<core::ExpertScore>> ReadExpertFile(app::Engine& engine, const std::string& file);

// The edition asked for, or the scores' only edition when none is.
Result<std::string> ChooseEdition(const std::vector<core::ExpertScore>& scores, const std::string& wanted);

// A stored revision (0 = the newest) of an edition's scores; says which on stderr.
Result<std::vector<core::ExpertScore>> LoadStoredExpertScores(app::Engine& engine, const std::string& edition,
                                                              int revision);

// One edition's scores: from a file (its rows of other editions left out; an error if
// it has none of this one), or with `source` "stored" the newest stored revision.
Result<std::vector<core::ExpertScore>> ExpertScoresOf(app::Engine& engine, const std::string& source,
                                                      const std::string& edition);

}  // namespace ocindex::cli
