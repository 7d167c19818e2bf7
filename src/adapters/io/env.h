// The file system as ocindex uses it, behind one seam (LevelDB's Env): whole-file
// reads and atomic whole-file writes are built on these few calls, so a test can put
// an Env in their place that fails a read, fills the disk or loses an fsync, and prove
// that the error is clear and that nothing already written is lost.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace ocindex::adapters::io {

class ReadableFile {
 public:
  virtual ~ReadableFile() = default;
  // Up to `size` bytes into `buffer`; 0 at the end of the file.
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;
};

class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view bytes) = 0;
  // Makes what was appended durable (fsync).
  virtual Status Sync() = 0;
  virtual Status Close() = 0;
};

class Env {
 public:
  virtual ~Env() = default;
  // The operating system's files (POSIX).
  static Env& Default();

  virtual Result<std::unique_ptr<ReadableFile>> OpenForReading(const std::string& path) = 0;
  // Creates `path`, or empties it if it exists.
  virtual Result<std::unique_ptr<WritableFile>> Create(const std::string& path) = 0;
  // Replaces `to` with `from` in one step.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Makes a rename or creation in `directory` durable.
  virtual Status SyncDirectory(const std::string& directory) = 0;
};

}  // namespace ocindex::adapters::io
