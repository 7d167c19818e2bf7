// A text that is not a profile (a government report, an article, a page of a PDF):
// no heading names a criminality section, so the whole text is one section, whose
// markets come from the text itself. Its lines are re-flowed into paragraphs by the
// rules of docs/FLOWS.md ("Any text"). Pure.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/profile/narrative.h"

namespace ocindex::core {

// The id of the one section of a whole text.
inline constexpr std::string_view kWholeTextSection = "text";

// The narrative of `text` as one section. `page_starts` are the byte offsets in `text`
// where each page begins (a PDF's; empty for unpaged text); the narrative's
// page_starts then give them in the section's re-flowed text. With `markdown`, '#'
// headings are paragraphs of their own and links, images and emphasis marks are
// reduced to their words.
Narrative WholeTextNarrative(std::string_view text, const std::vector<uint32_t>& page_starts, bool markdown);

}  // namespace ocindex::core
