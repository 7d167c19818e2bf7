// Framework files (adapters/io/framework_toml.h). A framework that parses is also
// renamed to a new edition, as a round does, and the result parsed again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/io/framework_toml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace io = ocindex::adapters::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto framework = io::ParseFramework(text, "fuzz.toml");
  if (!framework) return 0;
  auto renamed = io::FrameworkForEdition(text, "2099", framework->edition);
  if (renamed) (void)io::ParseFramework(*renamed, "renamed fuzz.toml");
  return 0;
}
