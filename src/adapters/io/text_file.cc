#include "adapters/io/text_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <vector>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace ocindex::adapters::io {

size_t MaxInputBytes() {
  constexpr size_t kDefaultMegabytes = 64;
  const char* setting = std::getenv("OCINDEX_MAX_INPUT_MB");
  const long megabytes = setting != nullptr ? std::atol(setting) : 0;
  return (megabytes > 0 ? static_cast<size_t>(megabytes) : kDefaultMegabytes) << 20;
}

Result<std::string> ReadBoundedFile(const std::string& path, size_t limit) {
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
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), path);
  std::string bytes;
  std::vector<char> chunk(size_t{1} << 16);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    bytes.append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (bytes.size() > limit) return too_large();
  }
  if (in.bad()) return MakeError(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno), path);
  return bytes;
}

Result<std::string> ReadTextFile(const std::string& path) { return ReadBoundedFile(path, MaxInputBytes()); }

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  // The thread id keeps parallel writers in one process apart.
  const std::string temp = path + ".ocindex-" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return MakeError(ErrorCode::kIo, std::string("cannot create: ") + std::strerror(errno), path);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return MakeError(ErrorCode::kIo, std::string("cannot write: ") + std::strerror(errno), path);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return MakeError(ErrorCode::kIo, "cannot write: " + ec.message(), path);
  }
  return {};
}

}  // namespace ocindex::adapters::io
