// Expert-level scores (adapters/io/expert_scores_csv.h): CSV checked against the
// bundled editions' frameworks and the country list.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/io/csv_reader.h"
#include "adapters/io/expert_scores_csv.h"
#include "bundled_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace io = ocindex::adapters::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = io::ParseCsv(text, "experts.csv");
  if (!table) return 0;
  (void)io::ReadExpertScores(*table, ocindex::fuzz::Frameworks(), ocindex::fuzz::Geography());
  return 0;
}
