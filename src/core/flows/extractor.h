// Narrative extraction: reads a profile narrative's sections and produces statements
// (markets, roles, flows, actors, trends) with evidence and confidence. The lexicon
// is compiled once into a Hyperscan pattern set and a word index; each section is
// scanned once, then read sentence by sentence, clause by clause (rules in
// docs/FLOWS.md). Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/flows/lexicon.h"
#include "core/flows/pattern_set.h"
#include "core/flows/statement.h"
#include "core/model/framework.h"
#include "core/model/geography.h"
#include "core/profile/narrative.h"

namespace ocindex::core {

// What one compiled term means (internal to extraction; exposed for the reader).
struct CompiledTerm {
  CueKind kind = CueKind::kMarket;
  const std::string* value = nullptr;               // the entry's value
  const std::vector<std::string>* codes = nullptr;  // places: the codes the value names
  bool weak = false;
  bool adjective = false;
  // A phrase compiled on its own without start-of-match tracking: its matches' starts
  // are found by walking it back (TermStart). Empty for a pattern of regular
  // expressions, which tracks its starts.
  std::string phrase;
};

// Bounds on the work of one extraction, so that hostile text costs about what its
// length in ordinary prose costs. The caps sit far above ordinary prose (its longest
// sentences are some 600 bytes; its clauses name a handful of places): what they
// change is noted in NarrativeStatements::notes.
struct ExtractLimits {
  uint32_t max_sentence_bytes = 2000;  // longer sentences are read in pieces (CapSentenceLength)
  size_t max_clause_places = 40;       // a clause's later places are left out
  // Asked before each sentence: true stops the extraction there, with a note. The
  // caller's clock (the core reads none); empty: never.
  std::function<bool()> out_of_time;
};

class FlowExtractor {
 public:
  // Compiles the lexicon plus the places of the geography and gazetteer. Fails on a
  // lexicon that does not check (CheckLexicon) or a term that does not compile.
  static Result<FlowExtractor> Build(const Lexicon& lexicon, const Geography& geography, Gazetteer gazetteer);

  // A scanner for this extractor; one per thread. The extractor must outlive it.
  Result<PatternScanner> NewScanner() const;

  // Statements about `subject` (ISO3) read from the narrative's sections, with
  // market and actor ids limited to the framework's indicators. Sections outside
  // the criminality part (resilience) describe responses and are not read; which
  // sections are read: the summary and every section holding a market or actor
  // indicator the lexicon names. Reading is bounded by `limits`.
  Result<NarrativeStatements> Extract(const Narrative& narrative, const Framework& framework,
                                      const std::string& subject, PatternScanner& scanner,
                                      const ExtractLimits& limits = {}) const;

  // Whether Extract reads this section of a narrative: the summary, a whole text
  // (whole_text.h) and every section holding a market or actor indicator the lexicon
  // names; resilience sections describe responses and are not read.
  bool ReadsSection(const Framework& framework, const std::string& node_id) const;

  // The likely subject of a narrative given without one: the country it names most
  // often (by name, demonym or adjective), a mention that opens a sentence counting
  // twice; ties go to the country named first. Empty `country` if it names none.
  struct SubjectGuess {
    std::string country;    // ISO3
    std::string reason;     // "named 9 times (Brazil next, 4)"
  };
  Result<SubjectGuess> GuessSubject(const Narrative& narrative, PatternScanner& scanner) const;

  // The matching stage alone: every kept token's count for `text` (benchmarks).
  Result<size_t> CountMatches(std::string_view text, PatternScanner& scanner) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const Geography& geography() const { return *geography_; }

 private:
  struct Tables;
  FlowExtractor() = default;
  // Scans `text` with the pattern set and the word index: each match's pattern is a
  // term index, its start filled in.
  Status Scan(std::string_view text, PatternScanner& scanner, std::vector<PatternMatch>& matches) const;
  std::unique_ptr<PatternSet> patterns_;  // heap-held: scanners point at it; null if no term needs Hyperscan
  std::unique_ptr<Tables> tables_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Geography> geography_;

 public:
  FlowExtractor(FlowExtractor&&) noexcept;
  FlowExtractor& operator=(FlowExtractor&&) noexcept;
  ~FlowExtractor();
};

}  // namespace ocindex::core
