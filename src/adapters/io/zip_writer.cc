#include "adapters/io/zip_writer.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>

namespace ocindex::adapters::io {
namespace {

// Owns an open archive; a zip abandoned on error is closed and its file removed.
class ZipArchive {
 public:
  explicit ZipArchive(const std::string& path) : path_(path) {
    handle_ = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive() {
    if (handle_ == nullptr) return;
    zipClose(handle_, nullptr);
    std::remove(path_.c_str());
  }

  zipFile get() const { return handle_; }

  // Writes the central directory; after this the archive is kept.
  bool Finish() {
    const int status = zipClose(handle_, nullptr);
    handle_ = nullptr;
    if (status != ZIP_OK) std::remove(path_.c_str());
    return status == ZIP_OK;
  }

 private:
  std::string path_;
  zipFile handle_ = nullptr;
};

Error WriteError(const std::string& path, const std::string& what) {
  return MakeError(ErrorCode::kIo, "cannot write the zip archive: " + what, path);
}

}  // namespace

Status WriteZip(const std::string& path,
                const std::vector<std::pair<std::string, std::string>>& entries) {
  for (const auto& [name, data] : entries) {
    if (name.empty() || name.front() == '/') {
      return MakeError(ErrorCode::kInvalidInput,
                       "zip entry names must be relative paths, got \"" + name + "\"", path);
    }
  }
  errno = 0;
  ZipArchive archive(path);
  if (archive.get() == nullptr) {
    const int error = errno;
    return WriteError(path, error != 0 ? std::generic_category().message(error)
                                       : std::string("cannot create the file"));
  }
  zip_fileinfo info{};
  info.tmz_date.tm_year = 1980;
  info.tmz_date.tm_mon = 0;
  info.tmz_date.tm_mday = 1;
  for (const auto& [name, data] : entries) {
    const int zip64 = data.size() >= 0xFFFFFFFFu ? 1 : 0;
    if (zipOpenNewFileInZip64(archive.get(), name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                              Z_DEFLATED, Z_DEFAULT_COMPRESSION, zip64) != ZIP_OK) {
      return WriteError(path, "cannot add entry " + name);
    }
    // zipWriteInFileInZip takes an unsigned length; write in chunks well below it.
    constexpr size_t kChunk = size_t{1} << 30;
    for (size_t offset = 0; offset < data.size(); offset += kChunk) {
      const size_t length = std::min(kChunk, data.size() - offset);
      if (zipWriteInFileInZip(archive.get(), data.data() + offset, static_cast<unsigned>(length)) !=
          ZIP_OK) {
        return WriteError(path, "cannot write entry " + name);
      }
    }
    if (zipCloseFileInZip(archive.get()) != ZIP_OK) {
      return WriteError(path, "cannot finish entry " + name);
    }
  }
  if (!archive.Finish()) return WriteError(path, "cannot write the central directory");
  return {};
}

}  // namespace ocindex::adapters::io
