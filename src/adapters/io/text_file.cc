#include "adapters/io/text_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace ocindex::adapters::io {

Result<std::string> ReadTextFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return MakeError(ErrorCode::kInvalidInput, "is a directory, expected a file", path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return MakeError(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno), path);
  return buffer.str();
}

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
