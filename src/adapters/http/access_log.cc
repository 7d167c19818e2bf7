#include "adapters/http/access_log.h"

#include <unistd.h>

#include <cerrno>

namespace ocindex::adapters::http {

void LogSink::Write(std::string_view bytes) {
  std::lock_guard lock(mutex_);
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

bool LogBatch::Add(std::string_view line) {
  const bool was_empty = lines_.empty();
  lines_.append(line);
  if (lines_.size() >= limit_) Flush();
  return was_empty;
}

void LogBatch::Flush() {
  if (lines_.empty()) return;
  sink_->Write(lines_);
  lines_.clear();
}

}  // namespace ocindex::adapters::http
