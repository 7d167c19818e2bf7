// A zip archive built in memory with its entries stored (not compressed), for when the
// bytes must be exact: a test's archive that claims a size it does not hold, and the
// xlsx fuzzer's archives, whose XML it mutates with the checksums kept right.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ocindex::test {

struct StoredEntry {
  std::string name;
  std::string data;
  std::optional<uint32_t> claimed_size;  // the uncompressed size written; unset: the true one
};

inline uint32_t Crc32(std::string_view data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline std::string StoredZip(const std::vector<StoredEntry>& entries) {
  std::string zip;
  const auto put16 = [&](uint32_t v) {
    zip.push_back(static_cast<char>(v & 0xFF));
    zip.push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  const auto put32 = [&](uint32_t v) {
    put16(v & 0xFFFF);
    put16(v >> 16);
  };
  const auto size = [](const std::string& s) { return static_cast<uint32_t>(s.size()); };
  std::vector<uint32_t> offsets;
  for (const StoredEntry& entry : entries) {
    offsets.push_back(size(zip));
    put32(0x04034b50);  // local file header: version, flags, method 0 (stored), time, date
    put16(20), put16(0), put16(0), put16(0), put16(0x21);
    put32(Crc32(entry.data)), put32(size(entry.data)), put32(entry.claimed_size.value_or(size(entry.data)));
    put16(size(entry.name)), put16(0);
    zip += entry.name + entry.data;
  }
  const uint32_t directory_offset = size(zip);
  for (size_t i = 0; i < entries.size(); ++i) {
    const StoredEntry& entry = entries[i];
    put32(0x02014b50);  // central directory header
    put16(20), put16(20), put16(0), put16(0), put16(0), put16(0x21);
    put32(Crc32(entry.data)), put32(size(entry.data)), put32(entry.claimed_size.value_or(size(entry.data)));
    put16(size(entry.name)), put16(0), put16(0), put16(0), put16(0);
    put32(0), put32(offsets[i]);
    zip += entry.name;
  }
  const uint32_t directory_size = size(zip) - directory_offset;
  put32(0x06054b50);  // end of central directory
  put16(0), put16(0), put16(static_cast<uint32_t>(entries.size())), put16(static_cast<uint32_t>(entries.size()));
  put32(directory_size), put32(directory_offset);
  put16(0);
  return zip;
}

}  // namespace ocindex::test
