// Extraction results as stored beside the narrative revision they were read from
// (app/published_flows.h): core::NarrativeStatements to compact JSON and back, every
// field kept, so that a stored result reads back equal to the one extracted.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/flows/statement.h"

namespace ocindex::adapters::io {

std::string WriteStatementsJson(const core::NarrativeStatements& statements);

// kCorrupt, naming `where`, for text that WriteStatementsJson did not write.
Result<core::NarrativeStatements> ParseStatementsJson(std::string_view text, const std::string& where);

}  // namespace ocindex::adapters::io
