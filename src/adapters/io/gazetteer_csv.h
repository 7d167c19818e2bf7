// Reads the gazetteer files of data/geography/: demonyms.csv (iso3,forms with forms
// separated by '|'), cities.csv (iso3,cities: cities and ports, separated by '|'), regions.csv (code,name,aliases,adjectives,lat,lon), subregions.csv
// (iso3,m49) and centroids.csv (iso3,lat,lon,source). Formats: docs/FLOWS.md.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/flows/lexicon.h"

namespace ocindex::adapters::io {

// Each fills its part of `gazetteer`; a bad header, missing cell or number is a
// kInvalidInput error with the file, line and column.
Status ParseDemonymsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer);
Status ParseCitiesCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer);
Status ParseRegionsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer);
Status ParseSubregionsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer);
Status ParseCentroidsCsv(std::string_view text, const std::string& source, core::Gazetteer& gazetteer);

}  // namespace ocindex::adapters::io
