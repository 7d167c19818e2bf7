// The curated vocabulary of narrative extraction, as data: which words name a market,
// an actor type, a place, a role, a direction, a mode, a hedge... (data/lexicon/*.toml),
// and the gazetteer that turns place names, demonyms and region names into ISO3 or
// region codes (data/geography/*.csv). The formats and the matching rules are in
// docs/FLOWS.md. Pure: adapters read the files and fill these values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/model/geography.h"

namespace ocindex::core {

// What a matched term means. The kinds fall into layers (see CueLayer): within a
// layer a longer match hides the shorter matches it contains.
enum class CueKind {
  // content layer: what the text is about
  kMarket,         // value: indicator id
  kGenericMarket,  // value: "any", or a framework group id ("drugs") the topic must belong to
  kActor,          // value: actor-type indicator id
  kPlace,          // value: ISO3 or region codes separated by '|'
  kSubject,        // the subject country without its name ("the country", "domestic")
  kHomeRegion,     // the subject country's own sub-region ("the region")
  kAbroad,         // somewhere abroad, unnamed
  kRole,           // value: source|transit|destination|producer|consumer
  kMarketNoun,     // "market": "the Russian market" is a destination
  kOrigin,         // direction cues bind the place list that follows them
  kDestination,
  kVia,
  kScope,          // "in X": where a market operates
  kInbound,        // "brought in": into the subject country
  kContinuation,   // "from where": a new leg of the same journey
  kBased,          // "based in X": the actor is foreign when X is
  kStop,           // value: "content" or "qualifier"; hides what it contains, means nothing
  // qualifier layer
  kHedge,
  kNegation,
  kClauseBreak,
  // trend layer
  kTrend,   // value: up|down
  kFigure,  // "98%"
  kPeriod,  // "over the past 20 years"
  // mode layer
  kMode,  // value: rail|air|land|river|sea
  // name layer: kept as written
  kCrossing,
  kRoute,
};

enum class CueLayer { kContent, kQualifier, kTrend, kMode, kName };

const char* CueKindName(CueKind kind);
std::optional<CueKind> ParseCueKind(std::string_view name);
CueLayer LayerOf(CueKind kind);

struct LexiconEntry {
  CueKind kind = CueKind::kMarket;
  std::string value;
  // A term is a phrase, matched case-insensitively on word boundaries, where a space
  // matches any run of spaces and hyphens and a trailing '*' on a word any ending
  // ("poach*"); or "re:" and a Hyperscan regular expression.
  std::vector<std::string> terms;
  bool weak = false;            // counts only in a clause with no strong term of its kind
  bool case_sensitive = false;  // also implied for all-capital phrases ("UAE")
  bool adjective = false;       // places: the terms are demonyms or adjectives ("Uzbek", "European")
  std::string source;           // "markets.toml, entry 3", for messages
};

struct Lexicon {
  std::vector<LexiconEntry> entries;
};

// A UN M49 region (or a group of them) that narratives name.
struct Region {
  std::string code;  // "M49-143"
  std::string name;  // "Central Asia"
  std::vector<std::string> aliases;     // "South-East Asia"
  std::vector<std::string> adjectives;  // "European"
  double lat = 0;  // representative point, degrees
  double lon = 0;
};

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// Places beyond the country list: demonyms, cities and ports, regions, sub-region
// membership, centroids.
struct Gazetteer {
  std::unordered_map<std::string, std::vector<std::string>> demonyms;  // ISO3 -> "Kazakh", "Kazakhs", ...
  std::unordered_map<std::string, std::vector<std::string>> cities;    // ISO3 -> "Rotterdam", "Accra", ...
  std::vector<Region> regions;
  std::unordered_map<std::string, std::string> subregion;  // ISO3 -> region code
  std::unordered_map<std::string, GeoPoint> centroids;     // ISO3 -> centroid

  const Region* FindRegion(std::string_view code) const;
  // A country's centroid or a region's representative point; nullopt if unknown.
  std::optional<GeoPoint> Point(std::string_view code) const;
};

// A place code's display name: the country's name, the region's name, else the code.
std::string PlaceName(std::string_view code, const Geography& geography, const Gazetteer& gazetteer);

// Lexicon entries for every place: country names and aliases, demonyms, cities and
// ports (as their country), region names, aliases and adjectives. Names that would name two places are left out.
std::vector<LexiconEntry> PlaceEntries(const Geography& geography, const Gazetteer& gazetteer);

// One Hyperscan expression for a term (see LexiconEntry::terms), without flags.
std::string TermExpression(std::string_view term);
// Whether a term is a regular expression ("re:...") rather than a phrase.
bool IsRegexTerm(std::string_view term);
// Where a phrase term's match that ends at byte `end` of `text` starts, or nullopt
// if the phrase does not end there: the phrase walked backwards and compared (ASCII
// case-insensitively; a space or hyphen over any run of white space, hyphens and en
// dashes, a trailing '*' over the rest of its word, an apostrophe in either form),
// starting on a word boundary. Lets phrases be matched without Hyperscan's
// start-of-match tracking, which costs more than the rest of the scan.
std::optional<uint32_t> TermStart(std::string_view term, std::string_view text, uint32_t end);
// Whether the term must match case-sensitively (entry flag, or an all-capital phrase).
bool TermIsCaseSensitive(const LexiconEntry& entry, std::string_view term);

// Checks kinds' values: market/actor ids are non-empty, roles, modes and trends are
// known words, stop values are "content" or "qualifier".
Status CheckLexicon(const Lexicon& lexicon);

}  // namespace ocindex::core
