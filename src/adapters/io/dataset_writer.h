// Writes an edition's dataset out for `ocindex export`: the project's CSV format
// (data/editions/*.csv), JSON, and an xlsx workbook laid out like the publisher's so
// that `ocindex import` reads every format back to the same figures.
//
// Composites are always the figures recomputed from the indicator scores and rounded
// half-up to the framework's decimals, never a stored published figure: the export is
// what the engine vouches for. Composites are the framework's pillars and components,
// in framework node order; groups are display only and are not written.
//
// The dataset must be shaped for the framework (as Catalog::Load guarantees); scores
// are matched to the framework's indicators by id, so a measure the dataset lacks is
// written as not assessed rather than misplaced.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"

namespace ocindex::adapters::io {

// The project's CSV: header `iso3,country,continent,region,` then composite ids and
// indicator ids; one LF-terminated line per country in dataset order; numbers as the
// shortest exact decimal ("4.3", "7"); "NA" where there is no value; RFC 4180 quoting
// for fields holding a comma, quote or line break.
std::string DatasetCsv(const core::Framework& framework, const core::Dataset& dataset);

// {"edition", "framework": id, "decimals", "countries": [{"iso3", "name", "continent",
// "region", "composites": {node id: number|null}, "scores": {indicator id: number|null}}]}
// with numbers as the nearest double of the exact (composites: rounded) value.
nlohmann::json DatasetJson(const core::Framework& framework, const core::Dataset& dataset);

// Writes (or replaces) the workbook at `path` with a sheet "<edition>_dataset" holding
// the CSV's columns under display names (Continent, Region, Country, ISO3, composite
// names, indicator names), numbers as numeric cells under a bold frozen header row, and
// a sheet "framework" listing every node and indicator. The file appears only when
// complete. Errors: kIo (with libxlsxwriter's or the OS's reason), kInvalidInput if
// the dataset is not shaped for the framework.
Status WriteDatasetXlsx(const std::string& path, const core::Framework& framework, const core::Dataset& dataset);

// The same workbook's bytes (`ocindex serve`'s download): written to a folder of its
// own under the system's temporary directory, read back and removed, so requests in
// parallel never share a file. Errors as WriteDatasetXlsx's.
Result<std::string> DatasetXlsxBytes(const core::Framework& framework, const core::Dataset& dataset);

}  // namespace ocindex::adapters::io
