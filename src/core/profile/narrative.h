// A country profile's narrative: the expert text of a profile, cut into sections bound
// to framework nodes. The parser reads narratives as the publisher distributes them
// (plain text with headings in capitals, lines broken mid-paragraph, words hyphenated
// across line ends, stray page-break blank lines, a funding footer) or as Markdown with
// '#' headings, and re-flows them into clean paragraphs. Nothing is dropped silently:
// text it cannot place is kept in `unplaced` and reported in `problems`.
// Rules in docs/PROFILES.md. Pure: no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model/framework.h"

namespace ocindex::core {

enum class NarrativeFormat { kText, kMarkdown };

// Section ids that are not framework nodes.
inline constexpr std::string_view kSummarySection = "summary";
inline constexpr std::string_view kSourcesSection = "sources";

// Something the reader should look at; the parse still succeeds. Lines and columns
// are 1-based.
struct NarrativeProblem {
  int line = 0;
  int column = 0;
  std::string message;

  // "line L, column C: message"
  std::string ToString() const;
};

struct NarrativeSection {
  std::string node_id;  // a section node of the framework, "summary" or "sources"
  std::string heading;  // as written in the source
  std::string text;     // re-flowed paragraphs separated by one blank line ("\n\n")
  int line = 0;         // line of the heading in the source
};

// Text that belongs to no section: before the first heading, or under a heading
// that names no section. Kept, never dropped.
struct UnplacedText {
  std::string heading;  // as written; empty for text before the first heading
  std::string text;     // re-flowed paragraphs separated by "\n\n"
  int line = 0;
};

struct Narrative {
  std::vector<NarrativeSection> sections;  // in framework order (summary first, sources last)
  std::vector<std::string> structure_headings;  // pillar/component headings that open no section ("RESILIENCE")
  std::string footer;                      // funding/acknowledgement block, set apart
  std::vector<UnplacedText> unplaced;
  std::vector<NarrativeProblem> problems;
  int hyphens_kept = 0;     // line-end hyphens kept inside a compound ("cross-" + "border")
  int hyphens_removed = 0;  // line-end hyphens removed from a split word ("organi-" + "zations")
  // A paged document read as a whole text (whole_text.h): the byte offset in its one
  // section's text where each page begins (page 1 at index 0); empty otherwise.
  std::vector<uint32_t> page_starts;

  const NarrativeSection* Find(std::string_view node_id) const;
};

// The ids a narrative may hold, in the order profiles print them: "summary", every
// section node of the framework (the nodes that hold indicators directly: the market
// groups, criminal actors, the resilience groups), then "sources".
std::vector<std::string> NarrativeSectionIds(const Framework& framework);

// The heading a section is written under: its node's name, else the id capitalised
// ("Summary", "Sources").
std::string SectionHeading(const Framework& framework, const std::string& id);

// The section a heading names, or empty when it names none. Tolerates case, spacing,
// punctuation, '&' for "and" and leading numbering ("2. Trade & arms"); matches node
// names and ids of section nodes, and "summary"/"sources" with a few synonyms.
std::string MatchSectionHeading(std::string_view heading, const Framework& framework);

// Parses a narrative. Fails only on input that is not text at all (empty, NUL bytes,
// invalid UTF-8), with the line and column of the first bad byte; everything else is
// a problem in the result. `framework` must be linked.
Result<Narrative> ParseNarrative(std::string_view source, const Framework& framework, NarrativeFormat format);

// Every word of the narrative (whitespace-separated tokens of headings, sections,
// structure headings, unplaced text and footer), for round-trip checks and counts.
std::vector<std::string> NarrativeWords(const Narrative& narrative);

}  // namespace ocindex::core
