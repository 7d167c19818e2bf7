// What the fuzz targets check input against, loaded once from the bundled data: the
// editions (frameworks with their datasets) and the country list. A target aborts if
// they do not load: that is a broken build, not a finding.
#pragma once

#include <vector>

#include "adapters/store/store.h"
#include "core/model/framework.h"
#include "core/model/geography.h"

namespace ocindex::fuzz {

const core::Geography& Geography();
const std::vector<adapters::EditionToStore>& Editions();  // oldest first
const std::vector<core::Framework>& Frameworks();           // of Editions(), in their order

}  // namespace ocindex::fuzz
