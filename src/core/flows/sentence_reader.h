// Reads one sentence's matched terms into statements: clauses, place lists and what
// binds them, roles, flows, actors, trends. Internal to FlowExtractor; the rules are
// documented in docs/FLOWS.md. Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/flows/extractor.h"
#include "core/flows/sentences.h"
#include "core/flows/statement.h"

namespace ocindex::core {

// A kept match: a term's meaning at a byte span of the section text.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  const CompiledTerm* term = nullptr;
  // False for a market or actor type the edition's framework does not assess: it
  // names no statement, but keeps the clause from falling back to the topic market.
  bool assessed = true;

  CueKind kind() const { return term->kind; }
};

// What stays fixed while a section is read.
struct SectionContext {
  std::string_view text;        // the section's re-flowed text
  std::string section;          // its node id
  std::string subject;          // ISO3 of the narrative's country
  std::string home_region;      // the subject's sub-region code; empty if unknown
  std::string default_market;   // the section's only market indicator, if it has one
  size_t max_clause_places = SIZE_MAX;  // places of a clause read; later ones are left out
  // Whether a market indicator belongs to a framework group ("drugs"), for generic
  // words that only name drug markets.
  std::function<bool(const std::string& market, const std::string& group)> in_group;
};

// What carries from sentence to sentence within a paragraph.
struct ParagraphState {
  std::string topic;             // the market the paragraph speaks of
  std::vector<Statement> flows;  // flows read so far, for elliptical sentences
  std::vector<Statement> partials;  // flows with one end only, waiting for the other
};

// Appends the statements of one sentence (`tokens` are the sentence's, sorted by
// start) to `out`. Returns how many places it left out (beyond
// context.max_clause_places in a clause).
size_t ReadSentence(std::span<const Token> tokens, const SentenceSpan& sentence, int sentence_index,
                  const SectionContext& context, ParagraphState& paragraph, std::vector<Statement>& out);

}  // namespace ocindex::core
