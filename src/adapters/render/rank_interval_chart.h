// The rank-interval chart of an uncertainty analysis as SVG: one panel per pillar,
// one row per country sorted by nominal rank, a bar from the 5 % to the 95 % rank
// quantile, a tick at the median and a dot at the nominal rank. Rank 1 is at the left.
#pragma once

#include <string>

#include "core/uncertainty/uncertainty_analysis.h"

namespace ocindex::adapters::render {

std::string RankIntervalChartSvg(const core::uncertainty::UncertaintyResult& result, const std::string& title);

}  // namespace ocindex::adapters::render
