// Writing CSV (RFC 4180), the counterpart of csv_reader.h.
#pragma once

#include <string>
#include <string_view>

namespace ocindex::adapters::io {

// One text field, guarded against spreadsheet formulas (SpreadsheetText), then in
// double quotes (with "" for a quote) only when it holds a comma, a quote or a line
// break. Numbers the caller formats itself are written as they are.
std::string CsvField(std::string_view text);

}  // namespace ocindex::adapters::io
