// Narrative extraction end to end: the bundled lexicon and gazetteer compiled into a
// FlowExtractor, narratives read from files or from the store, and their statements.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "core/error.h"
#include "core/flows/extractor.h"
#include "core/flows/statement.h"
#include "core/profile/narrative.h"

namespace ocindex::adapters {

// The lexicon (data/lexicon/*.toml) and gazetteer (data/geography/) compiled into
// the binary.
Result<core::Lexicon> BundledLexicon();
Result<core::Gazetteer> BundledGazetteer();
// Both compiled for the given country list.
Result<core::FlowExtractor> BundledFlowExtractor(const core::Geography& geography);

// A narrative to read: its country, edition and sections.
struct NarrativeSource {
  std::string country;  // ISO3
  std::string edition;
  std::string source;   // file path, or "stored revision N"
  core::Narrative narrative;
  core::Framework framework;
};

// Reads a narrative file (text, Markdown, HTML or PDF: io/document_file.h) against
// the edition's framework (an empty edition means the newest stored). A profile whose
// headings name criminality sections is read by section; any other text whole, as one
// section (core/profile/whole_text.h). With no `country`, the subject is inferred
// (FlowExtractor::GuessSubject). `source` tells the format, the reading and why the
// subject was chosen. A file that cannot be read, is not text or is empty is an error.
Result<NarrativeSource> ReadNarrativeFile(Catalog& catalog, const core::FlowExtractor& extractor,
                                          const std::string& path, const std::string& country,
                                          const std::string& edition);

// A stored narrative (its current revision as loaded) as a source for extraction.
NarrativeSource StoredNarrativeSource(const StoredProfile& profile, const std::string& edition,
                                      const core::Framework& framework);

// The stored narratives (current revisions): of one country when `country` is set,
// of one edition when `edition` is set, else all. kNotFound when there is none.

Result<std::vector<NarrativeSource>> StoredNarratives(Catalog& catalog, const std::string& country,
                                                      const std::string& edition);

// Wall-clock time one narrative's extraction may take before it stops with a note: a
// backstop behind the caps of core::ExtractLimits (a 100 KB profile takes some 10 ms).
inline constexpr std::chrono::milliseconds kExtractionBudget{1000};

// The statements of each source, extracted on up to `threads` threads, in order,
// each within `budget`.
Result<std::vector<core::NarrativeStatements>> ExtractAll(const core::FlowExtractor& extractor,
                                                          const std::vector<NarrativeSource>& sources,
                                                          unsigned threads,
                                                          std::chrono::milliseconds budget = kExtractionBudget);

}  // namespace ocindex::adapters
