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

}  // namespace ocindex::adapters
