// A CSV that describes itself to a reader who has only the file, the way statistical
// offices' downloads do: `field,value` lines (title, definition, edition, source...),
// a line giving the row the table starts on, one empty line, then the table under its
// header. A spreadsheet shows the description above the figures; a program skips the
// rows before the table (docs/API.md, "Files").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "adapters/render/grid.h"

namespace ocindex::adapters::render {

using Description = std::vector<std::pair<std::string, std::string>>;

// RFC 4180 with LF line ends, as WriteCsv; the table's header is on row
// description.size() + 3 (1-based).
std::string DescribedCsv(const Description& description, const Grid& table);

}  // namespace ocindex::adapters::render
