// An io::Env that fails on demand (LevelDB's FaultInjectionTestEnv): a read error after
// so many bytes, a full disk after so many bytes written, a failing fsync or rename.
// Everything else goes to the real file system, so a test sees what a user would.
#pragma once

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

#include "adapters/io/env.h"

namespace ocindex::test {

struct Faults {
  long readable_bytes = -1;  // reads fail (EIO) once this many bytes were read; -1: never
  long writable_bytes = -1;  // writes fail (ENOSPC) once this many bytes were written; -1: never
  bool fail_sync = false;    // fsync fails (EIO)
  bool fail_rename = false;  // rename fails (EXDEV, as across file systems)
};

class FaultyEnv final : public adapters::io::Env {
 public:
  Faults faults;

  Result<std::unique_ptr<adapters::io::ReadableFile>> OpenForReading(const std::string& path) override {
    auto file = base_.OpenForReading(path);
    if (!file) return file.error();
    return std::unique_ptr<adapters::io::ReadableFile>(std::make_unique<Reader>(std::move(*file), path, faults));
  }
  Result<std::unique_ptr<adapters::io::WritableFile>> Create(const std::string& path) override {
    auto file = base_.Create(path);
    if (!file) return file.error();
    return std::unique_ptr<adapters::io::WritableFile>(std::make_unique<Writer>(std::move(*file), path, faults));
  }
  Status Rename(const std::string& from, const std::string& to) override {
    if (faults.fail_rename) return Failure("cannot replace", to, EXDEV);
    return base_.Rename(from, to);
  }
  Status Remove(const std::string& path) override { return base_.Remove(path); }
  Status SyncDirectory(const std::string& directory) override {
    if (faults.fail_sync) return Failure("cannot sync", directory, EIO);
    return base_.SyncDirectory(directory);
  }

 private:
  // The error the POSIX Env gives for the same errno.
  static Error Failure(const char* what, const std::string& path, int error) {
    return MakeError(ErrorCode::kIo, std::string(what) + ": " + std::strerror(error), path);
  }

  class Reader final : public adapters::io::ReadableFile {
   public:
    Reader(std::unique_ptr<ReadableFile> file, std::string path, Faults& faults)
        : file_(std::move(file)), path_(std::move(path)), faults_(faults) {}
    Result<size_t> Read(char* buffer, size_t size) override {
      if (faults_.readable_bytes >= 0) {
        const long left = faults_.readable_bytes - read_;
        if (left <= 0) return Failure("cannot read", path_, EIO);
        size = std::min(size, static_cast<size_t>(left));
      }
      auto n = file_->Read(buffer, size);
      if (n) read_ += static_cast<long>(*n);
      return n;
    }

   private:
    std::unique_ptr<ReadableFile> file_;
    std::string path_;
    Faults& faults_;
    long read_ = 0;
  };

  class Writer final : public adapters::io::WritableFile {
   public:
    Writer(std::unique_ptr<WritableFile> file, std::string path, Faults& faults)
        : file_(std::move(file)), path_(std::move(path)), faults_(faults) {}
    Status Append(std::string_view bytes) override {
      if (faults_.writable_bytes >= 0) {
        const long left = faults_.writable_bytes - written_;
        // As a real full disk: what fits is written, then ENOSPC.
        if (static_cast<long>(bytes.size()) > left) {
          if (left > 0) (void)file_->Append(bytes.substr(0, static_cast<size_t>(left)));
          written_ = faults_.writable_bytes;
          return Failure("cannot write", path_, ENOSPC);
        }
      }
      written_ += static_cast<long>(bytes.size());
      return file_->Append(bytes);
    }
    Status Sync() override {
      if (faults_.fail_sync) return Failure("cannot sync", path_, EIO);
      return file_->Sync();
    }
    Status Close() override { return file_->Close(); }

   private:
    std::unique_ptr<WritableFile> file_;
    std::string path_;
    Faults& faults_;
    long written_ = 0;
  };

  adapters::io::Env& base_ = adapters::io::Env::Default();
};

}  // namespace ocindex::test
