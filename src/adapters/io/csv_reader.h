// Reads RFC 4180 CSV text into a Table: comma separated, fields optionally in
// double quotes with "" for a literal quote, quoted fields may span lines, CRLF
// or LF line ends, a leading UTF-8 byte order mark is skipped. The text must be
// UTF-8. Cells are kept byte for byte (no trimming); fully blank lines are skipped.
#pragma once

#include <string>
#include <string_view>

#include "adapters/io/table.h"
#include "core/error.h"

namespace ocindex::adapters::io {

// Parses CSV text; `source` names the input in messages and becomes Table::source.
// Each row's number is the physical line on which its record starts. Malformed
// input (empty, not UTF-8, binary, bad quoting) is a kInvalidInput error whose
// `where` points at the line and column.
Result<Table> ParseCsv(std::string_view text, std::string source);

// Reads and parses the file at `path`; a file the OS refuses to open or read is a
// kIo error carrying the OS reason.
Result<Table> ReadCsvFile(const std::string& path);

}  // namespace ocindex::adapters::io
