#include "adapters/io/text_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace ocindex::adapters::io
