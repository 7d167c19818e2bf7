#include "adapters/io/csv_writer.h"

#include "adapters/io/spreadsheet_text.h"

namespace ocindex::adapters::io {

std::string CsvField(std::string_view text) {
  std::string safe = SpreadsheetText(text);
  if (safe.find_first_of(",\"\r\n") == std::string::npos) return safe;
  std::string out = "\"";
  for (char c : safe) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace ocindex::adapters::io
