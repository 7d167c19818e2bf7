#include "adapters/io/text_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
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

}  // namespace

Result<std::string> ReadBoundedStream(std::istream& in, size_t limit, const std::string& name, size_t expected) {
  std::string bytes;
  bytes.reserve(std::min(expected, limit));
  std::vector<char> chunk(size_t{1} << 16);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    bytes.append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (bytes.size() > limit) return TooLarge(name, limit);
  }
  if (in.bad()) return MakeError(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno), name);
  return bytes;
}

Result<size_t> CheckFileSize(const std::string& path, size_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);  // fails for devices and pipes: they are counted as read
  if (ec) return size_t{0};
  if (size > limit) return TooLarge(path, limit);
  return static_cast<size_t>(size);
}

Result<std::string> ReadBoundedFile(const std::string& path, size_t limit) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return MakeError(ErrorCode::kInvalidInput, "is a directory, expected a file", path);
  }
  size_t size = 0;
  OCINDEX_ASSIGN_OR_RETURN(size, CheckFileSize(path, limit));
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), path);
  return ReadBoundedStream(in, limit, path, size);
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
