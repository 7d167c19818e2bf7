// A grid of text cells read from a CSV file or one worksheet of an xlsx workbook.
// Readers produce it; the dataset reader maps it onto a framework. Cells keep their
// text exactly as stored (numbers as the file wrote them), so that no reader decides
// what a value means.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ocindex::adapters::io {

struct TableRow {
  uint32_t number = 0;             // 1-based line (CSV) or row (xlsx) in the source
  std::vector<std::string> cells;  // cells[i] is column i (0-based); missing trailing cells are absent
};

struct Table {
  std::string source;  // file name as the user gave it, for messages
  std::string sheet;   // worksheet name; empty for CSV
  std::vector<TableRow> rows;  // in file order; rows[0] is normally the header

  // "data.xlsx, sheet 2023_dataset, row 12, column F" (xlsx columns as letters,
  // CSV columns as numbers). column is 0-based; a negative column omits it.
  std::string Where(uint32_t row_number, int column = -1) const;
};

// "A", "B", ..., "Z", "AA", ... for a 0-based column index.
std::string ColumnLetters(int column);

}  // namespace ocindex::adapters::io
