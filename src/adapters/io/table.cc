#include "adapters/io/table.h"

#include <algorithm>

namespace ocindex::adapters::io {

std::string Table::Where(uint32_t row_number, int column) const {
  std::string where = source;
  // A sheet name is what tells an xlsx table from a CSV one: spreadsheet users
  // think in rows and lettered columns, CSV users in lines and field numbers.
  if (!sheet.empty()) {
    where += ", sheet " + sheet + ", row " + std::to_string(row_number);
    if (column >= 0) where += ", column " + ColumnLetters(column);
  } else {
    where += ", line " + std::to_string(row_number);
    if (column >= 0) where += ", column " + std::to_string(column + 1);
  }
  return where;
}

std::string ColumnLetters(int column) {
  if (column < 0) return {};
  // Bijective base 26: after Z comes AA, not BA.
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.push_back(static_cast<char>('A' + (n - 1) % 26));
  }
  std::reverse(letters.begin(), letters.end());
  return letters;
}

}  // namespace ocindex::adapters::io
