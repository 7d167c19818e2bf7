// The server's access log, written in batches: each server thread collects its lines
// and writes them at once when they pass `limit` bytes or when the server flushes (it
// does so 100 ms after a batch's first line, and on stop), so a request costs no write
// of its own (nginx's `access_log ... buffer= flush=`). A batch goes out in one write
// under a lock the threads share: lines from two threads never interleave.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace ocindex::adapters::http {

// A file descriptor that several batches write whole buffers to.
class LogSink {
 public:
  explicit LogSink(int fd) : fd_(fd) {}
  // Writes all of `bytes` (retrying short writes); a failed write drops the rest: a log
  // whose reader went away must not stop the server.
  void Write(std::string_view bytes);

 private:
  int fd_;
  std::mutex mutex_;
};

// One thread's lines waiting to be written; not thread-safe.
class LogBatch {
 public:
  static constexpr size_t kDefaultLimit = 16 * 1024;
  explicit LogBatch(LogSink& sink, size_t limit = kDefaultLimit) : sink_(&sink), limit_(limit) {}
  LogBatch(const LogBatch&) = delete;
  LogBatch& operator=(const LogBatch&) = delete;
  ~LogBatch() { Flush(); }

  // Adds a line (its newline included), writing the batch once it passes the limit.
  // True when the batch was empty before: the caller then schedules a Flush.
  bool Add(std::string_view line);
  void Flush();

 private:
  LogSink* sink_;
  size_t limit_;
  std::string lines_;
};

}  // namespace ocindex::adapters::http
