#include "core/flows/lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>

namespace ocindex::core {
namespace {

struct KindName {
  CueKind kind;
  const char* name;
  CueLayer layer;
};

constexpr std::array<KindName, 26> kKinds = {{
    {CueKind::kMarket, "market", CueLayer::kContent},
    {CueKind::kGenericMarket, "generic_market", CueLayer::kContent},
    {CueKind::kActor, "actor", CueLayer::kContent},
    {CueKind::kPlace, "place", CueLayer::kContent},
    {CueKind::kSubject, "subject", CueLayer::kContent},
    {CueKind::kHomeRegion, "home_region", CueLayer::kContent},
    {CueKind::kAbroad, "abroad", CueLayer::kContent},
    {CueKind::kRole, "role", CueLayer::kContent},
    {CueKind::kMarketNoun, "market_noun", CueLayer::kContent},
    {CueKind::kOrigin, "origin", CueLayer::kContent},
    {CueKind::kDestination, "destination", CueLayer::kContent},
    {CueKind::kVia, "via", CueLayer::kContent},
    {CueKind::kScope, "scope", CueLayer::kContent},
    {CueKind::kInbound, "inbound", CueLayer::kContent},
    {CueKind::kContinuation, "continuation", CueLayer::kContent},
    {CueKind::kBased, "based", CueLayer::kContent},
    {CueKind::kStop, "stop", CueLayer::kContent},
    {CueKind::kHedge, "hedge", CueLayer::kQualifier},
    {CueKind::kNegation, "negation", CueLayer::kQualifier},
    {CueKind::kClauseBreak, "clause_break", CueLayer::kQualifier},
    {CueKind::kTrend, "trend", CueLayer::kTrend},
    {CueKind::kFigure, "figure", CueLayer::kTrend},
    {CueKind::kPeriod, "period", CueLayer::kTrend},
    {CueKind::kMode, "mode", CueLayer::kMode},
    {CueKind::kCrossing, "crossing", CueLayer::kName},
    {CueKind::kRoute, "route", CueLayer::kName},
}};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Characters Hyperscan reads as operators; escaped in literal terms.
bool IsRegexMeta(char c) {
  static constexpr std::string_view kMeta = "\\^$.|?*+()[]{}/";
  return kMeta.find(c) != std::string_view::npos;
}

bool OneOf(std::string_view value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

const char* CueKindName(CueKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "?";
}

std::optional<CueKind> ParseCueKind(std::string_view name) {
  for (const KindName& k : kKinds) {
    if (name == k.name) return k.kind;
  }
  return std::nullopt;
}

CueLayer LayerOf(CueKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.layer;
  }
  return CueLayer::kContent;
}

const Region* Gazetteer::FindRegion(std::string_view code) const {
  for (const Region& region : regions) {
    if (region.code == code) return &region;
  }
  return nullptr;
}

std::optional<GeoPoint> Gazetteer::Point(std::string_view code) const {
  if (auto it = centroids.find(std::string(code)); it != centroids.end()) return it->second;
  if (const Region* region = FindRegion(code)) return GeoPoint{region->lat, region->lon};
  return std::nullopt;
}

std::string PlaceName(std::string_view code, const Geography& geography, const Gazetteer& gazetteer) {
  if (const Region* region = gazetteer.FindRegion(code)) return region->name;
  if (code.size() == 3) {
    if (const Country* country = geography.Find(code)) return country->name;
  }
  return std::string(code);
}

std::vector<LexiconEntry> PlaceEntries(const Geography& geography, const Gazetteer& gazetteer) {
  // Every name with the places it would name; a name of two places is dropped.
  struct Name {
    std::string text;
    std::string code;
    bool adjective;
  };
  std::vector<Name> names;
  for (const Country& country : geography.countries()) {
    names.push_back({country.name, country.iso3, false});
    for (const std::string& alias : country.aliases) {
      // Publisher spellings with commas ("Congo, Dem, Rep,") never occur in prose.
      if (alias.find(',') == std::string::npos) names.push_back({alias, country.iso3, false});
    }
    if (auto it = gazetteer.demonyms.find(country.iso3); it != gazetteer.demonyms.end()) {
      for (const std::string& form : it->second) names.push_back({form, country.iso3, true});
    }
    if (auto it = gazetteer.cities.find(country.iso3); it != gazetteer.cities.end()) {
      for (const std::string& city : it->second) names.push_back({city, country.iso3, false});
    }
  }
  for (const Region& region : gazetteer.regions) {
    names.push_back({region.name, region.code, false});
    for (const std::string& alias : region.aliases) names.push_back({alias, region.code, false});
    for (const std::string& adjective : region.adjectives) names.push_back({adjective, region.code, true});
  }
  std::unordered_map<std::string, std::set<std::string>> codes_by_key;
  for (const Name& name : names) codes_by_key[NormalizeName(name.text)].insert(name.code);

  // One entry per code and form (names apart from adjectives).
  std::unordered_map<std::string, size_t> entry_by_code;
  std::vector<LexiconEntry> entries;
  std::set<std::string> seen;
  for (const Name& name : names) {
    const std::string key = NormalizeName(name.text);
    if (codes_by_key[key].size() != 1 || key.size() < 2 || !seen.insert(name.text).second) continue;
    auto [it, added] = entry_by_code.emplace(name.code + (name.adjective ? "+" : ""), entries.size());
    if (added) {
      LexiconEntry entry;
      entry.kind = CueKind::kPlace;
      entry.value = name.code;
      entry.adjective = name.adjective;
      entry.source = "place " + name.code;
      entries.push_back(std::move(entry));
    }
    entries[it->second].terms.push_back(name.text);
  }
  return entries;
}

std::string TermExpression(std::string_view term) {
  if (IsRegexTerm(term)) return std::string(term.substr(3));
  std::string expression;
  if (!term.empty() && IsWordChar(term.front())) expression += "\\b";
  for (size_t i = 0; i < term.size(); ++i) {
    const char c = term[i];
    if (c == ' ' || c == '-') {
      // Re-flowed text may join or split compounds: "cross-border", "cross border".
      expression += "(?:\\s|-|\\xE2\\x80\\x93)+";
    } else if (c == '*' && i + 1 == term.size()) {
      expression += "\\w*";
    } else if (c == '\'' || term.substr(i, 3) == "\xE2\x80\x99") {
      // Straight or typographic apostrophe.
      if (c != '\'') i += 2;
      expression += "(?:'|\\xE2\\x80\\x99)";
    } else {
      if (IsRegexMeta(c)) expression += '\\';
      expression += c;
    }
  }
  if (!term.empty() && (IsWordChar(term.back()) || term.back() == '*')) expression += "\\b";
  return expression;
}

bool IsRegexTerm(std::string_view term) { return term.substr(0, 3) == "re:"; }

std::optional<uint32_t> TermStart(std::string_view term, std::string_view text, uint32_t end) {
  constexpr std::string_view kEnDash = "\xE2\x80\x93";
  constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";
  auto separator_before = [&](uint32_t pos) -> uint32_t {  // width of a separator ending at pos
    if (pos == 0) return 0;
    const char c = text[pos - 1];
    if (c == '-' || std::isspace(static_cast<unsigned char>(c)) != 0) return 1;
    if (pos >= 3 && text.substr(pos - 3, 3) == kEnDash) return 3;
    return 0;
  };
  auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  uint32_t pos = end;
  size_t i = term.size();
  if (i > 0 && term[i - 1] == '*') {
    // The starred word's ending: any word characters.
    --i;
    while (pos > 0 && IsWordChar(text[pos - 1])) --pos;
    // Its fixed part is at the start of what was skipped: step back to the end of it.
    size_t fixed = 0;
    while (fixed < i && term[i - 1 - fixed] != ' ' && term[i - 1 - fixed] != '-') ++fixed;
    uint32_t word_end = pos;
    while (word_end < end && IsWordChar(text[word_end])) ++word_end;
    if (word_end - pos < fixed) return std::nullopt;
    pos += static_cast<uint32_t>(fixed);
  }
  while (i > 0) {
    const char c = term[i - 1];
    if (c == ' ' || c == '-') {
      while (i > 0 && (term[i - 1] == ' ' || term[i - 1] == '-')) --i;
      if (separator_before(pos) == 0) return std::nullopt;
      while (uint32_t width = separator_before(pos)) pos -= width;
    } else if (c == '\'' || (i >= 3 && term.substr(i - 3, 3) == kTypographicApostrophe)) {
      i -= c == '\'' ? 1 : 3;
      if (pos >= 1 && text[pos - 1] == '\'') {
        pos -= 1;
      } else if (pos >= 3 && text.substr(pos - 3, 3) == kTypographicApostrophe) {
        pos -= 3;
      } else {
        return std::nullopt;
      }
    } else {
      if (pos == 0 || !same(text[pos - 1], c)) return std::nullopt;
      --i;
      --pos;
    }
  }
  // The phrase starts on a word boundary when it starts with a word character.
  if (!term.empty() && IsWordChar(term.front()) && pos > 0 && IsWordChar(text[pos - 1])) return std::nullopt;
  return pos;
}

bool TermIsCaseSensitive(const LexiconEntry& entry, std::string_view term) {
  if (entry.case_sensitive) return true;
  if (term.substr(0, 3) == "re:") return false;
  int letters = 0;
  for (char c : term) {
    if (std::islower(static_cast<unsigned char>(c)) != 0) return false;
    if (std::isupper(static_cast<unsigned char>(c)) != 0) ++letters;
  }
  return letters >= 2;
}

Status CheckLexicon(const Lexicon& lexicon) {
  for (const LexiconEntry& entry : lexicon.entries) {
    const std::string& v = entry.value;
    bool ok = true;
    switch (entry.kind) {
      case CueKind::kRole: ok = OneOf(v, {"source", "transit", "destination", "producer", "consumer"}); break;
      case CueKind::kMode: ok = OneOf(v, {"rail", "air", "land", "river", "sea"}); break;
      case CueKind::kTrend: ok = OneOf(v, {"up", "down"}); break;
      case CueKind::kStop: ok = OneOf(v, {"content", "qualifier"}); break;
      case CueKind::kMarket:
      case CueKind::kActor:
      case CueKind::kPlace:
      case CueKind::kGenericMarket: ok = !v.empty() && v != "-"; break;
      default: break;
    }
    if (!ok) {
      return MakeError(ErrorCode::kInvalidInput,
                       "value '" + v + "' does not fit kind '" + CueKindName(entry.kind) + "'", entry.source);
    }
    if (entry.terms.empty()) return MakeError(ErrorCode::kInvalidInput, "an entry needs terms", entry.source);
    for (const std::string& term : entry.terms) {
      if (term.empty() || term == "re:") return MakeError(ErrorCode::kInvalidInput, "empty term", entry.source);
    }
  }
  return {};
}

}  // namespace ocindex::core
