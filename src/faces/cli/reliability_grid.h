// Inter-rater reliability rows as a table: what `reliability` prints for stored or
// filed expert scores and `round status` for a round's drafts so far.
#pragma once

#include <string>
#include <vector>

#include "adapters/render/grid.h"
#include "core/reliability/panel_reliability.h"

namespace ocindex::cli {

// One row per indicator or node; `kind` heads the first column.
adapters::render::Grid ReliabilityGrid(const std::string& kind, const std::vector<core::PanelReliability>& rows);

}  // namespace ocindex::cli
