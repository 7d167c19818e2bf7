// Paragraphs and sentences of a re-flowed narrative section (paragraphs separated by
// a blank line, as core/profile/narrative produces them). Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ocindex::core {

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets into the section text, [begin, end)
  uint32_t end = 0;
  int paragraph = 0;  // 0-based paragraph of the section
};

// A sentence ends at '.', '!' or '?' (and any closing quotes or brackets after it)
// followed by white space and a capital letter, digit, quote or bracket, or by the
// end of the paragraph; a full stop after a known abbreviation ("e.g.", "Mr.") or a
// single capital (an initial) ends nothing. A colon followed by white space and a
// capital letter ends a sentence too ("Key Findings China remains ...: In 2019, ..."). Sentences hold no surrounding space.
std::vector<SentenceSpan> SplitSentences(std::string_view text);

// Cuts every sentence longer than `max_bytes` into pieces of at most that length,
// each ending at the last space before the limit (at the limit, never inside a UTF-8
// character, in a text without spaces): a run-on passage then costs what as many
// sentences cost, since reading a sentence grows faster than its length. Returns
// how many sentences were cut.
size_t CapSentenceLength(std::string_view text, uint32_t max_bytes, std::vector<SentenceSpan>& sentences);

}  // namespace ocindex::core
