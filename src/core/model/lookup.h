// Turning user words into engine indices, shared by every face (CLI, HTTP API):
// countries by ISO3, name or alias; measures by id or name; display names.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/geography.h"

namespace ocindex::core {

// ISO3, name or alias; kNotFound carries "did you mean" suggestions in its message.
Result<std::string> ResolveCountry(const Geography& geography, const std::string& query);
// A node or indicator id or name within a framework; kNotFound lists what exists.
Result<int> ResolveMeasure(const Framework& framework, const std::string& query);

// Indicator names for ids of a framework, joined with ", " (an unknown id is kept as is):
// what a person reads where an edition comparison lists added or dropped indicators.
std::string IndicatorNames(const Framework& framework, const std::vector<std::string>& ids);

// The country's common English name; the publisher's spelling if it is not in the list.
std::string DisplayName(const Geography& geography, const CountryEntry& country);

}  // namespace ocindex::core
