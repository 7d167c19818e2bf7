// What-if: a scenario's changed scores carried through every composite, rank,
// quadrant and group average (core::WhatIf on the edition's ranks).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/render/grid.h"
#include "app/engine.h"
#include "core/decision/what_if.h"
#include "core/error.h"

namespace ocindex::app {

struct WhatIfQuery {
  std::string edition;  // id, "latest" or "" (the scenario's edition, else the newest)
  std::string country;  // the country of the changes written without one
  std::vector<std::string> changes;         // "law_enforcement=+1", "heroin_trade=4"
  std::optional<core::Scenario> scenario;   // a saved scenario; `changes` are added after it

  Status Validate() const;
};

struct WhatIfAnswer {
  const LoadedEdition* edition = nullptr;
  core::Scenario scenario;  // as applied: ISO3 codes and indicator ids, to save and replay
  core::WhatIfResult result;
  std::vector<std::string> names;  // common English name of every country of the edition
};

Result<WhatIfAnswer> WhatIf(const Engine& engine, const WhatIfQuery& query);

// The rows both faces print: each changed country's composites and changed indicators
// with their values and three ranks before and after.
adapters::render::Grid WhatIfGrid(const WhatIfAnswer& answer);
// Other countries whose composite ranks moved.
adapters::render::Grid KnockOnGrid(const WhatIfAnswer& answer);
// The world, continent and region averages of the composites before and after.
adapters::render::Grid AveragesGrid(const WhatIfAnswer& answer);

// Every country's common English name, by dataset index.
std::vector<std::string> CountryNames(const Engine& engine, const LoadedEdition& edition);

}  // namespace ocindex::app
