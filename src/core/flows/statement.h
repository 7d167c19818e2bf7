// What narrative extraction produces: structured statements (market mentions, the
// subject country's roles, flows between places, actors, trends), each with the
// evidence it was read from and a confidence. Rules: docs/FLOWS.md. Pure values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ocindex::core {

enum class StatementKind { kMarket, kRole, kFlow, kActor, kTrend };

const char* StatementKindName(StatementKind kind);
std::optional<StatementKind> ParseStatementKind(std::string_view name);

// Where a statement was read: a sentence of a section, as byte offsets into the
// section's re-flowed text.
struct Evidence {
  std::string section;  // framework node id of the section ("drugs", "criminal_actors"...)
  int paragraph = 0;    // 0-based within the section
  int sentence = 0;     // 0-based within the section
  uint32_t begin = 0;   // the sentence, [begin, end)
  uint32_t end = 0;
  uint32_t cue_begin = 0;  // the words that triggered the statement, [cue_begin, cue_end)
  uint32_t cue_end = 0;
  int page = 0;  // 1-based page of a paged document (PDF) read as a whole text; 0 otherwise
};

struct Statement {
  StatementKind kind = StatementKind::kMarket;
  std::string market;  // indicator id: market, role, flow; a trend's market
  std::string actor;   // actor-type indicator id: actor; a trend's actor
  std::string role;    // role: source|transit|destination|producer|consumer
  // Flow endpoints as place codes (ISO3 or "M49-143"), in text order.
  std::vector<std::string> origins;
  std::vector<std::string> via;
  std::vector<std::string> destinations;
  std::vector<std::string> modes;      // rail|air|land|river|sea
  std::vector<std::string> crossings;  // named crossing points, as written
  std::string route;                   // a named route ("northern route")
  std::string actor_base;              // a foreign actor's place code, when named
  std::string direction;               // trend: up|down
  std::string figure;                  // trend: "98%"
  std::string period;                  // trend: "over the past 20 years"
  double confidence = 0;               // 0..1
  bool hedged = false;   // a hedge ("allegedly", "may") qualifies every evidence
  bool negated = false;  // a negation qualifies it: never a positive fact
  std::vector<std::string> qualifiers;  // the hedge and negation words, lower case
  std::vector<std::string> notes;       // how an implicit part was filled in
  std::vector<Evidence> evidence;       // every sentence that says it, in text order
};

// Statements of one narrative: the subject country and its edition.
struct NarrativeStatements {
  std::string country;  // ISO3 of the subject
  std::string edition;
  std::vector<Statement> statements;  // in order of first evidence
  // Where reading was bounded (ExtractLimits): sentences read in pieces, places left
  // out, the time budget spent. Empty for ordinary prose.
  std::vector<std::string> notes;
  // The time budget ran out before the end: a partial reading that depends on the
  // machine's load, so it is not kept as the narrative's extraction.
  bool stopped = false;
};

// The identity of a statement: two statements with the same key say the same thing
// (evidence, confidence, hedges, modes and crossings aside) and are merged.
std::string StatementKey(const Statement& statement);

// Merges `from` into `into` (same key): evidence appended, modes/crossings/notes/
// qualifiers united, confidence the higher, hedged only if both are.
void MergeStatement(Statement& into, const Statement& from);

}  // namespace ocindex::core
