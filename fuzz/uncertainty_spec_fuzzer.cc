// Uncertainty specs (adapters/io/uncertainty_spec_json.h). A spec that parses is
// validated against the newest bundled edition; a valid one must read back from the
// JSON UncertaintySpecToJson writes for it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "adapters/io/uncertainty_spec_json.h"
#include "bundled_inputs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace io = ocindex::adapters::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto spec = io::UncertaintySpecFromJson(text, "fuzz.json");
  if (!spec) return 0;
  const auto& edition = ocindex::fuzz::Editions().back();
  if (!ocindex::core::uncertainty::ValidateSpec(*spec, edition.framework, edition.dataset)) return 0;
  const std::string written = io::UncertaintySpecToJson(*spec).dump();
  auto again = io::UncertaintySpecFromJson(written, "written.json");
  if (!again) {
    std::fprintf(stderr, "a parsed spec does not read back from its JSON %s: %s\n", written.c_str(),
                 again.error().ToString().c_str());
    std::abort();
  }
  return 0;
}
