// Whole-file reads for the small inputs ocindex takes (frameworks, CSV datasets).
#pragma once

#include <string>

#include "core/error.h"

namespace ocindex::adapters::io {

// kIo with the OS's reason if the file cannot be read; kInvalidInput for a directory.
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace ocindex::adapters::io
