// What a downloaded table of one measure says about itself (the description block of
// a described CSV, adapters/render/described_csv.h): what the figures are, from which
// edition and publisher, on what scale, for which countries. The explorer's CSV
// downloads are the API's, so every CSV of a measure carries the same block.
#pragma once

#include "adapters/render/described_csv.h"
#include "app/engine.h"
#include "app/place_filter.h"

namespace ocindex::app {

// Title, Measure, Definition, Edition, Scale, Countries, Ranks, Source, Produced by.
adapters::render::Description MeasureDescription(const LoadedEdition& edition, int measure, const PlaceFilter& filter);

}  // namespace ocindex::app
