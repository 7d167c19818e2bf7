// Writes a zip archive (deflate) from in-memory entries: the container of xlsx
// workbooks, used by export and by test fixtures.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace ocindex::adapters::io {

// Creates (or replaces) the archive at `path` holding `entries` in the given order;
// each entry is {name, bytes}, the name a "/" separated relative path. Entries carry
// a fixed timestamp (1980-01-01) so that the same input gives byte-identical
// archives. On failure no partial file is left behind; the error is kIo, or
// kInvalidInput for an empty or absolute entry name.
Status WriteZip(const std::string& path,
                const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace ocindex::adapters::io
