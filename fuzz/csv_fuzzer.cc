// CSV text (adapters/io/csv_reader.h): datasets, expert scores, assignments.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)ocindex::adapters::io::ParseCsv(text, "fuzz.csv");
  return 0;
}
