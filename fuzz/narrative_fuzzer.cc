// Narratives (core/profile): country profiles as plain text or Markdown parsed
// against the newest bundled framework, and other texts read whole, as `ocindex
// flows` reads documents (HTML first through adapters/io/html_text.h). The first
// byte picks the path, so one corpus covers them all: bit 0 Markdown, bit 1 read
// whole, bit 2 HTML.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/io/html_text.h"
#include "bundled_inputs.h"
#include "core/profile/narrative.h"
#include "core/profile/whole_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace core = ocindex::core;
  if (size == 0) return 0;
  const bool markdown = (data[0] & 1) != 0;
  const bool whole = (data[0] & 2) != 0;
  const bool html = (data[0] & 4) != 0;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (html) text = ocindex::adapters::io::HtmlText(text);
  // As in `ocindex flows`: a text is parsed as a profile first (which refuses what is
  // not text at all), and may then be read whole.
  auto narrative = core::ParseNarrative(text, ocindex::fuzz::Frameworks().back(),
                                        markdown ? core::NarrativeFormat::kMarkdown : core::NarrativeFormat::kText);
  if (!narrative) return 0;
  if (!whole) {
    (void)core::NarrativeWords(*narrative);
    return 0;
  }
  // Pages as a PDF's text gives them: a form feed starts the next page.
  std::vector<uint32_t> page_starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\f') page_starts.push_back(static_cast<uint32_t>(i + 1));
  }
  (void)core::WholeTextNarrative(text, page_starts, markdown);
  return 0;
}
