// xlsx workbooks (adapters/io/xlsx_reader.h). Input starting "PK" is a whole archive,
// read as is: the zip container. Any other input lists the archive's entries, NUL
// separated (name, data, name, data, ...), which the harness stores in a zip with
// valid checksums: mutations then reach the XML parts, cell references and shared
// strings instead of failing the checksum.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/io/xlsx_reader.h"
#include "support/stored_zip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("PK")) {
    (void)ocindex::adapters::io::ParseAllSheets(std::string(input), "fuzz.xlsx");
    return 0;
  }
  std::vector<ocindex::test::StoredEntry> entries;
  while (!input.empty()) {
    const size_t name_end = input.find('\0');
    if (name_end == std::string_view::npos) break;
    const std::string_view rest = input.substr(name_end + 1);
    const size_t data_end = rest.find('\0');
    entries.push_back({std::string(input.substr(0, name_end)), std::string(rest.substr(0, data_end)), {}});
    input = data_end == std::string_view::npos ? std::string_view() : rest.substr(data_end + 1);
  }
  (void)ocindex::adapters::io::ParseAllSheets(ocindex::test::StoredZip(entries), "fuzz.xlsx");
  return 0;
}
