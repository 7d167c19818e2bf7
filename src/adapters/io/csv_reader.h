// Reads RFC 4180 CSV text into a Table: comma separated, fields optionally in
// double quotes with "" for a literal quote, quoted fields may span lines, CRLF
// or LF line ends, a leading UTF-8 byte order mark is skipped. The text must be
// UTF-8. Cells are kept byte for byte (no trimming); fully blank lines are skipped.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "adapters/io/table.h"
#include "core/error.h"

namespace ocindex::adapters::io {

// CSV text read one record at a time: a large file is parsed without holding every
// cell as a Table (a cell as a std::string costs 32 bytes or more, eight times the text
// of a short number). `text` must outlive the reader.
class CsvRecords {
 public:
  CsvRecords(std::string_view text, std::string source);
  ~CsvRecords();

  // The next record into `row` (its number and cells replaced); false after the last.
  // Errors as ParseCsv's, an empty file included (on the first call).
  Result<bool> Next(TableRow& row);
  // Table::source for messages; it holds no rows.
  const Table& shape() const;

 private:
  class Parser;
  std::unique_ptr<Parser> parser_;
};

// Parses CSV text; `source` names the input in messages and becomes Table::source.
// Each row's number is the physical line on which its record starts. Malformed
// input (empty, not UTF-8, binary, bad quoting) is a kInvalidInput error whose
// `where` points at the line and column.
Result<Table> ParseCsv(std::string_view text, std::string source);

// Reads and parses the file at `path`; a file the OS refuses to open or read is a
// kIo error carrying the OS reason.
Result<Table> ReadCsvFile(const std::string& path);

}  // namespace ocindex::adapters::io
