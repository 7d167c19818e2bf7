// The word index against Hyperscan: it must report exactly the matches Hyperscan reports
// for the same phrases (the extractor uses one in place of the other).
#include "core/flows/word_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/flows.h"
#include "core/flows/lexicon.h"
#include "core/flows/pattern_set.h"

namespace ocindex::core {
namespace {

using Found = std::tuple<uint32_t, uint32_t, uint32_t>;  // pattern, begin, end

std::vector<Found> Sorted(const std::vector<PatternMatch>& matches) {
  std::vector<Found> out;
  for (const PatternMatch& m : matches) out.emplace_back(m.pattern, m.begin, m.end);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(WordIndex, FindsWholeWordsAndPhrasesAcrossSeparators) {
  WordIndex index;
  index.Add("in", false, 0);
  index.Add("on to", false, 1);
  index.Add("in-country", false, 2);
  index.Add("UAE", true, 3);
  const std::string text = "In within on\n\t\xE2\x80\x93to ontology, in-country in  country; UAE uae.";
  std::vector<PatternMatch> matches;
  index.Find(text, matches);
  EXPECT_EQ(Sorted(matches), (std::vector<Found>{{0, 0, 2},      // "In", not "within"
                                                 {0, 30, 32},    // "in" of "in-country"
                                                 {0, 41, 43},    // "in" of "in  country"
                                                 {1, 10, 19},    // "on\n\t–to", not "ontology"
                                                 {2, 30, 40},    // "in-country"
                                                 {2, 41, 52},    // "in  country"
                                                 {3, 54, 57}}));  // "UAE", not "uae"
  EXPECT_TRUE(WordIndex::Holds("transit country"));
  EXPECT_FALSE(WordIndex::Holds("poach*"));
  EXPECT_FALSE(WordIndex::Holds("arm's length"));
  EXPECT_FALSE(WordIndex::Holds("a  b"));
  EXPECT_FALSE(WordIndex::Holds("Côte"));
}

// Every phrase of the bundled lexicon and gazetteer the index holds, in text written
// from the phrases themselves: as written, in capitals, split by other separators,
// glued to word characters and to non-ASCII letters.
TEST(WordIndex, AgreesWithHyperscanOnEveryBundledPhrase) {
  auto lexicon = adapters::BundledLexicon();
  auto geography = adapters::BundledGeography();
  auto gazetteer = adapters::BundledGazetteer();
  ASSERT_TRUE(lexicon.ok() && geography.ok() && gazetteer.ok());
  std::vector<LexiconEntry> entries = lexicon->entries;
  for (LexiconEntry& entry : PlaceEntries(*geography, *gazetteer)) entries.push_back(std::move(entry));

  WordIndex index;
  std::vector<PatternSpec> specs;
  std::string text;
  for (const LexiconEntry& entry : entries) {
    for (const std::string& term : entry.terms) {
      if (IsRegexTerm(term) || !WordIndex::Holds(term)) continue;
      const bool case_sensitive = TermIsCaseSensitive(entry, term);
      index.Add(term, case_sensitive, static_cast<uint32_t>(specs.size()));
      specs.push_back({TermExpression(term), case_sensitive, entry.source, true});
      std::string upper = term;
      std::string split = term;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      for (char& c : split) c = c == ' ' ? '-' : c == '-' ? '\n' : c;
      text += "Of " + term + ", " + upper + " (" + split + ") x" + term + " " + term + "s \xC3\xA9" + term +
              "\xC3\xA9 " + split + "_ " + term + "\v" + term + "\xE2\x80\x93" + term + ".\n\n";
    }
  }
  ASSERT_GT(specs.size(), 500u);  // the lexicon's phrases and the place names

  auto set = PatternSet::Compile(specs);
  ASSERT_TRUE(set.ok()) << set.error().ToString();
  auto scanner = PatternScanner::Create(*set);
  ASSERT_TRUE(scanner.ok());
  std::vector<PatternMatch> expected;
  ASSERT_TRUE(scanner->Scan(text, expected).ok());
  std::vector<PatternMatch> found;
  index.Find(text, found);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(Sorted(found), Sorted(expected));
}

}  // namespace
}  // namespace ocindex::core
