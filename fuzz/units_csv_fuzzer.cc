// The unit list of `ocindex import --units` (adapters/io/geography_csv.h): parsed, then
// added to the bundled country list as the importer does.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/io/geography_csv.h"
#include "bundled_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace io = ocindex::adapters::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto list = io::ParseUnitsCsv(text, "units.csv");
  if (!list) return 0;
  (void)ocindex::fuzz::Geography().With(list->units.countries(), list->where);
  return 0;
}
