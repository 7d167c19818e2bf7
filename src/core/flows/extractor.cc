#include "core/flows/extractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/flows/sentence_reader.h"
#include "core/flows/sentences.h"
#include "core/flows/word_index.h"
#include "core/profile/whole_text.h"

namespace ocindex::core {

struct FlowExtractor::Tables {
  // One per lexicon entry; filled completely before `terms` point into it.
  struct EntryData {
    std::string value;
    std::vector<std::string> codes;
  };
  std::vector<EntryData> entries;
  std::vector<CompiledTerm> terms;  // by term index (PatternMatch::pattern once scanned)
  std::vector<uint32_t> pattern_terms;  // Hyperscan pattern index -> term index
  WordIndex words;  // the single-word phrases, by term index
  std::unordered_set<std::string> markets;  // indicator ids the lexicon names as markets
  std::unordered_set<std::string> actors;   // and as actor types
};

FlowExtractor::FlowExtractor(FlowExtractor&&) noexcept = default;
FlowExtractor& FlowExtractor::operator=(FlowExtractor&&) noexcept = default;
FlowExtractor::~FlowExtractor() = default;

namespace {

std::vector<std::string> SplitCodes(const std::string& value) {
  std::vector<std::string> codes;
  size_t start = 0;
  while (start <= value.size()) {
    const size_t bar = value.find('|', start);
    const size_t end = bar == std::string::npos ? value.size() : bar;
    if (end > start) codes.push_back(value.substr(start, end - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return codes;
}

// Marks the tokens this framework does not assess and, within each layer,
// drops every match contained in a longer one ("human trafficking" hides
// "trafficking"); then drops the stop phrases, which only hide.
std::vector<Token> KeepTokens(const std::vector<PatternMatch>& matches, const std::vector<CompiledTerm>& terms,
                              const std::unordered_set<std::string>* allowed) {
  std::vector<Token> tokens;
  tokens.reserve(matches.size());
  for (const PatternMatch& match : matches) {
    const CompiledTerm& term = terms[match.pattern];
    const bool assessed = allowed == nullptr || (term.kind != CueKind::kMarket && term.kind != CueKind::kActor) ||
                          allowed->count(*term.value) != 0;
    tokens.push_back({match.begin, match.end, &term, assessed});
  }
  // Ties (one span, several terms) in term order, whichever matcher found them.
  std::sort(tokens.begin(), tokens.end(), [](const Token& a, const Token& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return std::less<const CompiledTerm*>()(a.term, b.term);
  });
  constexpr size_t kLayers = 5;
  // Per layer, the kept token that reaches furthest: a later token ending within it
  // is contained in it (tokens are sorted by start).
  std::array<const Token*, kLayers> widest{};
  std::vector<Token> out;
  out.reserve(tokens.size());
  for (const Token& token : tokens) {
    const auto layer = static_cast<size_t>(LayerOf(token.kind()));
    const Token* cover = widest[layer];
    if (cover != nullptr && cover->end >= token.end && !(cover->begin == token.begin && cover->end == token.end)) {
      continue;
    }
    if (cover == nullptr || token.end > cover->end) widest[layer] = &token;
    if (token.kind() != CueKind::kStop) out.push_back(token);
  }
  return out;
}

// Whether a place after `before` (the sentence's text up to it) is the sentence's
// first word: nothing but quotes and "the" before it.
bool OpensSentence(std::string_view before) {
  while (!before.empty() && (before.front() == '"' || before.front() == '\'' || before.front() == ' ')) {
    before.remove_prefix(1);
  }
  return before.empty() || before == "The " || before == "the ";
}

}  // namespace

Result<FlowExtractor> FlowExtractor::Build(const Lexicon& lexicon, const Geography& stored, Gazetteer gazetteer) {
  OCINDEX_RETURN_IF_ERROR(CheckLexicon(lexicon));
  // Flows run between countries: the units of another index (a municipality named
  // Victoria) are no places of a narrative.
  Geography geography;
  OCINDEX_ASSIGN_OR_RETURN(geography, stored.Countries());
  std::vector<LexiconEntry> entries = lexicon.entries;
  std::vector<LexiconEntry> places = PlaceEntries(geography, gazetteer);
  entries.insert(entries.end(), std::make_move_iterator(places.begin()), std::make_move_iterator(places.end()));

  FlowExtractor extractor;
  extractor.tables_ = std::make_unique<Tables>();
  Tables& tables = *extractor.tables_;
  tables.entries.reserve(entries.size());
  for (const LexiconEntry& entry : entries) {
    tables.entries.push_back({entry.value, entry.kind == CueKind::kPlace ? SplitCodes(entry.value)
                                                                          : std::vector<std::string>{}});
    if (entry.kind == CueKind::kMarket) tables.markets.insert(entry.value);
    if (entry.kind == CueKind::kActor) tables.actors.insert(entry.value);
  }
  // A phrase of plain words goes to the word index (WordIndex says why). Every other phrase
  // is a Hyperscan pattern of its own without start-of-match tracking (its start is
  // found by walking it back: TermStart), which scans faster than patterns that track
  // starts and faster than one alternation per entry (whose starts need every phrase
  // tried); the regular expressions of an entry and case rule form one pattern that
  // tracks its start.
  std::vector<PatternSpec> specs;
  for (size_t e = 0; e < entries.size(); ++e) {
    const LexiconEntry& entry = entries[e];
    const CompiledTerm meaning{entry.kind, &tables.entries[e].value,
                               entry.kind == CueKind::kPlace ? &tables.entries[e].codes : nullptr, entry.weak,
                               entry.adjective, {}};
    for (const bool case_sensitive : {false, true}) {
      std::string expression;
      for (const std::string& term : entry.terms) {
        if (TermIsCaseSensitive(entry, term) != case_sensitive) continue;
        if (IsRegexTerm(term)) {
          expression += (expression.empty() ? "(?:" : "|") + TermExpression(term);
          continue;
        }
        const auto index = static_cast<uint32_t>(tables.terms.size());
        tables.terms.push_back(meaning);
        if (WordIndex::Holds(term)) {
          tables.words.Add(term, case_sensitive, index);
          continue;
        }
        tables.terms.back().phrase = term;
        specs.push_back({TermExpression(term), case_sensitive, entry.source, false});
        tables.pattern_terms.push_back(index);
      }
      if (expression.empty()) continue;
      specs.push_back({expression + ")", case_sensitive, entry.source, true});
      tables.pattern_terms.push_back(static_cast<uint32_t>(tables.terms.size()));
      tables.terms.push_back(meaning);
    }
  }
  if (!specs.empty()) {  // else every term is in the word index
    auto compiled = PatternSet::Compile(specs);
    if (!compiled) return compiled.error();
    extractor.patterns_ = std::make_unique<PatternSet>(std::move(*compiled));
  }
  extractor.gazetteer_ = std::make_unique<Gazetteer>(std::move(gazetteer));
  extractor.geography_ = std::make_unique<Geography>(std::move(geography));
  return extractor;
}

Status FlowExtractor::Scan(std::string_view text, PatternScanner& scanner, std::vector<PatternMatch>& matches) const {
  const size_t first = matches.size();
  OCINDEX_RETURN_IF_ERROR(scanner.Scan(text, matches));
  for (size_t i = first; i < matches.size(); ++i) {
    PatternMatch& match = matches[i];
    match.pattern = tables_->pattern_terms[match.pattern];
    const std::string& phrase = tables_->terms[match.pattern].phrase;
    if (phrase.empty()) continue;
    // Hyperscan matched the phrase here, so walking it back finds its start.
    match.begin = TermStart(phrase, text, match.end).value_or(match.end);
  }
  tables_->words.Find(text, matches);
  return {};
}

Result<PatternScanner> FlowExtractor::NewScanner() const {
  return patterns_ ? PatternScanner::Create(*patterns_) : PatternScanner();
}

Result<size_t> FlowExtractor::CountMatches(std::string_view text, PatternScanner& scanner) const {
  std::vector<PatternMatch> matches;
  OCINDEX_RETURN_IF_ERROR(Scan(text, scanner, matches));
  return KeepTokens(matches, tables_->terms, nullptr).size();
}

bool FlowExtractor::ReadsSection(const Framework& framework, const std::string& node_id) const {
  if (node_id == kSummarySection || node_id == kWholeTextSection) return true;
  auto node = framework.FindNode(node_id);
  if (!node) return false;
  for (int i : framework.nodes[static_cast<size_t>(*node)].indicators) {
    const std::string& id = framework.indicators[static_cast<size_t>(i)].id;
    if (tables_->markets.count(id) != 0 || tables_->actors.count(id) != 0) return true;
  }
  return false;
}

Result<FlowExtractor::SubjectGuess> FlowExtractor::GuessSubject(const Narrative& narrative,
                                                                 PatternScanner& scanner) const {
  std::vector<std::string> order;
  std::unordered_map<std::string, int> counts;
  std::vector<PatternMatch> matches;
  for (const NarrativeSection& section : narrative.sections) {
    matches.clear();
    OCINDEX_RETURN_IF_ERROR(Scan(section.text, scanner, matches));
    const std::vector<SentenceSpan> sentences = SplitSentences(section.text);
    size_t sentence = 0;
    for (const Token& token : KeepTokens(matches, tables_->terms, nullptr)) {
      if (token.kind() != CueKind::kPlace || token.term->codes->size() != 1) continue;
      const std::string& code = token.term->codes->front();
      if (code.size() != 3) continue;  // a region
      while (sentence < sentences.size() && sentences[sentence].end <= token.begin) ++sentence;
      // "Paraguay produces", "The Netherlands is": what the sentence is about.
      const bool opens = sentence < sentences.size() &&
                         OpensSentence(std::string_view(section.text)
                                           .substr(sentences[sentence].begin, token.begin - sentences[sentence].begin));
      if (counts[code] == 0) order.push_back(code);
      counts[code] += opens ? 2 : 1;
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&counts](const std::string& a, const std::string& b) { return counts[a] > counts[b]; });
  SubjectGuess guess;
  if (order.empty()) return guess;
  guess.country = order.front();
  guess.reason = fmt::format("named most ({} mentions, one opening a sentence counting two", counts[order.front()]);
  if (order.size() > 1) {
    const Country* next = geography_->Find(order[1]);
    guess.reason += fmt::format("; next {} with {}", next != nullptr ? next->name : order[1], counts[order[1]]);
  }
  guess.reason += ")";
  return guess;
}

Result<NarrativeStatements> FlowExtractor::Extract(const Narrative& narrative, const Framework& framework,
                                                   const std::string& subject, PatternScanner& scanner,
                                                   const ExtractLimits& limits) const {
  NarrativeStatements result;
  result.country = subject;
  result.edition = framework.edition;

  std::unordered_set<std::string> allowed;
  std::unordered_map<std::string, std::string> group_of;
  for (const Indicator& indicator : framework.indicators) {
    allowed.insert(indicator.id);
    group_of[indicator.id] = indicator.group_id;
  }
  SectionContext context;
  context.subject = subject;
  if (auto it = gazetteer_->subregion.find(subject); it != gazetteer_->subregion.end()) {
    context.home_region = it->second;
  }
  context.max_clause_places = limits.max_clause_places;
  context.in_group = [&group_of](const std::string& market, const std::string& group) {
    auto it = group_of.find(market);
    return it != group_of.end() && it->second == group;
  };

  std::vector<Statement> statements;
  std::vector<PatternMatch> matches;
  size_t sentences_cut = 0;
  size_t places_left_out = 0;
  bool stopped = false;
  for (const NarrativeSection& section : narrative.sections) {
    if (stopped) break;
    if (!ReadsSection(framework, section.node_id)) continue;
    std::vector<std::string> section_markets;
    if (auto node = framework.FindNode(section.node_id)) {
      for (int i : framework.nodes[static_cast<size_t>(*node)].indicators) {
        const std::string& id = framework.indicators[static_cast<size_t>(i)].id;
        if (tables_->markets.count(id) != 0) section_markets.push_back(id);
      }
    }
    context.text = section.text;
    context.section = section.node_id;
    context.default_market = section_markets.size() == 1 ? section_markets.front() : std::string();

    matches.clear();
    OCINDEX_RETURN_IF_ERROR(Scan(section.text, scanner, matches));
    const std::vector<Token> tokens = KeepTokens(matches, tables_->terms, &allowed);
    std::vector<SentenceSpan> sentences = SplitSentences(section.text);
    sentences_cut += CapSentenceLength(section.text, limits.max_sentence_bytes, sentences);
    ParagraphState paragraph;
    int current_paragraph = -1;
    size_t next = 0;
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (limits.out_of_time && limits.out_of_time()) {
        result.notes.push_back(fmt::format(
            "stopped at sentence {} of {} in section '{}': the time budget was spent; the rest was not read", s + 1,
            sentences.size(), section.node_id));
        stopped = result.stopped = true;
        break;
      }
      const SentenceSpan& sentence = sentences[s];
      if (sentence.paragraph != current_paragraph) {
        paragraph = ParagraphState{context.default_market, {}, {}};
        current_paragraph = sentence.paragraph;
      }
      while (next < tokens.size() && tokens[next].begin < sentence.begin) ++next;
      size_t end = next;
      while (end < tokens.size() && tokens[end].begin < sentence.end) ++end;
      places_left_out += ReadSentence(std::span<const Token>(tokens.data() + next, end - next), sentence,
                                      static_cast<int>(s), context, paragraph, statements);
      next = end;
    }
  }
  if (sentences_cut > 0) {
    result.notes.push_back(fmt::format("{} sentence(s) longer than {} bytes read in pieces", sentences_cut,
                                       limits.max_sentence_bytes));
  }
  if (places_left_out > 0) {
    result.notes.push_back(fmt::format("{} place(s) beyond the {} a clause may name left out", places_left_out,
                                       limits.max_clause_places));
  }

  // Pages of a paged whole text.
  if (!narrative.page_starts.empty()) {
    for (Statement& statement : statements) {
      for (Evidence& evidence : statement.evidence) {
        if (evidence.section != kWholeTextSection) continue;
        const auto& starts = narrative.page_starts;
        evidence.page = static_cast<int>(std::upper_bound(starts.begin(), starts.end(), evidence.begin) - starts.begin());
      }
    }
  }
  // One statement per fact, with every sentence that states it.
  std::unordered_map<std::string, size_t> index;
  for (Statement& statement : statements) {
    auto [it, added] = index.emplace(StatementKey(statement), result.statements.size());
    if (added) {
      result.statements.push_back(std::move(statement));
    } else {
      MergeStatement(result.statements[it->second], statement);
    }
  }
  return result;
}

}  // namespace ocindex::core
