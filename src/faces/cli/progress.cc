#include "faces/cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <string>

namespace ocindex::cli {

namespace {
bool StderrIsTerminal() { return isatty(STDERR_FILENO) != 0; }
}  // namespace

std::function<void(std::int64_t, std::int64_t)> TerminalProgress() {
  if (!StderrIsTerminal()) return [](std::int64_t, std::int64_t) {};
  return [](std::int64_t done, std::int64_t total) {
    constexpr std::int64_t kWidth = 30;
    const std::int64_t filled = total == 0 ? kWidth : done * kWidth / total;
    std::cerr << fmt::format("\r[{}{}] {}/{}", std::string(static_cast<size_t>(filled), '#'),
                             std::string(static_cast<size_t>(kWidth - filled), ' '), done, total)
              << std::flush;
  };
}

void EndProgress() {
  if (StderrIsTerminal()) std::cerr << '\n';
}

}  // namespace ocindex::cli
