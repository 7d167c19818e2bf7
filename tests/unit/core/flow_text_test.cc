// Sentences, term expressions, the pattern set and the lexicon checks.
#include <gtest/gtest.h>

#include "core/flows/extractor.h"
#include "core/flows/lexicon.h"
#include "core/flows/pattern_set.h"
#include "core/flows/sentences.h"

namespace ocindex::core {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitSentences, EndsAbbreviationsAndParagraphs) {
  EXPECT_EQ(Sentences("Goods move by sea, e.g. in containers. Prices rose 3.5 times! Why? "
                      "Dr. Smith said so.\n\nA new paragraph."),
            (std::vector<std::string>{"Goods move by sea, e.g. in containers.", "Prices rose 3.5 times!", "Why?",
                                      "Dr. Smith said so.", "A new paragraph."}));
  const auto spans = SplitSentences("One.\n\nTwo. Three.");
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].paragraph, 0);
  EXPECT_EQ(spans[1].paragraph, 1);
  EXPECT_EQ(spans[2].paragraph, 1);
  // A closing quote stays with its sentence; a lower-case word after a stop does not
  // start one.
  EXPECT_EQ(Sentences("It is called \xE2\x80\x98the route.\xE2\x80\x99 Next one. and more."),
            (std::vector<std::string>{"It is called \xE2\x80\x98the route.\xE2\x80\x99", "Next one. and more."}));
  EXPECT_TRUE(SplitSentences("   ").empty());
}

TEST(TermExpression, PhrasesWildcardsAndRegexes) {
  EXPECT_EQ(TermExpression("heroin"), "\\bheroin\\b");
  EXPECT_EQ(TermExpression("poach*"), "\\bpoach\\w*\\b");
  EXPECT_EQ(TermExpression("cross border"), "\\bcross(?:\\s|-|\\xE2\\x80\\x93)+border\\b");
  EXPECT_EQ(TermExpression("U.S."), "\\bU\\.S\\.");
  EXPECT_EQ(TermExpression("re:\\d+%"), "\\d+%");
  LexiconEntry entry;
  EXPECT_TRUE(TermIsCaseSensitive(entry, "UAE"));
  EXPECT_FALSE(TermIsCaseSensitive(entry, "Uzbek"));
  EXPECT_FALSE(TermIsCaseSensitive(entry, "re:[A-Z]+"));
  entry.case_sensitive = true;
  EXPECT_TRUE(TermIsCaseSensitive(entry, "river"));
}

// Phrases are matched without start-of-match tracking; walking the phrase back from
// the match's end must give the start Hyperscan's leftmost start would.
TEST(TermStart, WalksThePhraseBack) {
  const std::string text = "the cross -\xE2\x80\x93 border trade, poaching and arm\xE2\x80\x99s length";
  auto start = [&](std::string_view term, std::string_view word) {
    const size_t end = text.find(word) + word.size();
    const auto begin = TermStart(term, text, static_cast<uint32_t>(end));
    return begin ? text.substr(*begin, end - *begin) : std::string("(none)");
  };
  EXPECT_EQ(start("cross border", "border"), "cross -\xE2\x80\x93 border");
  EXPECT_EQ(start("cross-border trade", "trade"), "cross -\xE2\x80\x93 border trade");
  EXPECT_EQ(start("poach*", "poaching"), "poaching");
  EXPECT_EQ(start("arm's length", "length"), "arm\xE2\x80\x99s length");
  EXPECT_EQ(start("border", "border"), "border");
  // A phrase that does not end there, or would start inside a word, has no start.
  EXPECT_EQ(start("heroin trade", "trade"), "(none)");
  EXPECT_EQ(start("order", "border"), "(none)");
  // Every phrase match of the bundled extractor agrees with Hyperscan's own start.
  const std::string prose = "Heroin from Afghanistan crosses the Kazakh-Russian border; wildlife crimes and "
                            "poaching are growing, and arms smuggling networks operate cross border.";
  for (const std::string& term : {std::string("Kazakh"), std::string("wildlife crime*"), std::string("cross border"),
                                  std::string("smuggling networks"), std::string("Afghanistan")}) {
    auto set = PatternSet::Compile({{TermExpression(term), false, "t", true}});
    ASSERT_TRUE(set.ok()) << term;
    auto scanner = PatternScanner::Create(*set);
    std::vector<PatternMatch> matches;
    ASSERT_TRUE(scanner->Scan(prose, matches).ok());
    ASSERT_FALSE(matches.empty()) << term;
    for (const PatternMatch& m : matches) EXPECT_EQ(TermStart(term, prose, m.end), std::optional(m.begin)) << term;
  }
}

TEST(PatternSet, ReportsSpansAndNamesABadPattern) {
  auto set = PatternSet::Compile({{TermExpression("heroin"), false, "a"}, {TermExpression("poach*"), false, "b"}});
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  auto scanner = PatternScanner::Create(*set);
  ASSERT_TRUE(scanner.ok());
  std::vector<PatternMatch> matches;
  ASSERT_TRUE(scanner->Scan("Heroin and poaching; heroine is no match.", matches).ok());
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].pattern, 0u);
  EXPECT_EQ(matches[0].begin, 0u);
  EXPECT_EQ(matches[0].end, 6u);
  EXPECT_EQ(matches[1].pattern, 1u);
  EXPECT_EQ(matches[1].begin, 11u);
  EXPECT_EQ(matches[1].end, 19u);

  auto bad = PatternSet::Compile({{"fine", false, "first"}, {"(unclosed", false, "markets.toml, entry 2"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().where, "markets.toml, entry 2");
  EXPECT_NE(bad.error().message.find("(unclosed"), std::string::npos);
  EXPECT_FALSE(PatternSet::Compile({}).ok());
}

TEST(CheckLexicon, RejectsValuesThatDoNotFitTheirKind) {
  Lexicon lexicon;
  lexicon.entries.push_back({CueKind::kRole, "smuggler", {"smuggler"}, false, false, false, "roles.toml, entry 1"});
  auto status = CheckLexicon(lexicon);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().where, "roles.toml, entry 1");
  lexicon.entries[0] = {CueKind::kMode, "rail", {}, false, false, false, "flows.toml, entry 3"};
  EXPECT_FALSE(CheckLexicon(lexicon).ok());  // no terms
  lexicon.entries[0].terms = {"railway"};
  EXPECT_TRUE(CheckLexicon(lexicon).ok());
}

// A tiny lexicon and country list: the longest match wins within a layer, stop
// phrases hide what they contain, and names of two places are left out.
TEST(FlowExtractor, LongestMatchWinsAndStopsHide) {
  Lexicon lexicon;
  lexicon.entries = {
      {CueKind::kMarket, "human_trafficking", {"human trafficking", "victims"}, false, false, false, "t"},
      {CueKind::kGenericMarket, "any", {"trafficking"}, false, false, false, "t"},
      {CueKind::kMarket, "non_renewable_resource_crimes", {"oil"}, true, false, false, "t"},
      {CueKind::kStop, "content", {"oil sector"}, false, false, false, "t"},
      {CueKind::kRole, "destination", {"destination"}, false, false, false, "t"},
  };
  auto geography = Geography::Build({{"RUS", "Russia", {}}, {"NER", "Niger", {}}, {"NGA", "Nigeria", {}}});
  ASSERT_TRUE(geography.ok());
  Gazetteer gazetteer;
  gazetteer.demonyms["NER"] = {"Nigerien"};
  gazetteer.demonyms["NGA"] = {"Nigerian"};
  gazetteer.demonyms["RUS"] = {"Russian"};
  auto extractor = FlowExtractor::Build(lexicon, *geography, gazetteer);
  ASSERT_TRUE(extractor.ok()) << extractor.error().ToString();
  auto scanner = extractor->NewScanner();
  ASSERT_TRUE(scanner.ok());
  // human trafficking (1) + Russia (1): "trafficking" inside it is hidden; the oil
  // sector hides "oil"; "Nigerian" is found, "Niger" inside "Nigeria" is not.
  auto count = extractor->CountMatches("Human trafficking to Russia. The oil sector. Nigerian, Nigeria.", *scanner);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 4u);
}

}  // namespace
}  // namespace ocindex::core
