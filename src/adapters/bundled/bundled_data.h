// The files of data/ as compiled into the binary (see cmake/EmbedData.cmake).
#pragma once

#include <span>
#include <string_view>

namespace ocindex::adapters {

struct BundledFile {
  std::string_view path;     // relative to data/, e.g. "frameworks/goci-2021.toml"
  std::string_view content;  // the file's bytes
};

// Sorted by path. Lives for the whole program.
std::span<const BundledFile> BundledFiles();

// The bytes of one bundled file; empty when there is no such file (the parser that reads
// them then reports what it expected).
inline std::string_view BundledContent(std::string_view path) {
  for (const BundledFile& file : BundledFiles()) {
    if (file.path == path) return file.content;
  }
  return {};
}

}  // namespace ocindex::adapters
