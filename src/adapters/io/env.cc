#include "adapters/io/env.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ocindex::adapters::io {
namespace {

Error OsError(const char* what, const std::string& path, int error) {
  return MakeError(ErrorCode::kIo, std::string(what) + ": " + std::strerror(error), path);
}

// Retries a call that a signal interrupted.
template <typename F>
auto Retrying(F&& call) {
  for (;;) {
    auto result = call();
    if (result >= 0 || errno != EINTR) return result;
  }
}

class PosixFile {
 public:
  PosixFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~PosixFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  PosixFile(const PosixFile&) = delete;
  PosixFile& operator=(const PosixFile&) = delete;

 protected:
  int fd_;
  std::string path_;
};

class PosixReadableFile final : public ReadableFile, PosixFile {
 public:
  using PosixFile::PosixFile;
  Result<size_t> Read(char* buffer, size_t size) override {
    const ssize_t n = Retrying([&] { return ::read(fd_, buffer, size); });
    if (n < 0) return OsError("cannot read", path_, errno);
    return static_cast<size_t>(n);
  }
};

class PosixWritableFile final : public WritableFile, PosixFile {
 public:
  using PosixFile::PosixFile;
  Status Append(std::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t n = Retrying([&] { return ::write(fd_, bytes.data(), bytes.size()); });
      if (n < 0) return OsError("cannot write", path_, errno);
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return {};
  }
  Status Sync() override {
    if (::fsync(fd_) != 0) return OsError("cannot sync", path_, errno);
    return {};
  }
  Status Close() override {
    const int fd = fd_;
    fd_ = -1;
    // close() can report a delayed write error (NFS, full quota): it is an error too.
    if (::close(fd) != 0) return OsError("cannot write", path_, errno);
    return {};
  }
};

class PosixEnv final : public Env {
 public:
  Result<std::unique_ptr<ReadableFile>> OpenForReading(const std::string& path) override {
    const int fd = Retrying([&] { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); });
    if (fd < 0) return OsError("cannot open", path, errno);
    return std::unique_ptr<ReadableFile>(std::make_unique<PosixReadableFile>(fd, path));
  }
  Result<std::unique_ptr<WritableFile>> Create(const std::string& path) override {
    const int fd = Retrying([&] { return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644); });
    if (fd < 0) return OsError("cannot create", path, errno);
    return std::unique_ptr<WritableFile>(std::make_unique<PosixWritableFile>(fd, path));
  }
  Status Rename(const std::string& from, const std::string& to) override {
    if (std::rename(from.c_str(), to.c_str()) != 0) return OsError("cannot replace", to, errno);
    return {};
  }
  Status Remove(const std::string& path) override {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return OsError("cannot remove", path, errno);
    return {};
  }
  Status SyncDirectory(const std::string& directory) override {
    const int fd = Retrying([&] { return ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); });
    if (fd < 0) return OsError("cannot open", directory, errno);
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0) return OsError("cannot sync", directory, error);
    return {};
  }
};

}  // namespace

Env& Env::Default() {
  static PosixEnv env;
  return env;
}

}  // namespace ocindex::adapters::io
