#include "adapters/io/text_file.h"

#include <fmt/format.h>

#include <cstdlib>
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

Result<std::string> ReadBoundedFile(const std::string& path, size_t limit, Env& env) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return MakeError(ErrorCode::kInvalidInput, "is a directory, expected a file", path);
  }
  const auto too_large = [&] {
    return MakeError(ErrorCode::kInvalidInput,
                     fmt::format("larger than the {} MiB limit on input files (set OCINDEX_MAX_INPUT_MB to raise it)",
                                 limit >> 20),
                     path);
  };
  const auto size = std::filesystem::file_size(path, ec);  // fails for devices and pipes: read and count
  if (!ec && size > limit) return too_large();
  std::unique_ptr<ReadableFile> file;
  OCINDEX_ASSIGN_OR_RETURN(file, env.OpenForReading(path));
  std::string bytes;
  std::vector<char> chunk(size_t{1} << 16);
  for (;;) {
    size_t n = 0;
    OCINDEX_ASSIGN_OR_RETURN(n, file->Read(chunk.data(), chunk.size()));
    if (n == 0) return bytes;
    bytes.append(chunk.data(), n);
    if (bytes.size() > limit) return too_large();
  }
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
