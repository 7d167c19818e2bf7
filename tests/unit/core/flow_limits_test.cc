// Bounded extraction (core::ExtractLimits, issue 18): hostile text is read within caps
// that ordinary prose never reaches, and every cap that bites leaves a note. Work is
// asserted through the caps and notes, never through time (bench/flows_bench.cc has
// the run-on passage's timings).
#include <gtest/gtest.h>

#include <string>

#include "core/flows/extractor.h"
#include "core/flows/sentences.h"
#include "core/profile/whole_text.h"
#include "support/flow_fixtures.h"

namespace ocindex::core {
namespace {

using test_support::BundledFlows;
using test_support::Dump;
using test_support::FindFlow;

// The probe's passage: one sentence, `repeats` times the same clause.
std::string RunOn(int repeats) {
  std::string text = "Afghanistan is a source country for heroin. ";
  for (int i = 0; i < repeats; ++i) text += "trafficking originating in Afghanistan and ";
  return text + "elsewhere.";
}

NarrativeStatements ExtractWith(const std::string& text, const ExtractLimits& limits) {
  const BundledFlows& flows = BundledFlows::Get();
  Narrative narrative;
  narrative.sections.push_back({"drugs", "drugs", text, 0});
  auto scanner = flows.extractor().NewScanner();
  EXPECT_TRUE(scanner.ok());
  auto result = flows.extractor().Extract(narrative, flows.Framework("2021"), "AFG", *scanner, limits);
  EXPECT_TRUE(result.ok()) << result.error().ToString();
  return result.ok() ? *result : NarrativeStatements{};
}

TEST(CapSentenceLength, CutsAtSpacesIntoPiecesWithinTheLimit) {
  const std::string text = "one two three four five six seven. Short one.";
  std::vector<SentenceSpan> sentences = SplitSentences(text);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(CapSentenceLength(text, 12, sentences), 1u);
  std::vector<std::string> pieces;
  for (const SentenceSpan& s : sentences) pieces.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(pieces, (std::vector<std::string>{"one two", "three four", "five six", "seven.", "Short one."}));
}

TEST(CapSentenceLength, CutsAWordlessRunOnAtTheLimitOnACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "\xC3\xA9";  // "é" twice five times: 20 bytes, no space
  std::vector<SentenceSpan> sentences = SplitSentences(text);
  EXPECT_EQ(CapSentenceLength(text, 5, sentences), 1u);
  uint32_t covered = 0;
  for (const SentenceSpan& s : sentences) {
    EXPECT_LE(s.end - s.begin, 5u);
    EXPECT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80) << "a piece starts inside a character";
    covered += s.end - s.begin;
  }
  EXPECT_EQ(covered, text.size());
}

TEST(FlowLimits, OrdinaryProseLeavesNoNote) {
  const auto all = ExtractWith(
      "Heroin is trafficked from Afghanistan through Iran to Turkey. Cannabis is grown for export to Pakistan.", {});
  EXPECT_TRUE(all.notes.empty());
  EXPECT_FALSE(all.stopped);
  EXPECT_NE(FindFlow(all, "heroin_trade", {"AFG"}, {"TUR"}), nullptr) << Dump(all);
}

TEST(FlowLimits, RunOnPassageIsReadInPiecesWithANote) {
  const ExtractLimits limits;
  const auto all = ExtractWith(RunOn(1600), limits);
  ASSERT_EQ(all.notes.size(), 2u);
  EXPECT_EQ(all.notes[0], "1 sentence(s) longer than 2000 bytes read in pieces");
  // A 2,000-byte piece still names some 45 places: the clause cap bites too.
  EXPECT_TRUE(all.notes[1].ends_with("place(s) beyond the 40 a clause may name left out")) << all.notes[1];
  EXPECT_FALSE(all.stopped);
  // The sentence before the passage is read as ever.
  EXPECT_FALSE(all.statements.empty());
}

TEST(FlowLimits, PlacesBeyondTheClauseCapAreLeftOut) {
  ExtractLimits limits;
  limits.max_clause_places = 3;
  const std::string text = "Heroin is trafficked from Afghanistan to Iran, Turkey, Greece, Italy and Spain.";
  const auto all = ExtractWith(text, limits);
  ASSERT_EQ(all.notes.size(), 1u) << Dump(all);
  EXPECT_EQ(all.notes[0], "3 place(s) beyond the 3 a clause may name left out");
  EXPECT_NE(FindFlow(all, "heroin_trade", {"AFG"}, {"IRN", "TUR"}), nullptr) << Dump(all);
  EXPECT_NE(FindFlow(ExtractWith(text, {}), "heroin_trade", {"AFG"}, {"IRN", "TUR", "GRC", "ITA", "ESP"}), nullptr);
}

TEST(FlowLimits, SpentBudgetStopsWithANote) {
  ExtractLimits limits;
  int asked = 0;
  limits.out_of_time = [&asked] { return ++asked > 1; };  // the budget runs out after one sentence
  const std::string text = "Heroin is trafficked from Afghanistan to Iran. Cannabis is smuggled to Pakistan.";
  const auto all = ExtractWith(text, limits);
  EXPECT_TRUE(all.stopped);
  ASSERT_EQ(all.notes.size(), 1u);
  EXPECT_EQ(all.notes[0],
            "stopped at sentence 2 of 2 in section 'drugs': the time budget was spent; the rest was not read");
  EXPECT_NE(FindFlow(all, "heroin_trade", {"AFG"}, {"IRN"}), nullptr) << Dump(all);
  EXPECT_EQ(FindFlow(all, "cannabis_trade", {"AFG"}, {"PAK"}), nullptr) << Dump(all);
  EXPECT_NE(FindFlow(ExtractWith(text, {}), "cannabis_trade", {"AFG"}, {"PAK"}), nullptr);
}

}  // namespace
}  // namespace ocindex::core
