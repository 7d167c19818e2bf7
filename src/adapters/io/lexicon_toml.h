// Reads lexicon files (data/lexicon/*.toml): [[entry]] tables with kind, value,
// terms, and optionally weak terms and case_sensitive. Format: docs/FLOWS.md.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/flows/lexicon.h"

namespace ocindex::adapters::io {

// Appends the file's entries to `lexicon` (an entry with weak terms becomes two:
// strong and weak). Unknown keys or kinds, wrong types and empty term lists are
// kInvalidInput errors with the file, line and column.
Status ParseLexicon(std::string_view text, const std::string& source, core::Lexicon& lexicon);

}  // namespace ocindex::adapters::io
