// Reads a framework file (TOML; format in docs/FRAMEWORK_FORMAT.md) into a linked
// core::Framework. Errors name the file, line and column and what was expected.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/model/framework.h"

namespace ocindex::adapters::io {

Result<core::Framework> ParseFramework(std::string_view text, const std::string& source);
Result<core::Framework> ReadFrameworkFile(const std::string& path);

// The framework text of a new edition made with an existing edition's rules (an
// assessment round): [framework] edition, id and name name `edition`, and `previous`
// names the edition it follows. The rest is unchanged (comments are not kept).
Result<std::string> FrameworkForEdition(std::string_view text, const std::string& edition,
                                        const std::string& previous);

}  // namespace ocindex::adapters::io
