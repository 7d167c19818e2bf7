// SQLite's own seam for I/O faults: a VFS that wraps the default one and, on demand,
// fills the disk after so many writes, fails fsync, or fails reads. Installed as the
// default VFS for the life of a FaultySqlite, so the store opens through it unchanged.
#pragma once

#include <sqlite3.h>

#include <atomic>

namespace ocindex::test {

class FaultySqlite {
 public:
  // Writes that succeed before every further write fails with SQLITE_FULL; -1: never.
  std::atomic<long> writes_left{-1};
  // Every fsync fails with SQLITE_IOERR_FSYNC.
  std::atomic<bool> fail_sync{false};
  // Reads that succeed before every further read fails with SQLITE_IOERR_READ; -1: never.
  std::atomic<long> reads_left{-1};
  // How many calls were failed (a test proves its fault was reached), and how many
  // writes went through (a test spreads its faults over a whole operation).
  std::atomic<long> failed{0};
  std::atomic<long> writes{0};

  FaultySqlite() : base_(sqlite3_vfs_find(nullptr)) {
    vfs_ = *base_;
    vfs_.zName = "ocindex-faulty";
    vfs_.pNext = nullptr;
    vfs_.pAppData = this;
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + base_->szOsFile;
    vfs_.xOpen = &Open;
    // The rest take the VFS only to reach its own state: they are handed the base's.
    vfs_.xDelete = [](sqlite3_vfs* v, const char* name, int sync) { return Base(v)->xDelete(Base(v), name, sync); };
    vfs_.xAccess = [](sqlite3_vfs* v, const char* name, int flags, int* out) { return Base(v)->xAccess(Base(v), name, flags, out); };
    vfs_.xFullPathname = [](sqlite3_vfs* v, const char* name, int n, char* out) { return Base(v)->xFullPathname(Base(v), name, n, out); };
    vfs_.xDlOpen = [](sqlite3_vfs* v, const char* name) { return Base(v)->xDlOpen(Base(v), name); };
    vfs_.xDlError = [](sqlite3_vfs* v, int n, char* out) { Base(v)->xDlError(Base(v), n, out); };
    vfs_.xDlSym = [](sqlite3_vfs* v, void* handle, const char* name) { return Base(v)->xDlSym(Base(v), handle, name); };
    vfs_.xDlClose = [](sqlite3_vfs* v, void* handle) { Base(v)->xDlClose(Base(v), handle); };
    vfs_.xRandomness = [](sqlite3_vfs* v, int n, char* out) { return Base(v)->xRandomness(Base(v), n, out); };
    vfs_.xSleep = [](sqlite3_vfs* v, int us) { return Base(v)->xSleep(Base(v), us); };
    vfs_.xCurrentTime = [](sqlite3_vfs* v, double* out) { return Base(v)->xCurrentTime(Base(v), out); };
    vfs_.xGetLastError = [](sqlite3_vfs* v, int n, char* out) { return Base(v)->xGetLastError(Base(v), n, out); };
    vfs_.xCurrentTimeInt64 = [](sqlite3_vfs* v, sqlite3_int64* out) { return Base(v)->xCurrentTimeInt64(Base(v), out); };
    vfs_.xSetSystemCall = nullptr;  // version 3's system-call overrides are not forwarded
    vfs_.xGetSystemCall = nullptr;
    vfs_.xNextSystemCall = nullptr;
    vfs_.iVersion = 2;
    sqlite3_vfs_register(&vfs_, /*makeDflt=*/1);
  }
  ~FaultySqlite() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(base_, /*makeDflt=*/1);
  }
  FaultySqlite(const FaultySqlite&) = delete;
  FaultySqlite& operator=(const FaultySqlite&) = delete;

  void Clear() {
    writes_left = -1;
    fail_sync = false;
    reads_left = -1;
  }

 private:
  // Our part of an open file; the base VFS's file follows it in the same allocation.
  struct File {
    sqlite3_file base;  // pMethods: ours
    FaultySqlite* owner;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };

  static sqlite3_vfs* Base(sqlite3_vfs* v) { return static_cast<FaultySqlite*>(v->pAppData)->base_; }
  static File* Of(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
  static sqlite3_file* Real(sqlite3_file* f) { return Of(f)->real(); }

  // Takes one from `budget` unless it is spent (0) or unlimited (-1); false when spent.
  static bool Spend(std::atomic<long>& budget) {
    long left = budget.load();
    while (left > 0 && !budget.compare_exchange_weak(left, left - 1)) {
    }
    return left != 0;
  }

  static int Open(sqlite3_vfs* v, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    auto* self = static_cast<FaultySqlite*>(v->pAppData);
    File* file = Of(f);
    file->base.pMethods = nullptr;
    file->owner = self;
    const int rc = self->base_->xOpen(self->base_, name, file->real(), flags, out_flags);
    if (file->real()->pMethods != nullptr) file->base.pMethods = &kMethods;
    return rc;
  }

  static int Write(sqlite3_file* f, const void* data, int n, sqlite3_int64 offset) {
    FaultySqlite* self = Of(f)->owner;
    if (!Spend(self->writes_left)) {
      ++self->failed;
      return SQLITE_FULL;
    }
    ++self->writes;
    return Real(f)->pMethods->xWrite(Real(f), data, n, offset);
  }
  static int Sync(sqlite3_file* f, int flags) {
    FaultySqlite* self = Of(f)->owner;
    if (self->fail_sync) {
      ++self->failed;
      return SQLITE_IOERR_FSYNC;
    }
    return Real(f)->pMethods->xSync(Real(f), flags);
  }
  static int Read(sqlite3_file* f, void* data, int n, sqlite3_int64 offset) {
    FaultySqlite* self = Of(f)->owner;
    if (!Spend(self->reads_left)) {
      ++self->failed;
      return SQLITE_IOERR_READ;
    }
    return Real(f)->pMethods->xRead(Real(f), data, n, offset);
  }

  static constexpr sqlite3_io_methods kMethods = {
      2,  // up to the shared-memory calls WAL needs; no memory-mapped reads past xRead
      [](sqlite3_file* f) {
        const int rc = Real(f)->pMethods->xClose(Real(f));
        f->pMethods = nullptr;
        return rc;
      },
      &Read,
      &Write,
      [](sqlite3_file* f, sqlite3_int64 size) { return Real(f)->pMethods->xTruncate(Real(f), size); },
      &Sync,
      [](sqlite3_file* f, sqlite3_int64* size) { return Real(f)->pMethods->xFileSize(Real(f), size); },
      [](sqlite3_file* f, int lock) { return Real(f)->pMethods->xLock(Real(f), lock); },
      [](sqlite3_file* f, int lock) { return Real(f)->pMethods->xUnlock(Real(f), lock); },
      [](sqlite3_file* f, int* out) { return Real(f)->pMethods->xCheckReservedLock(Real(f), out); },
      [](sqlite3_file* f, int op, void* arg) { return Real(f)->pMethods->xFileControl(Real(f), op, arg); },
      [](sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); },
      [](sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); },
      [](sqlite3_file* f, int region, int size, int extend, void volatile** out) {
        return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
      },
      [](sqlite3_file* f, int offset, int n, int flags) { return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags); },
      [](sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); },
      [](sqlite3_file* f, int del) { return Real(f)->pMethods->xShmUnmap(Real(f), del); },
      nullptr,
      nullptr,
  };

  sqlite3_vfs* base_;
  sqlite3_vfs vfs_{};
};

}  // namespace ocindex::test
