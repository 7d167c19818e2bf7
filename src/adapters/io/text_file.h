// Whole-file reads for the small inputs ocindex takes (frameworks, CSV datasets).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "adapters/io/env.h"
#include "core/error.h"

namespace ocindex::adapters::io {

// The largest input file ocindex reads whole (CSV and expert files, texts and
// narratives, frameworks, specs): 64 MiB, or OCINDEX_MAX_INPUT_MB megabytes. Its
// inputs are a few MB at most; the limit keeps a wrong or hostile file (or an endless
// stream such as /dev/zero) from taking the machine's memory.
size_t MaxInputBytes();

// The bytes of a file of at most `limit` bytes, read in chunks (a regular file's size
// is checked before reading). kIo with the OS's reason if the file cannot be read;
// kInvalidInput for a directory and, naming the limit, for a larger file or stream.
Result<std::string> ReadBoundedFile(const std::string& path, size_t limit, Env& env = Env::Default());

// ReadBoundedFile(path, MaxInputBytes()).
Result<std::string> ReadTextFile(const std::string& path);

// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place,
// so a reader (or a restart after a crash) never sees half a file, and a failure (a
// full disk, a failed fsync) leaves any old file untouched and no temporary behind.
Status WriteFileAtomically(const std::string& path, std::string_view bytes, Env& env = Env::Default());

}  // namespace ocindex::adapters::io
