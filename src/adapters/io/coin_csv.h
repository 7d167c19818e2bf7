// Reads a composite-indicator model in COINr's layout: iData (one row per unit: uCode,
// indicator columns, denominator and group columns) and iMeta (one row per code:
// Level, iCode, iName, Direction, Weight, Target, Denominator, Parent, Type). "NA" or
// an empty cell is a missing value. Also reads COINr weight sets (set, iCode, Level,
// Weight).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/pipeline/model.h"
#include "core/pipeline/spec.h"

namespace ocindex::adapters::io {

// A linked model; every problem names the file, row and column.
Result<core::pipeline::Model> ReadCoinModel(const std::string& idata_path, const std::string& imeta_path);

// Weight sets numbered 1..N in the file: result[s - 1] lists set s's weights in file order.
Result<std::vector<std::vector<core::pipeline::NodeWeight>>> ReadCoinWeightSets(const std::string& path);

}  // namespace ocindex::adapters::io
