#include "core/flows/sentence_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace ocindex::core {
namespace {

// Confidence of a statement read directly, and the factors that lower it.
constexpr double kExplicit = 0.85;
constexpr double kImplied = 0.65;   // a part filled in by a default rule
constexpr double kCarried = 0.6;    // a part carried from an earlier sentence
constexpr double kWeakTerm = 0.6;   // a market named only by an ambiguous word
constexpr double kHedgeFactor = 0.6;
constexpr double kNegationFactor = 0.3;

constexpr std::string_view kImpliedOrigin = "origin implied: the subject country";
constexpr std::string_view kImpliedDestination = "destination implied: the subject country";
constexpr std::string_view kPlaceBefore = "origin implied: the place named before the destination";

// Gaps a place list may span ("Russia, the Middle East and Europe").
constexpr std::array<std::string_view, 22> kConnectors = {
    "and", "or", "the", "other", "as", "well", "also", "both", "either", "even", "then", "sometimes",
    "mainly", "mostly", "primarily", "particularly", "especially", "including", "notably", "elsewhere",
    "parts", "of"};
constexpr uint32_t kMaxListGap = 40;    // bytes between two places of one list
constexpr int kMaxCueGapWords = 4;      // words between a direction cue and its places
constexpr int kMaxAdjacentWords = 1;    // words between an adjective and its noun

bool IsPlaceKind(CueKind kind) {
  return kind == CueKind::kPlace || kind == CueKind::kSubject || kind == CueKind::kHomeRegion ||
         kind == CueKind::kAbroad;
}
bool IsDirectionKind(CueKind kind) {
  return kind == CueKind::kOrigin || kind == CueKind::kDestination || kind == CueKind::kVia ||
         kind == CueKind::kScope;
}
bool IsContent(CueKind kind) { return LayerOf(kind) == CueLayer::kContent; }
bool IsMarketKind(CueKind kind) { return kind == CueKind::kMarket || kind == CueKind::kGenericMarket; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The words (letter runs) of text[begin, end).
std::vector<std::string_view> Words(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<std::string_view> words;
  uint32_t i = begin;
  while (i < end) {
    while (i < end && std::isalpha(static_cast<unsigned char>(text[i])) == 0) ++i;
    const uint32_t start = i;
    while (i < end && std::isalpha(static_cast<unsigned char>(text[i])) != 0) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// Whether text[begin, end) holds at most `max` words (Words(...).size() <= max),
// without building the list and stopping at the first word past `max`: the rules ask
// it for every pair of a cue and a place, whose gap may span a whole long sentence.
bool WithinWords(std::string_view text, uint32_t begin, uint32_t end, int max) {
  int count = 0;
  bool in_word = false;
  for (uint32_t i = begin; i < end; ++i) {
    const bool letter = std::isalpha(static_cast<unsigned char>(text[i])) != 0;
    if (letter && !in_word && ++count > max) return false;
    in_word = letter;
  }
  return true;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void AddUnique(std::vector<std::string>& into, const std::string& item) {
  if (!item.empty() && std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}
void AddAll(std::vector<std::string>& into, const std::vector<std::string>& items) {
  for (const std::string& item : items) AddUnique(into, item);
}
bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}
std::vector<std::string> Minus(const std::vector<std::string>& items, const std::vector<std::string>& remove) {
  std::vector<std::string> out;
  for (const std::string& item : items) {
    if (!Contains(remove, item)) out.push_back(item);
  }
  return out;
}

struct Mention {
  size_t token = 0;
  std::vector<std::string> codes;
  bool subject = false;  // names the subject country alone
  bool abroad = false;
  bool adjective = false;
};

struct PlaceList {
  std::vector<size_t> mentions;  // indices into Clause::mentions
  uint32_t begin = 0;
  uint32_t end = 0;
  int leg = 0;  // journey leg (continuation cues before it)
  bool origin = false;
  bool destination = false;
  bool via = false;
  bool scope = false;
  bool border = false;  // "the Kazakh-Kyrgyz border": a place, not an endpoint
  bool actor_base = false;  // "groups based in X": where an actor is, not an endpoint

  bool Bound() const { return origin || destination || via; }
};

struct Clause {
  size_t first = 0;  // token indices [first, last)
  size_t last = 0;
  bool hedged = false;
  bool negated = false;
  std::vector<std::string> qualifiers;
  std::vector<Mention> mentions;
  std::vector<PlaceList> lists;
  std::vector<std::string> markets;       // named in the clause, strong terms first
  std::vector<size_t> market_tokens;      // the tokens that name them
  bool weak_markets = false;              // only weak terms named them
  bool generic = false;                   // a generic trafficking word appears
  bool unassessed = false;                // names a market the framework does not assess
  bool refers_back = false;  // opened by ", where": speaks of the place just before
  int lead = -1;             // then: 1 if that place is the subject, 0 if another, -1 if none
};

class SentenceReader {
 public:
  SentenceReader(std::span<const Token> tokens, const SentenceSpan& sentence, int sentence_index,
                 const SectionContext& context, ParagraphState& paragraph, std::vector<Statement>& out)
      : tokens_(tokens), sentence_(sentence), index_(sentence_index), context_(context), paragraph_(paragraph),
        out_(out) {}

  // Returns how many places were left out (SectionContext::max_clause_places).
  size_t Read() {
    // Only the sentence before may complete a flow of this one.
    std::erase_if(paragraph_.partials,
                  [this](const Statement& partial) { return index_ - partial.evidence.front().sentence > 1; });
    SplitClauses();
    for (size_t c = 0; c < clauses_.size(); ++c) {
      Clause& clause = clauses_[c];
      ReadQualifiers(clause);
      ReadMarkets(clause);
      ReadPlaces(clause);
      if (clause.refers_back && c > 0 && !clauses_[c - 1].lists.empty()) {
        clause.lead = ListIsSubject(clauses_[c - 1], clauses_[c - 1].lists.back()) ? 1 : 0;
      }
    }
    // "brought X via A to B, where they endured forced labour": the market of a clause
    // that speaks of its place is the market of the clause before.
    // A clause without one speaks of the market of the clause before it ("... shipped
    // from China has declined, while the amount shipped from Mexico has increased").
    for (size_t c = 0; c + 1 < clauses_.size(); ++c) {
      const Clause& next = clauses_[c + 1];
      if (clauses_[c].markets.empty() && !clauses_[c].unassessed && next.refers_back) {
        clauses_[c].markets = next.markets;
      }
    }
    for (size_t c = 1; c < clauses_.size(); ++c) {
      if (clauses_[c].markets.empty() && !clauses_[c].unassessed) clauses_[c].markets = clauses_[c - 1].markets;
    }
    for (Clause& clause : clauses_) ReadMarketStatements(clause);
    for (Clause& clause : clauses_) ReadActors(clause);
    for (Clause& clause : clauses_) ReadRoles(clause);
    for (Clause& clause : clauses_) ReadFlows(clause);
    for (Clause& clause : clauses_) ReadTrends(clause);
    UpdateTopic();
    return places_left_out_;
  }

 private:
  std::string_view Text(const Token& token) const {
    return context_.text.substr(token.begin, token.end - token.begin);
  }

  // ---- clauses and qualifiers

  void SplitClauses() {
    Clause clause;
    clause.first = 0;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].kind() != CueKind::kClauseBreak) continue;
      clause.last = i;
      clauses_.push_back(clause);
      clause = Clause{};
      clause.first = i + 1;
      // ", where ..." speaks of the place just before it.
      const std::string_view text = Text(tokens_[i]);
      clause.refers_back = text.size() >= 5 && EqualsIgnoreCase(text.substr(text.size() - 5), "where");
    }
    clause.last = tokens_.size();
    clauses_.push_back(clause);
  }

  void ReadQualifiers(Clause& clause) {
    for (size_t i = clause.first; i < clause.last; ++i) {
      const CueKind kind = tokens_[i].kind();
      if (kind != CueKind::kHedge && kind != CueKind::kNegation) continue;
      (kind == CueKind::kHedge ? clause.hedged : clause.negated) = true;
      AddUnique(clause.qualifiers, Lower(Text(tokens_[i])));
    }
  }

  void ReadMarkets(Clause& clause) {
    std::vector<size_t> strong;
    std::vector<size_t> weak;
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].kind() == CueKind::kGenericMarket) clause.generic = true;
      if (tokens_[i].kind() != CueKind::kMarket) continue;
      if (!tokens_[i].assessed) {
        clause.unassessed = true;
        continue;
      }
      (tokens_[i].term->weak ? weak : strong).push_back(i);
    }
    clause.weak_markets = strong.empty() && !weak.empty();
    clause.market_tokens = strong.empty() ? weak : strong;
    for (size_t i : clause.market_tokens) AddUnique(clause.markets, *tokens_[i].term->value);
  }

  // The markets flows and roles of a clause speak of: its own, else the topic.
  std::vector<std::string> SubjectMarkets(const Clause& clause, bool* from_topic) const {
    *from_topic = clause.markets.empty();
    if (!clause.markets.empty()) return clause.markets;
    if (clause.unassessed) return {};  // "counterfeit goods" in an edition without that market
    if (!paragraph_.topic.empty()) return {paragraph_.topic};
    return {};
  }

  // ---- places

  Mention MakeMention(size_t i) const {
    const Token& token = tokens_[i];
    Mention mention;
    mention.token = i;
    switch (token.kind()) {
      case CueKind::kPlace:
        mention.codes = *token.term->codes;
        mention.adjective = token.term->adjective;
        break;
      case CueKind::kSubject:
        mention.codes = {context_.subject};
        mention.adjective = true;
        break;
      case CueKind::kHomeRegion:
        if (!context_.home_region.empty()) mention.codes = {context_.home_region};
        break;
      default:
        mention.abroad = true;
        break;
    }
    mention.subject = mention.codes.size() == 1 && mention.codes[0] == context_.subject;
    return mention;
  }

  // Whether the gap between two places joins them into one list.
  bool JoinsList(const Mention& previous, uint32_t gap_begin, uint32_t gap_end) const {
    if (gap_end < gap_begin || gap_end - gap_begin > kMaxListGap) return false;
    for (uint32_t i = gap_begin; i < gap_end; ++i) {
      const char c = context_.text[i];
      if (c != ' ' && c != ',' && std::isalpha(static_cast<unsigned char>(c)) == 0) return false;
    }
    const std::vector<std::string_view> words = Words(context_.text, gap_begin, gap_end);
    for (size_t w = 0; w < words.size(); ++w) {
      // "countries in Central Asia", "elsewhere in Asia"
      if (EqualsIgnoreCase(words[w], "in")) {
        const bool after_group = w == 0 ? (previous.abroad || tokens_[previous.token].kind() == CueKind::kHomeRegion)
                                        : EqualsIgnoreCase(words[w - 1], "elsewhere");
        if (after_group) continue;
        return false;
      }
      bool connector = false;
      for (std::string_view c : kConnectors) connector = connector || EqualsIgnoreCase(words[w], c);
      if (!connector) return false;
    }
    return true;
  }

  // "Kazakh-Kyrgyz border": two adjectives joined by a hyphen or dash before "border".
  bool IsBorderPair(const Token& a, const Token& b) const {
    const std::string_view between = context_.text.substr(a.end, b.begin > a.end ? b.begin - a.end : 0);
    if (between != "-" && between != "\xE2\x80\x93") return false;
    const std::string_view after = context_.text.substr(b.end, 8);
    return after.size() >= 7 && EqualsIgnoreCase(after.substr(0, 7), " border");
  }

  void ReadPlaces(Clause& clause) {
    int leg = 0;
    for (size_t i = clause.first; i < clause.last; ++i) {
      const CueKind kind = tokens_[i].kind();
      if (kind == CueKind::kContinuation) ++leg;
      if (!IsPlaceKind(kind)) continue;
      // A clause naming more places than any sentence of prose does is a list or a
      // run-on passage: its later places would only make reading it slower.
      if (clause.mentions.size() >= context_.max_clause_places) {
        ++places_left_out_;
        continue;
      }
      Mention mention = MakeMention(i);
      const size_t index = clause.mentions.size();
      clause.mentions.push_back(std::move(mention));
      PlaceList* list = clause.lists.empty() ? nullptr : &clause.lists.back();
      const bool joins = list != nullptr && list->leg == leg &&
                         (JoinsList(clause.mentions[list->mentions.back()], list->end, tokens_[i].begin) ||
                          IsBorderPair(tokens_[clause.mentions[list->mentions.back()].token], tokens_[i]));
      if (joins) {
        if (IsBorderPair(tokens_[clause.mentions[list->mentions.back()].token], tokens_[i])) list->border = true;
        list->mentions.push_back(index);
        list->end = tokens_[i].end;
      } else {
        PlaceList fresh;
        fresh.mentions = {index};
        fresh.begin = tokens_[i].begin;
        fresh.end = tokens_[i].end;
        fresh.leg = leg;
        clause.lists.push_back(fresh);
      }
    }
    for (PlaceList& list : clause.lists) BindDirection(clause, list);
    for (PlaceList& list : clause.lists) BindAdjective(clause, list);
    for (PlaceList& list : clause.lists) list.actor_base = IsActorBase(clause, list);
  }

  // "groups based in Russia", "actors hailing from Central Asia", "Mexican cartels".
  bool IsActorBase(const Clause& clause, const PlaceList& list) const {
    // "Mexican cartels", "a Russian trafficking network": the actors' nationality.
    bool adjectives = true;
    for (size_t m : list.mentions) adjectives = adjectives && clause.mentions[m].adjective;
    if (auto next = NextContent(clause, list.end, kMaxAdjacentWords);
        adjectives && next && tokens_[*next].kind() == CueKind::kActor) {
      return true;
    }
    for (size_t j = clause.first; j < clause.last; ++j) {
      const Token& cue = tokens_[j];
      if ((cue.kind() != CueKind::kBased && cue.kind() != CueKind::kOrigin) || cue.end > list.begin ||
          !WithinWords(context_.text, cue.end, list.begin, 1)) {
        continue;
      }
      for (size_t a = clause.first; a < j; ++a) {
        if (tokens_[a].kind() == CueKind::kActor && WithinWords(context_.text, tokens_[a].end, cue.begin, 1)) {
          return true;
        }
      }
    }
    return false;
  }

  // Whether a qualifier ("according to some reports") covers the token.
  bool InQualifier(const Clause& clause, const Token& token) const {
    for (size_t i = clause.first; i < clause.last; ++i) {
      const Token& q = tokens_[i];
      if (LayerOf(q.kind()) == CueLayer::kQualifier && q.begin <= token.begin && q.end >= token.end) return true;
    }
    return false;
  }

  size_t TokenAt(const Clause& clause, uint32_t begin) const {
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].begin == begin && IsPlaceKind(tokens_[i].kind())) return i;
    }
    return clause.last;
  }

  // The direction cues right before a list bind it: the nearest within a few words
  // with no content between, and cues chained to it by "or"/"and".
  void BindDirection(const Clause& clause, PlaceList& list) {
    const size_t first = TokenAt(clause, list.begin);
    uint32_t next = list.begin;
    bool bound_one = false;
    for (size_t j = first; j-- > clause.first;) {
      const Token& token = tokens_[j];
      if (token.end > next) continue;  // overlaps what follows (other layers)
      if (!IsContent(token.kind())) continue;
      if (!IsDirectionKind(token.kind()) || InQualifier(clause, token)) break;
      const std::vector<std::string_view> gap = Words(context_.text, token.end, next);
      if (!bound_one) {
        if (static_cast<int>(gap.size()) > kMaxCueGapWords) break;
      } else {
        // "originates in or passes through": joined by "or"/"and"; "entering through"
        // is one cue, the last.
        bool chained = !gap.empty();
        for (std::string_view word : gap) {
          chained = chained && (EqualsIgnoreCase(word, "or") || EqualsIgnoreCase(word, "and") ||
                                EqualsIgnoreCase(word, "either"));
        }
        if (!chained) break;
      }
      switch (token.kind()) {
        case CueKind::kOrigin: list.origin = true; break;
        case CueKind::kDestination: list.destination = true; break;
        case CueKind::kVia: list.via = true; break;
        default: list.scope = true; break;
      }
      bound_one = true;
      next = token.begin;
    }
  }

  // The next content token after byte `from` in the clause, if within `max_words`.
  std::optional<size_t> NextContent(const Clause& clause, uint32_t from, int max_words) const {
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].begin < from || !IsContent(tokens_[i].kind())) continue;
      if (!WithinWords(context_.text, from, tokens_[i].begin, max_words)) return std::nullopt;
      return i;
    }
    return std::nullopt;
  }

  // "Kazakhstani and Russian fuel": adjectives before a market are its origins;
  // "the Russian market" is a destination.
  void BindAdjective(const Clause& clause, PlaceList& list) {
    if (list.Bound() || list.scope || list.border) return;
    for (size_t m : list.mentions) {
      if (!clause.mentions[m].adjective) return;
    }
    auto next = NextContent(clause, list.end, kMaxAdjacentWords);
    if (!next) return;
    // The subject's own market ("the domestic heroin market") is a consumer market,
    // read by IsConsumerMarket, not a destination.
    const bool subject = ListIsSubject(clause, list);
    if (tokens_[*next].kind() == CueKind::kMarketNoun) {
      list.destination = !subject;
    } else if (tokens_[*next].kind() == CueKind::kMarket) {  // not "Nigerian traffickers"
      auto after = NextContent(clause, tokens_[*next].end, kMaxAdjacentWords);
      if (after && tokens_[*after].kind() == CueKind::kMarketNoun) {
        list.destination = !subject;  // "the Russian heroin market"
      } else {
        list.origin = true;
      }
    }
  }

  bool ListIsSubject(const Clause& clause, const PlaceList& list) const {
    for (size_t m : list.mentions) {
      if (!clause.mentions[m].subject) return false;
    }
    return true;
  }

  bool ListHasSubject(const Clause& clause, const PlaceList& list) const {
    for (size_t m : list.mentions) {
      if (clause.mentions[m].subject) return true;
    }
    return false;
  }

  std::vector<std::string> ListCodes(const Clause& clause, const PlaceList& list) const {
    std::vector<std::string> codes;
    for (size_t m : list.mentions) AddAll(codes, clause.mentions[m].codes);
    return codes;
  }

  // ---- statements

  Statement Make(StatementKind kind, const Clause& clause, uint32_t cue_begin, uint32_t cue_end,
                 double confidence) const {
    Statement s;
    s.kind = kind;
    s.hedged = clause.hedged;
    s.negated = clause.negated;
    s.qualifiers = clause.qualifiers;
    if (clause.hedged) confidence *= kHedgeFactor;
    if (clause.negated) confidence *= kNegationFactor;
    s.confidence = confidence;
    Evidence evidence;
    evidence.section = context_.section;
    evidence.paragraph = sentence_.paragraph;
    evidence.sentence = index_;
    evidence.begin = sentence_.begin;
    evidence.end = sentence_.end;
    evidence.cue_begin = cue_begin;
    evidence.cue_end = cue_end;
    s.evidence.push_back(evidence);
    return s;
  }

  void ReadMarketStatements(const Clause& clause) {
    for (size_t i : clause.market_tokens) {
      Statement s = Make(StatementKind::kMarket, clause, tokens_[i].begin, tokens_[i].end,
                         clause.weak_markets ? kWeakTerm : kExplicit);
      s.market = *tokens_[i].term->value;
      out_.push_back(std::move(s));
    }
  }

  void ReadActors(const Clause& clause) {
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].kind() != CueKind::kActor || !tokens_[i].assessed) continue;
      Statement s = Make(StatementKind::kActor, clause, tokens_[i].begin, tokens_[i].end, kExplicit);
      s.actor = *tokens_[i].term->value;
      out_.push_back(s);
      // A foreign place next to the actor ("Chinese triads", "groups based in Russia")
      // makes it a foreign actor too.
      std::string base = ForeignBase(clause, i);
      if (!base.empty() && s.actor != "foreign_actors") {
        Statement foreign = s;
        foreign.actor = "foreign_actors";
        foreign.actor_base = base;
        foreign.confidence *= kImplied / kExplicit;
        foreign.notes.push_back("foreign: based in " + base);
        out_.push_back(std::move(foreign));
      } else if (!base.empty()) {
        out_.back().actor_base = base;
      }
    }
  }

  std::string ForeignBase(const Clause& clause, size_t actor) const {
    for (const PlaceList& list : clause.lists) {
      const Mention& last = clause.mentions[list.mentions.back()];
      const Mention& first = clause.mentions[list.mentions.front()];
      if (last.subject || last.codes.empty()) continue;
      // Before: "Chinese triads"
      if (list.end <= tokens_[actor].begin && last.adjective &&
          WithinWords(context_.text, list.end, tokens_[actor].begin, kMaxAdjacentWords)) {
        return last.codes.front();
      }
      // After: "based in Russia", "hailing from Central Asia"
      if (list.begin >= tokens_[actor].end && !first.subject) {
        for (size_t j = actor + 1; j < clause.last && tokens_[j].begin < list.begin; ++j) {
          const CueKind kind = tokens_[j].kind();
          if ((kind == CueKind::kBased || kind == CueKind::kOrigin) &&
              WithinWords(context_.text, tokens_[j].end, list.begin, 1) &&
              WithinWords(context_.text, tokens_[actor].end, tokens_[j].begin, 1)) {
            return first.codes.front();
          }
        }
      }
    }
    return {};
  }

  void AddRole(const Clause& clause, const std::string& role, uint32_t cue_begin, uint32_t cue_end,
               double confidence, const std::string& note) {
    bool from_topic = false;
    for (const std::string& market : SubjectMarkets(clause, &from_topic)) {
      AddRoleFor(clause, market, role, cue_begin, cue_end, confidence, note);
      if (from_topic) out_.back().notes.push_back("market from the paragraph's topic");
    }
  }

  void AddRoleFor(const Clause& clause, const std::string& market, const std::string& role, uint32_t cue_begin,
                  uint32_t cue_end, double confidence, const std::string& note) {
    if (!clause.negated) clause_roles_.emplace_back(clause.first, market + "/" + role);
    Statement s = Make(StatementKind::kRole, clause, cue_begin, cue_end, confidence);
    s.market = market;
    s.role = role;
    if (!note.empty()) s.notes.push_back(note);
    out_.push_back(std::move(s));
  }

  // Whether the clause gave the subject `role` in `market` (not negated).
  bool ClauseGaveRole(const Clause& clause, const std::string& market, const std::string& role) const {
    const std::string key = market + "/" + role;
    for (const auto& [first, given] : clause_roles_) {
      if (first == clause.first && given == key) return true;
    }
    return false;
  }

  // "source countries", "transit points": other countries, unless "one of the" or
  // "among the" makes the subject one of them.
  bool NamesOtherCountries(const Token& cue) const {
    const std::vector<std::string_view> words = Words(context_.text, cue.begin, cue.end);
    static constexpr std::array<std::string_view, 11> kPlural = {
        "countries", "states", "sources", "suppliers", "exporters", "importers", "producers", "destinations",
        "hubs", "points", "waypoints"};
    bool plural = false;
    for (std::string_view p : kPlural) plural = plural || (!words.empty() && EqualsIgnoreCase(words.back(), p));
    if (!plural) return false;
    const uint32_t from = cue.begin > 40 ? cue.begin - 40 : 0;
    const std::vector<std::string_view> before = Words(context_.text, from, cue.begin);
    for (size_t i = before.size() > 5 ? before.size() - 5 : 0; i < before.size(); ++i) {
      if (EqualsIgnoreCase(before[i], "among") ||
          (EqualsIgnoreCase(before[i], "one") && i + 1 < before.size() && EqualsIgnoreCase(before[i + 1], "of"))) {
        return false;
      }
    }
    return true;
  }

  // "The most important source for weapons ... is the United States": the place a
  // copula names after the cue holds the role.
  PlaceList* CopulaPlace(Clause& clause, const Token& cue) {
    for (PlaceList& list : clause.lists) {
      if (list.begin < cue.end || list.Bound() || list.border || list.actor_base) continue;
      std::vector<std::string_view> words = Words(context_.text, cue.end, list.begin);
      if (!words.empty() && EqualsIgnoreCase(words.back(), "the")) words.pop_back();
      if (words.empty()) continue;
      for (std::string_view verb : {"is", "are", "was", "were", "remains", "remain"}) {
        if (EqualsIgnoreCase(words.back(), verb)) return &list;
      }
    }
    return nullptr;
  }

  // A weak role term ("use", "used") counts only next to a market word: "heroin use",
  // "the use of ecstasy", "the most widely used illicit drug"; not a verb's object
  // ("traffickers use debt bondage").
  bool NextToMarket(const Clause& clause, const Token& cue) const {
    const bool participle = EqualsIgnoreCase(Text(cue), "used");
    for (size_t j = clause.first; j < clause.last; ++j) {
      const Token& t = tokens_[j];
      if (!IsMarketKind(t.kind())) continue;
      if (t.end <= cue.begin) {
        if (t.kind() == CueKind::kMarket && WithinWords(context_.text, t.end, cue.begin, 0)) return true;
        continue;
      }
      const std::vector<std::string_view> gap = Words(context_.text, cue.end, t.begin);
      if (gap.size() <= 3 && ((!gap.empty() && EqualsIgnoreCase(gap[0], "of")) || (participle && gap.size() <= 2))) {
        return true;
      }
    }
    return false;
  }

  // The role a place list takes from a role cue.
  static void BindByRole(PlaceList& list, const std::string& role) {
    if (list.Bound()) return;
    if (role == "source" || role == "producer") list.origin = true;
    if (role == "transit") list.via = true;
    if (role == "destination" || role == "consumer") list.destination = true;
  }

  void ReadRoles(Clause& clause) {
    // Roles named by a cue: "Kazakhstan is a transit country", "transit Kazakhstan".
    for (size_t i = clause.first; i < clause.last; ++i) {
      const Token& cue = tokens_[i];
      if (cue.kind() != CueKind::kRole) continue;
      const std::string& role = *cue.term->value;
      if (cue.term->weak && !NextToMarket(clause, cue)) continue;
      // A place right after the cue that a direction or an adjective binds already
      // ("a transit country for Bolivian cocaine") is not the role's holder.
      PlaceList* after = nullptr;
      for (PlaceList& list : clause.lists) {
        if (list.begin >= cue.end && WithinWords(context_.text, cue.end, list.begin, 2) &&
            !ContentBetween(clause, cue.end, list.begin) && !list.Bound()) {
          after = &list;
          break;
        }
      }
      if (after != nullptr && !after->border && !after->actor_base) {
        if (ListIsSubject(clause, *after)) {
          AddRole(clause, role, cue.begin, after->end, kExplicit, "");
        } else {
          BindByRole(*after, role);
        }
        continue;
      }
      PlaceList* before = nullptr;
      for (PlaceList& list : clause.lists) {
        if (list.end <= cue.begin) before = &list;
      }
      if (before == nullptr) {
        if (PlaceList* named = CopulaPlace(clause, cue)) {
          BindByRole(*named, role);
          continue;
        }
        // No place before the cue: the narrative's country, unless the clause refers
        // back to another place (", where users prefer ...") or the cue names other
        // countries ("proximity to major source countries").
        if (clause.lead == 0 || NamesOtherCountries(cue)) continue;
        AddRole(clause, role, cue.begin, cue.end, clause.lead == 1 ? kExplicit : kImplied,
                clause.lead == 1 ? "" : "country implied: the subject");
      } else if (before->border || before->actor_base) {
        continue;
      } else if (ListIsSubject(clause, *before)) {
        if (NamesOtherCountries(cue)) continue;
        AddRole(clause, role, before->begin, cue.end, kExplicit, "");
      } else {
        BindByRole(*before, role);
      }
    }
    // Consumer markets: "the domestic heroin market", "a market for X in <subject>".
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].kind() == CueKind::kMarketNoun && IsConsumerMarket(clause, i)) {
        AddRole(clause, "consumer", tokens_[i].begin, tokens_[i].end, kExplicit, "");
      }
    }
    // Roles from where the subject stands in a flow: "originates in Kazakhstan"; only
    // in a clause that names its market ("returned to the country" is no flow).
    // A destination before a further leg ("into Serbia and then to Hungary") is a
    // transit point.
    int last_leg = 0;
    for (const PlaceList& list : clause.lists) last_leg = std::max(last_leg, list.leg);
    for (const PlaceList& list : clause.lists) {
      if (!ListHasSubject(clause, list) || list.border || list.actor_base || !MarketNear(clause, list)) continue;
      const bool passed_through = list.destination && list.leg < last_leg;
      if (list.origin) AddRole(clause, "source", list.begin, list.end, kExplicit, "");
      if (list.via || passed_through) AddRole(clause, "transit", list.begin, list.end, kExplicit, "");
      if (list.destination && !passed_through) AddRole(clause, "destination", list.begin, list.end, kExplicit, "");
    }
  }

  // A market word of the clause within a few words of the list: in a long clause,
  // "information on human trafficking ... NGOs withdrew from the country" is no flow.
  bool MarketNear(const Clause& clause, const PlaceList& list) const {
    constexpr int kMaxMarketWords = 16;
    for (size_t i : clause.market_tokens) {
      const Token& t = tokens_[i];
      if (t.end <= list.begin ? WithinWords(context_.text, t.end, list.begin, kMaxMarketWords)
                              : WithinWords(context_.text, list.end, t.begin, kMaxMarketWords)) {
        return true;
      }
    }
    return false;
  }

  bool ContentBetween(const Clause& clause, uint32_t begin, uint32_t end) const {
    for (size_t i = clause.first; i < clause.last; ++i) {
      const Token& t = tokens_[i];
      if (t.begin >= begin && t.end <= end && IsContent(t.kind()) && !IsDirectionKind(t.kind())) return true;
    }
    return false;
  }

  bool IsConsumerMarket(const Clause& clause, size_t noun) const {
    // The subject right before, with only market words between: "domestic heroin market".
    for (const PlaceList& list : clause.lists) {
      if (list.end > tokens_[noun].begin || !ListIsSubject(clause, list)) continue;
      bool only_markets = WithinWords(context_.text, list.end, tokens_[noun].begin, 3);
      for (size_t j = clause.first; j < clause.last && only_markets; ++j) {
        const Token& t = tokens_[j];
        if (t.begin >= list.end && t.end <= tokens_[noun].begin && IsContent(t.kind()) &&
            !IsMarketKind(t.kind())) {
          only_markets = false;
        }
      }
      if (only_markets) return true;
    }
    // "a market for synthetic drugs in Kazakhstan": markets, then the subject in scope,
    // and no foreign endpoint in the clause.
    bool saw_market = false;
    for (size_t j = noun + 1; j < clause.last; ++j) {
      const Token& t = tokens_[j];
      if (!IsContent(t.kind())) continue;
      if (IsMarketKind(t.kind())) {
        saw_market = true;
        continue;
      }
      if (t.kind() == CueKind::kScope) continue;
      if (!IsPlaceKind(t.kind()) || !saw_market) return false;
      for (const PlaceList& list : clause.lists) {
        if (list.begin == t.begin) {
          if (!list.scope || !ListIsSubject(clause, list)) return false;
          for (const PlaceList& other : clause.lists) {
            if (&other != &list && other.Bound() && !ListIsSubject(clause, other)) return false;
          }
          return true;
        }
      }
      return false;
    }
    return false;
  }

  // ---- flows

  struct Legs {
    std::vector<std::vector<std::string>> origins, destinations, via, scope;
  };

  void ReadFlows(const Clause& clause) {
    int legs = 1;
    for (const PlaceList& list : clause.lists) legs = std::max(legs, list.leg + 1);
    Legs l;
    for (auto* v : {&l.origins, &l.destinations, &l.via, &l.scope}) v->resize(static_cast<size_t>(legs));
    std::vector<std::string> border;
    uint32_t span_begin = UINT32_MAX;
    uint32_t span_end = 0;
    for (const PlaceList& list : clause.lists) {
      if (list.actor_base) continue;
      const std::vector<std::string> codes = ListCodes(clause, list);
      const size_t leg = static_cast<size_t>(list.leg);
      if (list.border) AddAll(border, codes);
      if (list.origin) AddAll(l.origins[leg], codes);
      if (list.destination) AddAll(l.destinations[leg], codes);
      if (list.via) AddAll(l.via[leg], codes);
      if (list.scope && !list.Bound()) AddAll(l.scope[leg], codes);
      if (list.Bound() || list.scope || list.border) {
        span_begin = std::min(span_begin, list.begin);
        span_end = std::max(span_end, list.end);
      }
    }
    std::vector<std::string> origins, destinations, via;
    std::vector<std::string> notes;
    double confidence = kExplicit;
    const size_t last = static_cast<size_t>(legs - 1);
    bool scope_end = false;  // the destination is where the market operates ("exploited in X")
    if (legs == 1) {
      origins = l.origins[0];
      destinations = l.destinations[0];
      via = l.via[0];
      // "victims from X are exploited in Y": where the market operates is where it goes.
      if (destinations.empty() && !origins.empty()) {
        destinations = Minus(l.scope[0], origins);
        scope_end = !destinations.empty();
      }
    } else {
      // A journey in legs: it starts where the first leg starts (or, unnamed, where
      // the next leg starts from) and ends where the last leg ends.
      origins = !l.origins[0].empty() ? l.origins[0] : !l.scope[0].empty() ? l.scope[0] : l.destinations[0];
      for (size_t leg = 0; leg <= last; ++leg) {
        if (leg < last) {
          AddAll(via, Minus(l.destinations[leg], origins));
          AddAll(via, Minus(l.scope[leg], origins));
        }
        AddAll(via, l.via[leg]);
        if (leg > 0) AddAll(origins.empty() ? origins : via, l.origins[leg]);
      }
      destinations = !l.destinations[last].empty() ? l.destinations[last] : l.scope[last];
    }
    // "Firearms bought in X are smuggled into Y", "Georgian women are trafficked to Y":
    // a foreign place no cue binds, named before the destination, is where it starts.
    if (origins.empty() && !destinations.empty()) {
      if (const PlaceList* before = UnboundPlaceBefore(clause)) {
        origins = ListCodes(clause, *before);
        notes.emplace_back(kPlaceBefore);
        confidence = std::min(confidence, kImplied);
        span_begin = std::min(span_begin, before->begin);
      }
    }
    bool from_topic = false;
    const std::vector<std::string> markets = SubjectMarkets(clause, &from_topic);
    if (from_topic) {
      confidence = std::min(confidence, kImplied);
      notes.push_back("market from the paragraph's topic");
    }
    if (origins.empty() && destinations.empty() && via.empty() && border.empty()) return;
    for (const std::string& market : markets) {
      std::vector<std::string> o = origins;
      std::vector<std::string> d = destinations;
      std::vector<std::string> market_notes = notes;
      double market_confidence = confidence;
      FillImplicitEnds(clause, market, border, o, d, via, market_notes, market_confidence);
      d = Minus(d, o);
      Statement s = Make(StatementKind::kFlow, clause, span_begin, span_end, market_confidence);
      s.market = market;
      s.origins = o;
      s.destinations = d;
      s.via = Minus(Minus(via, o), d);
      if (SubjectIsTransit(market) && !Contains(o, context_.subject) && !Contains(d, context_.subject)) {
        AddUnique(s.via, context_.subject);
      }
      s.notes = market_notes;
      // A flow needs both ends, or a destination and the places it passes ("cocaine
      // trafficked through Cape Verde ... to the United States"); one end alone waits
      // for its other end in a later clause or the next sentence.
      if (d.empty() || (o.empty() && s.via.empty())) {
        if (!s.negated && (!o.empty() || !d.empty())) paragraph_.partials.push_back(std::move(s));
        continue;
      }
      // A subject filled in as an origin is a source ("saiga parts smuggled into China"),
      // unless the clause says it produces what leaves ("produces cannabis for export").
      for (const std::string& note : market_notes) {
        if (note == kImpliedOrigin && !ClauseGaveRole(clause, market, "producer")) {
          AddRoleFor(clause, market, "source", span_begin, span_end, kImplied, note);
        }
      }
      // "victims from X are exploited in <subject>": the subject is where it ends. (Bound
      // destinations got their roles in ReadRoles.)
      if (scope_end && Contains(s.destinations, context_.subject)) {
        AddRoleFor(clause, market, "destination", span_begin, span_end, s.confidence, "");
      }
      for (size_t i = clause.first; i < clause.last; ++i) {
        const CueKind kind = tokens_[i].kind();
        if (kind == CueKind::kMode) AddUnique(s.modes, *tokens_[i].term->value);
        if (kind == CueKind::kCrossing) AddUnique(s.crossings, CrossingText(tokens_[i]));
        if (kind == CueKind::kRoute && s.route.empty()) s.route = Lower(Text(tokens_[i]));
      }
      if (!s.negated) paragraph_.flows.push_back(s);
      out_.push_back(std::move(s));
    }
  }

  // The last place list before the clause's first destination that no direction cue
  // binds (or only "in" scopes), that is not the subject (the default rules place it),
  // a border or an actor's base; nullptr if there is none.
  const PlaceList* UnboundPlaceBefore(const Clause& clause) const {
    uint32_t first_destination = UINT32_MAX;
    for (const PlaceList& list : clause.lists) {
      if (list.destination) first_destination = std::min(first_destination, list.begin);
    }
    const PlaceList* found = nullptr;
    for (const PlaceList& list : clause.lists) {
      if (list.end > first_destination) break;
      if (list.Bound() || list.border || list.actor_base || ListHasSubject(clause, list)) continue;
      bool abroad = false;
      for (size_t m : list.mentions) abroad = abroad || clause.mentions[m].abroad || clause.mentions[m].codes.empty();
      if (!abroad) found = &list;
    }
    return found;
  }

  // Fills a flow's unnamed ends: the subject as origin of goods that leave for
  // abroad, the subject as destination of goods "brought in", the destination of an
  // earlier flow of the same market in the paragraph ("Fuel is smuggled out of the
  // country ... by rail"), or both ends of it for a clause that names only a border.
  void FillImplicitEnds(const Clause& clause, const std::string& market, const std::vector<std::string>& border,
                        std::vector<std::string>& o, std::vector<std::string>& d, const std::vector<std::string>& via,
                        std::vector<std::string>& notes, double& confidence) const {
    const std::string& subject = context_.subject;
    // "Libya is a destination country for women from Asia": the subject's role in
    // the clause is the end the places leave open.
    if (d.empty() && !o.empty() && !Contains(o, subject) && ClauseGaveRole(clause, market, "destination")) {
      d = {subject};
      notes.emplace_back("destination implied: the subject's role");
    }
    if (o.empty() && !d.empty() && !Contains(d, subject) && ClauseGaveRole(clause, market, "source")) {
      o = {subject};
      notes.emplace_back("origin implied: the subject's role");
    }
    // "shipped from China to the United States has declined, while the amount shipped
    // from Mexico has increased": an origin alone shares the destination of the
    // sentence's earlier flow of the market.
    if (d.empty() && !o.empty()) {
      for (size_t i = out_.size(); i-- > first_statement_;) {
        const Statement& earlier = out_[i];
        if (earlier.kind != StatementKind::kFlow || earlier.market != market || earlier.negated) continue;
        d = Minus(earlier.destinations, o);
        notes.emplace_back("destination carried from the sentence's earlier clause");
        confidence = std::min(confidence, kCarried);
        break;
      }
    }
    // One end here, the other in an earlier clause of this sentence or in the sentence
    // before ("... have ended up in Colombia, where Paraguayan cigarettes were seized").
    if (o.empty() != d.empty()) {
      for (auto it = paragraph_.partials.rbegin(); it != paragraph_.partials.rend(); ++it) {
        if (it->market != market) continue;
        if (o.empty() && !it->origins.empty() && it->destinations.empty()) {
          o = it->origins;
        } else if (d.empty() && !it->destinations.empty() && it->origins.empty()) {
          d = it->destinations;
        } else {
          continue;
        }
        notes.push_back(it->evidence.front().sentence == index_ ? "an end carried from the sentence's other clause"
                                                                 : "an end carried from the sentence before");
        confidence = std::min(confidence, kCarried);
        break;
      }
    }
    if (o.empty() && !d.empty() && !Contains(d, subject) && !Contains(via, subject) && !HasAbroadOrigin(clause)) {
      o = {subject};
      notes.emplace_back(kImpliedOrigin);
      confidence = std::min(confidence, kImplied);
    }
    if (d.empty() && !o.empty() && !Contains(o, subject) && HasKind(clause, CueKind::kInbound)) {
      d = {subject};
      notes.emplace_back(kImpliedDestination);
      confidence = std::min(confidence, kImplied);
    }
    if (!d.empty() && !o.empty()) return;
    for (auto it = paragraph_.flows.rbegin(); it != paragraph_.flows.rend(); ++it) {
      if (it->market != market) continue;
      if (d.empty() && !o.empty()) {
        bool shares = false;
        for (const std::string& code : o) shares = shares || Contains(it->origins, code);
        if (!shares) continue;
        d = it->destinations;
        notes.push_back("destination carried from an earlier sentence");
      } else if (o.empty() && d.empty() && !border.empty()) {
        bool within = true;
        for (const std::string& code : it->origins) within = within && Contains(border, code);
        for (const std::string& code : it->destinations) within = within && Contains(border, code);
        if (!within) continue;
        o = it->origins;
        d = it->destinations;
        notes.push_back("direction carried from an earlier sentence");
      } else {
        return;
      }
      confidence = std::min(confidence, kCarried);
      return;
    }
  }

  bool HasKind(const Clause& clause, CueKind kind) const {
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].kind() == kind) return true;
    }
    return false;
  }

  bool HasAbroadOrigin(const Clause& clause) const {
    for (const PlaceList& list : clause.lists) {
      for (size_t m : list.mentions) {
        if (list.origin && clause.mentions[m].abroad) return true;
      }
    }
    return false;
  }

  // Whether this sentence already says the subject is a transit country for `market`.
  bool SubjectIsTransit(const std::string& market) const {
    for (size_t i = out_.size(); i-- > first_statement_;) {
      const Statement& s = out_[i];
      if (s.kind == StatementKind::kRole && s.role == "transit" && s.market == market && !s.negated) return true;
    }
    return false;
  }

  // The crossing's name as written, without a leading article and with the space a
  // line break left after a dash ("Chaldybar– Avtodorozhny") removed.
  std::string CrossingText(const Token& token) const {
    std::string text(Text(token));
    for (std::string_view article : {"The ", "the "}) {
      if (text.rfind(article, 0) == 0) text.erase(0, article.size());
    }
    for (std::string_view dash : {"\xE2\x80\x93 ", "- "}) {
      for (size_t at = text.find(dash); at != std::string::npos; at = text.find(dash, at)) {
        text.erase(at + dash.size() - 1, 1);
      }
    }
    return text;
  }

  // ---- trends

  void ReadTrends(const Clause& clause) {
    for (size_t i = clause.first; i < clause.last; ++i) {
      if (tokens_[i].kind() != CueKind::kTrend) continue;
      const Token& cue = tokens_[i];
      size_t next_trend = clause.last;
      for (size_t j = i + 1; j < clause.last; ++j) {
        if (tokens_[j].kind() == CueKind::kTrend) {
          next_trend = j;
          break;
        }
      }
      Statement s = Make(StatementKind::kTrend, clause, cue.begin, cue.end, kExplicit - 0.1);
      s.direction = *cue.term->value;
      for (size_t j = clause.first; j < clause.last; ++j) {
        const Token& t = tokens_[j];
        if (t.kind() == CueKind::kFigure && s.figure.empty() &&
            ((t.end <= cue.begin && WithinWords(context_.text, t.end, cue.begin, 1) && cue.begin - t.end < 16) ||
             (t.begin >= cue.end && j < next_trend && WithinWords(context_.text, cue.end, t.begin, 2)))) {
          s.figure = std::string(Text(t));
        }
        if (t.kind() == CueKind::kPeriod && t.begin >= cue.end && j < next_trend && s.period.empty()) {
          s.period = Lower(Text(t));
        }
      }
      if (s.period.empty()) {
        for (size_t j = clause.first; j < i; ++j) {
          if (tokens_[j].kind() == CueKind::kPeriod) s.period = Lower(Text(tokens_[j]));
        }
      }
      if (!s.figure.empty()) s.confidence = std::min(1.0, s.confidence + 0.1);
      if (!TrendSubject(clause, i, next_trend, s)) continue;
      out_.push_back(std::move(s));
    }
  }

  // What a trend is about: the market or actor right after it ("a 98% decline in
  // the sturgeon population"), else the nearest before it in the clause, else the
  // sentence's first market ("it will likely grow"), else the paragraph's topic.
  bool TrendSubject(const Clause& clause, size_t cue, size_t next_trend, Statement& s) const {
    auto take = [&](const Token& t) {
      (t.kind() == CueKind::kActor ? s.actor : s.market) = *t.term->value;
      return true;
    };
    auto names_subject = [&](const Token& t) {
      return (t.kind() == CueKind::kMarket && Contains(clause.markets, *t.term->value)) ||
             (t.kind() == CueKind::kActor && t.assessed);
    };
    for (size_t j = cue + 1; j < next_trend; ++j) {
      if (names_subject(tokens_[j]) && WithinWords(context_.text, tokens_[cue].end, tokens_[j].begin, 4)) {
        return take(tokens_[j]);
      }
    }
    for (size_t j = cue; j-- > clause.first;) {
      if (names_subject(tokens_[j])) return take(tokens_[j]);
    }
    for (const Clause& other : clauses_) {
      if (!other.markets.empty()) {
        s.market = other.markets.front();
        return true;
      }
    }
    if (paragraph_.topic.empty()) return false;
    s.market = paragraph_.topic;
    s.notes.push_back("market from the paragraph's topic");
    return true;
  }

  // The next sentences of the paragraph speak of this sentence's first market.
  void UpdateTopic() {
    for (const Clause& clause : clauses_) {
      if (!clause.markets.empty() && !clause.weak_markets) {
        paragraph_.topic = clause.markets.front();
        return;
      }
    }
    for (const Clause& clause : clauses_) {
      if (!clause.markets.empty()) {
        paragraph_.topic = clause.markets.front();
        return;
      }
    }
  }

  std::span<const Token> tokens_;
  const SentenceSpan& sentence_;
  int index_;
  const SectionContext& context_;
  ParagraphState& paragraph_;
  std::vector<Statement>& out_;
  size_t first_statement_ = out_.size();
  std::vector<Clause> clauses_;
  std::vector<std::pair<size_t, std::string>> clause_roles_;  // (clause's first token, "market/role") given the subject
  size_t places_left_out_ = 0;
};

}  // namespace

size_t ReadSentence(std::span<const Token> tokens, const SentenceSpan& sentence, int sentence_index,
                    const SectionContext& context, ParagraphState& paragraph, std::vector<Statement>& out) {
  return SentenceReader(tokens, sentence, sentence_index, context, paragraph, out).Read();
}

}  // namespace ocindex::core
