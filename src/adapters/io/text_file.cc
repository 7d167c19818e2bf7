#include "adapters/io/text_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

namespace ocindex::adapters::io {

size_t MaxInputBytes() {
  constexpr size_t kDefaultMegabytes = 64;
  const char* setting = std::getenv("OCINDEX_MAX_INPUT_MB");
  const long megabytes = setting != nullptr ? std::atol(setting) : 0;
  return (megabytes > 0 ? static_cast<size_t>(megabytes) : kDefaultMegabytes) << 20;
}

namespace {

Error TooLarge(const std::string& name, size_t limit) {
  return MakeError(ErrorCode::kInvalidInput,
                   fmt::format("larger than the {} MiB limit on input files (set OCINDEX_MAX_INPUT_MB to raise it)",
                               limit >> 20),
                   name);
}

// A stream (standard input) read through the same loop as a file.
class StreamFile final : public ReadableFile {
 public:
  StreamFile(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    in_.read(buffer, static_cast<std::streamsize>(size));
    if (in_.bad()) return MakeError(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno), name_);
    return static_cast<size_t>(in_.gcount());
  }

 private:
  std::istream& in_;
  std::string name_;
};

// Everything `file` holds, in chunks, refused as soon as it passes `limit`; `expected`
// bytes (a file's size) are allocated at once, so a large file is not copied as it grows.
Result<std::string> ReadAll(ReadableFile& file, size_t limit, const std::string& name, size_t expected) {
  std::string bytes;
  bytes.reserve(std::min(expected, limit));
  std::vector<char> chunk(size_t{1} << 16);
  for (;;) {
    size_t n = 0;
    OCINDEX_ASSIGN_OR_RETURN(n, file.Read(chunk.data(), chunk.size()));
    if (n == 0) return bytes;
    bytes.append(chunk.data(), n);
    if (bytes.size() > limit) return TooLarge(name, limit);
  }
}

}  // namespace

Result<std::string> ReadBoundedStream(std::istream& in, size_t limit, const std::string& name, size_t expected) {
  StreamFile file(in, name);
  return ReadAll(file, limit, name, expected);
}

Result<size_t> CheckFileSize(const std::string& path, size_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);  // fails for devices and pipes: they are counted as read
  if (ec) return size_t{0};
  if (size > limit) return TooLarge(path, limit);
  return static_cast<size_t>(size);
}

Result<std::string> ReadBoundedFile(const std::string& path, size_t limit, Env& env) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return MakeError(ErrorCode::kInvalidInput, "is a directory, expected a file", path);
  }
  size_t size = 0;
  OCINDEX_ASSIGN_OR_RETURN(size, CheckFileSize(path, limit));
  std::unique_ptr<ReadableFile> file;
  OCINDEX_ASSIGN_OR_RETURN(file, env.OpenForReading(path));
  return ReadAll(*file, limit, path, size);
}

Result<std::string> ReadTextFile(const std::string& path) { return ReadBoundedFile(path, MaxInputBytes()); }

Status WriteFileAtomically(const std::string& path, std::string_view bytes, Env& env) {
  // The thread id keeps parallel writers in one process apart.
  const std::string temp = path + ".ocindex-" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) + ".tmp";
  const auto written = [&]() -> Status {
    std::unique_ptr<WritableFile> file;
    OCINDEX_ASSIGN_OR_RETURN(file, env.Create(temp));
    OCINDEX_RETURN_IF_ERROR(file->Append(bytes));
    OCINDEX_RETURN_IF_ERROR(file->Sync());
    OCINDEX_RETURN_IF_ERROR(file->Close());
    return env.Rename(temp, path);
  }();
  if (!written) {
    (void)env.Remove(temp);  // best effort: the error to report is the first one
    Error error = written.error();
    error.where = path;  // the user named `path`, not the temporary beside it
    return error;
  }
  // The rename itself is durable once the directory is synced.
  const std::string directory = std::filesystem::path(path).parent_path().string();
  return env.SyncDirectory(directory.empty() ? "." : directory);
}

}  // namespace ocindex::adapters::io
