// Whole-file reads for the small inputs ocindex takes (frameworks, CSV datasets).
#pragma once

#include <cstddef>
#include <istream>
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

// The size of `path` if it is a regular file (0 for a device or pipe, whose size is
// known only once read); kInvalidInput, naming the limit, when larger than `limit`
// bytes. Readers that do not read a file whole (the xlsx reader) check it first.
Result<size_t> CheckFileSize(const std::string& path, size_t limit);

// The bytes of `in` up to its end, read in chunks; kInvalidInput naming `name` and
// the limit as soon as they pass `limit` (standard input, a pipe). `expected` bytes
// (a file's size) are allocated at once, so a large file is not copied as it grows.
Result<std::string> ReadBoundedStream(std::istream& in, size_t limit, const std::string& name, size_t expected = 0);

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
