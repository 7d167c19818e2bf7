// Reads worksheets of an Office Open XML workbook (.xlsx) into Tables. Cells keep
// the text the workbook stores: numbers as written in <v> (no rounding), shared
// and inline strings resolved, booleans as TRUE/FALSE, errors such as #DIV/0! and
// formula results as their cached text. Formulas are not evaluated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/io/table.h"
#include "core/error.h"

namespace ocindex::adapters::io {

// Names of the workbook's sheets in workbook (tab) order, chart sheets included.
Result<std::vector<std::string>> ListSheets(const std::string& path);

// Reads one worksheet. TableRow::number is the sheet row number; rows without a
// non-empty cell are dropped. A name that matches no sheet is a kNotFound error
// listing the available sheets.
Result<Table> ReadSheet(const std::string& path, std::string_view sheet);

// Reads every worksheet in workbook order; chart sheets, which hold no cells, are
// left out. The file is read whole first, so it is bounded like every input file
// (text_file.h: MaxInputBytes).
Result<std::vector<Table>> ReadAllSheets(const std::string& path);

// ReadAllSheets of a workbook's bytes in memory; `source` names it in messages and
// becomes Table::source.
Result<std::vector<Table>> ParseAllSheets(std::string bytes, std::string source);

}  // namespace ocindex::adapters::io
