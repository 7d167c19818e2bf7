// Whole-file reads for the small inputs ocindex takes (frameworks, CSV datasets).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace ocindex::adapters::io {

// kIo with the OS's reason if the file cannot be read; kInvalidInput for a directory.
Result<std::string> ReadTextFile(const std::string& path);

// Writes `bytes` to a temporary file beside `path` and renames it into place, so a
// reader never sees half a file and a failure leaves any old file untouched.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace ocindex::adapters::io
