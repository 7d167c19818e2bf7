// Reads the country list (data/geography/countries.csv: iso3,name,aliases with
// aliases separated by '|').
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/model/geography.h"

namespace ocindex::adapters::io {

Result<core::Geography> ParseGeographyCsv(std::string_view text, const std::string& source);

}  // namespace ocindex::adapters::io
