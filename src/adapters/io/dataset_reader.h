// Maps a Table (the project's CSV, a publisher CSV or a publisher worksheet) onto a
// framework: finds the columns, resolves countries, checks every score against the
// scale and every printed composite against the recomputed one.
#pragma once

#include "adapters/io/table.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/geography.h"

namespace ocindex::adapters::io {

// Column headers are matched after core::NormalizeHeader against: continent, region,
// country, iso3 / country code, and every node and indicator id, name or header of the
// framework. A cell "NA" (or "n/a", "not assessed") marks an indicator not assessed for
// that country; an empty score cell is an error, never a zero.
//
// All problems in the table are collected (up to a limit) into one kInvalidInput error
// whose message lists each with its file, sheet, row and column.
Result<core::Dataset> ReadDataset(const Table& table, const core::Framework& framework,
                                  const core::Geography& geography);

// Whether a normalised header names a country column (used to tell data sheets apart
// from introduction sheets).
bool IsCountryHeader(const std::string& normalized_header);

}  // namespace ocindex::adapters::io
