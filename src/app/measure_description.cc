#include "app/measure_description.h"

#include <fmt/format.h>

#include "core/model/rational.h"

namespace ocindex::app {

adapters::render::Description MeasureDescription(const LoadedEdition& edition, int measure, const PlaceFilter& filter) {
  const core::Framework& framework = edition.edition.framework;
  const bool node = framework.IsNode(measure);
  const std::string& definition =
      node ? framework.nodes[static_cast<size_t>(measure)].definition
           : framework.indicators[static_cast<size_t>(measure) - framework.nodes.size()].definition;
  const char* kind = node ? core::NodeKindName(framework.nodes[static_cast<size_t>(measure)].kind) : "indicator";
  std::string countries = "every country assessed";
  if (!filter.region.empty()) countries = "the region " + filter.region;
  else if (!filter.continent.empty()) countries = "the continent " + filter.continent;
  return {
      {"Title", fmt::format("{}, {}", framework.MeasureName(measure), framework.name)},
      {"Measure", fmt::format("{} ({})", framework.MeasureId(measure), kind)},
      {"Definition", definition.empty() ? "No definition is published for this measure." : definition},
      {"Edition", edition.id},
      {"Scale", fmt::format("{} to {}, higher is more; figures as published, rounded half-up to {} decimals",
                            core::FormatRational(framework.scale_min), core::FormatRational(framework.scale_max),
                            framework.decimals)},
      {"Countries", countries},
      {"Ranks", "1 is the highest figure in the world, continent or region; equal figures share a rank"},
      {"Source", fmt::format("{}, {}", framework.publisher, framework.name)},
      {"Produced by",
       "ocindex, an independent open-source implementation of the index's method, not affiliated with or endorsed "
       "by the publisher"},
  };
}

}  // namespace ocindex::app
