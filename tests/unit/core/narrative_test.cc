#include "core/profile/narrative.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/narrative_fixtures.h"

namespace ocindex::core {
namespace {

using test_support::kDistributedNarrative;
using test_support::ProfileFramework;

Narrative Parse(std::string_view text, const Framework& framework,
                NarrativeFormat format = NarrativeFormat::kText) {
  Result<Narrative> narrative = ParseNarrative(text, framework, format);
  if (!narrative) {
    ADD_FAILURE() << narrative.error().ToString();
    return {};
  }
  return *narrative;
}

std::vector<std::string> SectionIds(const Narrative& narrative) {
  std::vector<std::string> ids;
  for (const NarrativeSection& section : narrative.sections) ids.push_back(section.node_id);
  return ids;
}

std::string Problems(const Narrative& narrative) {
  std::string all;
  for (const NarrativeProblem& problem : narrative.problems) all += problem.ToString() + "\n";
  return all;
}

std::string Text(const Narrative& narrative, std::string_view node_id) {
  const NarrativeSection* section = narrative.Find(node_id);
  return section == nullptr ? "<missing " + std::string(node_id) + ">" : section->text;
}

std::vector<std::string> Sorted(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  return words;
}

// Whitespace-separated words of clean text.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : std::string(text) + " ") {
    if (c == ' ' || c == '\n') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return words;
}

TEST(Narrative, DistributedShapeYieldsEverySectionInFrameworkOrder) {
  Framework framework = ProfileFramework("2021");
  Narrative narrative = Parse(kDistributedNarrative, framework);
  EXPECT_EQ(SectionIds(narrative),
            (std::vector<std::string>{"people", "trade", "environment", "drugs", "actors", "leadership_governance",
                                      "criminal_justice_security", "economic_financial",
                                      "civil_society_social_protection"}));
  EXPECT_EQ(Problems(narrative), "");
  EXPECT_EQ(narrative.sections[0].heading, "PEOPLE");
  EXPECT_EQ(narrative.sections[0].line, 1);
  EXPECT_EQ(narrative.structure_headings, std::vector<std::string>{"RESILIENCE"});
  EXPECT_TRUE(narrative.unplaced.empty());
}

TEST(Narrative, ParagraphsAreReflowedAndSeparatedByOneBlankLine) {
  Narrative narrative = Parse(kDistributedNarrative, ProfileFramework());
  EXPECT_EQ(Text(narrative, "people"),
            "Valdoria is mainly a transit country for people moved against their will towards the western ports. "
            "Recruiters promise work on fishing fleets and in river hotels.\n\n"
            "Smuggling of migrants follows the old salt road, where guides charge by the kilometre.");
}

TEST(Narrative, CompoundKeepsItsHyphenAndFragmentLosesIt) {
  Narrative narrative = Parse(kDistributedNarrative, ProfileFramework());
  EXPECT_NE(Text(narrative, "drugs").find("along cross-border lorry routes"), std::string::npos)
      << Text(narrative, "drugs");
  EXPECT_NE(Text(narrative, "criminal_justice_security").find("pursue the organizations behind"), std::string::npos)
      << Text(narrative, "criminal_justice_security");
  EXPECT_EQ(narrative.hyphens_kept, 1);
  EXPECT_EQ(narrative.hyphens_removed, 1);
}

TEST(Narrative, DocumentEvidenceDecidesLineEndHyphens) {
  Framework framework = ProfileFramework();
  // "state-owned" is written elsewhere, so the split one keeps its hyphen; "prevention"
  // is written elsewhere, so "pre-" + "vention" joins; "trans" is no compound word.
  Narrative narrative = Parse(
      "TRADE\n"
      "A state-owned port and a second state-\n"
      "owned depot. Prevention is weak; pre-\n"
      "vention budgets fell. The Euro-\n"
      "Asian corridor opened in mid-\n"
      "2020. Trans-\n"
      "national groups and a well-\n"
      "known broker.\n",
      framework);
  EXPECT_EQ(Text(narrative, "trade"),
            "A state-owned port and a second state-owned depot. Prevention is weak; prevention budgets fell. The "
            "Euro-Asian corridor opened in mid-2020. Transnational groups and a well-known broker.");
}

TEST(Narrative, StrayPageBreakInsideSentenceIsJoinedButParagraphEndsAreKept) {
  Narrative narrative = Parse(kDistributedNarrative, ProfileFramework());
  EXPECT_EQ(Text(narrative, "actors"),
            "Loose networks of brokers dominate, while a few family clans operate across several provinces with "
            "help from local officials.");
  Narrative two = Parse("DRUGS\nFirst paragraph ends here.\n\nsecond starts lower case.\n\n\f\n\nA third one.\n",
                        ProfileFramework());
  EXPECT_EQ(Text(two, "drugs"), "First paragraph ends here.\n\nsecond starts lower case.\n\nA third one.");
}

TEST(Narrative, FundingFooterIsSetApartNotPartOfTheLastSection) {
  Narrative narrative = Parse(kDistributedNarrative, ProfileFramework());
  EXPECT_EQ(narrative.footer, "This summary was funded in part by a grant from the Friends of Valdoria Foundation.");
  EXPECT_EQ(Text(narrative, "civil_society_social_protection"),
            "Independent newspapers are few and shelters for victims depend on donors.");
}

TEST(Narrative, FooterDetectionIsGenericAndOnlyAtTheEnd) {
  Framework framework = ProfileFramework();
  Narrative narrative = Parse(
      "PEOPLE\nDonor funding for shelters fell.\n\nVictims are few.\n\n"
      "Produced with the support of the Lakeside Trust.\n\nSupported by a regional programme.\n",
      framework);
  EXPECT_EQ(Text(narrative, "people"), "Donor funding for shelters fell.\n\nVictims are few.");
  EXPECT_EQ(narrative.footer, "Produced with the support of the Lakeside Trust.\n\nSupported by a regional programme.");
}

// Regression: the seed's last section speaks of "state-funded" shelters and
// "Foreign-funded" NGOs; those paragraphs were taken for the footer.
TEST(Narrative, FundingWordsInsideASectionAreNoFooter) {
  Narrative narrative = Parse(
      "CIVIL SOCIETY AND SOCIAL PROTECTION\nSeveral state-funded shelters operate.\n\n"
      "Foreign-funded associations face audits.\n\nThis brief was funded by the Lakeside Trust.\n",
      ProfileFramework());
  EXPECT_EQ(Text(narrative, "civil_society_social_protection"),
            "Several state-funded shelters operate.\n\nForeign-funded associations face audits.");
  EXPECT_EQ(narrative.footer, "This brief was funded by the Lakeside Trust.");
}

TEST(Narrative, LongParagraphIsNoFooterEvenWithAFundingPhrase) {
  std::string long_paragraph = "Shelters were funded by donors";
  for (int i = 0; i < 90; ++i) long_paragraph += " and more";
  Narrative narrative = Parse("PEOPLE\n" + long_paragraph + ".\n", ProfileFramework());
  EXPECT_EQ(narrative.footer, "");
  EXPECT_EQ(Text(narrative, "people"), long_paragraph + ".");
}

TEST(Narrative, HeadingVariantsMatchTheFramework) {
  Framework framework = ProfileFramework("2021");
  Narrative narrative = Parse(
      "  people  \nText one.\n\nTRADE:\nText two.\n\n3. Environment\nText three.\n\n"
      "CRIMINAL   JUSTICE & SECURITY\nText four.\n\n"
      "Economic and Financial Environment\nText five.\n\nCivil society and social protection\nText six.\n",
      framework);
  EXPECT_EQ(SectionIds(narrative),
            (std::vector<std::string>{"people", "trade", "environment", "criminal_justice_security",
                                      "economic_financial", "civil_society_social_protection"}));
  EXPECT_EQ(Problems(narrative), "");
  EXPECT_EQ(narrative.sections[3].heading, "CRIMINAL   JUSTICE & SECURITY");
}

TEST(Narrative, MixedCaseLineInsideParagraphIsNotAHeading) {
  Narrative narrative = Parse("PEOPLE\nVictims are moved for\nTrade\nand labour.\n", ProfileFramework());
  EXPECT_EQ(SectionIds(narrative), std::vector<std::string>{"people"});
  EXPECT_EQ(Text(narrative, "people"), "Victims are moved for Trade and labour.");
}

TEST(Narrative, GroupNamesOf2023MatchIn2023AndAreUnknownIn2021) {
  std::string text = "CYBER-CRIMES\nRansomware crews rent servers.\n\nFinancial Crimes\nShell firms abound.\n";
  Narrative in_2023 = Parse(text, ProfileFramework("2023"));
  EXPECT_EQ(SectionIds(in_2023), (std::vector<std::string>{"cyber", "financial"}));
  EXPECT_EQ(Problems(in_2023), "");
  Narrative in_2021 = Parse(text, ProfileFramework("2021"));
  EXPECT_TRUE(in_2021.sections.empty());
  ASSERT_EQ(in_2021.problems.size(), 1u) << Problems(in_2021);  // "Financial Crimes" is mixed case: text
  EXPECT_EQ(in_2021.problems[0].line, 1);
  EXPECT_NE(in_2021.problems[0].message.find("unknown heading 'CYBER-CRIMES'"), std::string::npos);
  ASSERT_EQ(in_2021.unplaced.size(), 1u);
  EXPECT_EQ(in_2021.unplaced[0].text, "Ransomware crews rent servers.\n\nFinancial Crimes Shell firms abound.");
}

TEST(Narrative, UnknownHeadingIsReportedWithLineAndColumnAndItsTextKept) {
  Narrative narrative =
      Parse("PEOPLE\nText one.\n\n   MARITIME PIRACY\nBoats are seized.\n\nEMPTY HEADING\n", ProfileFramework());
  ASSERT_EQ(narrative.problems.size(), 2u) << Problems(narrative);
  EXPECT_EQ(narrative.problems[0].line, 4);
  EXPECT_EQ(narrative.problems[0].column, 4);
  EXPECT_NE(narrative.problems[0].message.find("MARITIME PIRACY"), std::string::npos);
  ASSERT_EQ(narrative.unplaced.size(), 2u);
  EXPECT_EQ(narrative.unplaced[0].heading, "MARITIME PIRACY");
  EXPECT_EQ(narrative.unplaced[0].text, "Boats are seized.");
  EXPECT_EQ(narrative.unplaced[1].heading, "EMPTY HEADING");
  EXPECT_EQ(Text(narrative, "people"), "Text one.");
}

TEST(Narrative, TextBeforeTheFirstHeadingIsUnplacedAndReported) {
  Narrative narrative = Parse("Valdoria country profile\n\nPEOPLE\nText.\n", ProfileFramework());
  ASSERT_EQ(narrative.unplaced.size(), 1u);
  EXPECT_EQ(narrative.unplaced[0].heading, "");
  EXPECT_EQ(narrative.unplaced[0].text, "Valdoria country profile");
  ASSERT_EQ(narrative.problems.size(), 1u);
  EXPECT_EQ(narrative.problems[0].line, 1);
}

TEST(Narrative, TextUnderAPillarHeadingIsUnplaced) {
  Narrative narrative = Parse("RESILIENCE\nOverall weak.\n\nLEADERSHIP AND GOVERNANCE\nText.\n", ProfileFramework());
  ASSERT_EQ(narrative.unplaced.size(), 1u);
  EXPECT_EQ(narrative.unplaced[0].heading, "RESILIENCE");
  EXPECT_EQ(narrative.unplaced[0].text, "Overall weak.");
  EXPECT_EQ(SectionIds(narrative), std::vector<std::string>{"leadership_governance"});
}

TEST(Narrative, MissingSectionsAreAbsentAndEmptyOnesReported) {
  Narrative narrative = Parse("DRUGS\n\nTRADE\nArms.\n", ProfileFramework());
  EXPECT_EQ(SectionIds(narrative), (std::vector<std::string>{"trade", "drugs"}));
  EXPECT_EQ(narrative.Find("people"), nullptr);
  ASSERT_EQ(narrative.problems.size(), 1u);
  EXPECT_NE(narrative.problems[0].message.find("'DRUGS' has no text"), std::string::npos);
}

TEST(Narrative, RepeatedSectionIsAppendedAndReported) {
  Narrative narrative = Parse("TRADE\nOne.\n\nPEOPLE\nTwo.\n\nTRADE\nThree.\n", ProfileFramework());
  EXPECT_EQ(Text(narrative, "trade"), "One.\n\nThree.");
  ASSERT_EQ(narrative.problems.size(), 1u);
  EXPECT_EQ(narrative.problems[0].line, 7);
}

TEST(Narrative, SummaryFirstAndSourcesLast) {
  Narrative narrative =
      Parse("SOURCES\nA report, 2020.\n\nPEOPLE\nText.\n\nEXECUTIVE SUMMARY\nIn short.\n", ProfileFramework());
  EXPECT_EQ(SectionIds(narrative), (std::vector<std::string>{"summary", "people", "sources"}));
}

TEST(Narrative, MarkdownUsesHashHeadingsOnly) {
  Narrative narrative = Parse(
      "# Summary\n\nIn short.\n\n## People ##\n\nVictims come from\nthe north. NGO\n\nSECOND PARAGRAPH IN "
      "CAPITALS\n\n## Trade & arms\n\nGuns.\n",
      ProfileFramework(), NarrativeFormat::kMarkdown);
  EXPECT_EQ(SectionIds(narrative), (std::vector<std::string>{"summary", "people"}));
  EXPECT_EQ(Text(narrative, "people"), "Victims come from the north. NGO\n\nSECOND PARAGRAPH IN CAPITALS");
  ASSERT_EQ(narrative.problems.size(), 1u) << Problems(narrative);
  EXPECT_NE(narrative.problems[0].message.find("Trade & arms"), std::string::npos);
}

TEST(Narrative, WindowsLineEndsAndByteOrderMarkAreHandled) {
  Narrative narrative = Parse("\xEF\xBB\xBFPEOPLE\r\nLine one\r\ncontinues.\r\n", ProfileFramework());
  EXPECT_EQ(Text(narrative, "people"), "Line one continues.");
}

TEST(Narrative, EmptyInputIsAClearError) {
  for (std::string_view empty : {"", "   \n\n\t\n"}) {
    Result<Narrative> narrative = ParseNarrative(empty, ProfileFramework(), NarrativeFormat::kText);
    ASSERT_FALSE(narrative);
    EXPECT_EQ(narrative.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(narrative.error().message.find("empty"), std::string::npos);
  }
}

TEST(Narrative, BinaryJunkIsAClearErrorWithItsPosition) {
  std::string junk = "PEOPLE\nab";
  junk += std::string("\x00\x01\x02", 3);
  Result<Narrative> narrative = ParseNarrative(junk, ProfileFramework(), NarrativeFormat::kText);
  ASSERT_FALSE(narrative);
  EXPECT_EQ(narrative.error().where, "line 2, column 3");
  EXPECT_NE(narrative.error().message.find("binary"), std::string::npos);

  Result<Narrative> latin1 = ParseNarrative("PEOPLE\nCaf\xE9 owners\n", ProfileFramework(), NarrativeFormat::kText);
  ASSERT_FALSE(latin1);
  EXPECT_EQ(latin1.error().where, "line 2, column 4");
  EXPECT_NE(latin1.error().message.find("UTF-8"), std::string::npos);
}

// Breaks clean text into lines of at most `width` characters the way distributed
// profiles are: long words split at the line end with a hyphen (at an existing
// hyphen for compounds, else after four letters), a trailing space on each line.
std::string WrapLikeDistributed(std::string_view clean, size_t width) {
  std::string out;
  std::string line;
  for (const std::string& word : Words(clean)) {
    if (line.size() + word.size() + 1 <= width) {
      line += word + " ";
      continue;
    }
    size_t hyphen = word.find('-');
    size_t cut = hyphen != std::string::npos ? hyphen + 1 : word.size() >= 9 ? 4 : 0;
    if (cut > 0 && line.size() + cut <= width) {
      out += line + word.substr(0, cut) + (hyphen != std::string::npos ? "" : "-") + "\n";
      line = word.substr(cut) + " ";
    } else {
      out += line + "\n";
      line = word + " ";
    }
  }
  return out + line + "\n";
}

TEST(Narrative, RoundTripKeepsEveryWord) {
  const std::string people =
      "Brokers recruit seasonal harvesters with promises of hospitality contracts, then confiscate passports. "
      "Cross-border transportation happens overnight along unmonitored tracks. Investigators documented "
      "approximately forty prosecutions, which nevertheless remain exceptional.";
  const std::string justice =
      "Prosecutors complain about insufficient resources; anti-corruption arrangements are rudimentary, and "
      "international cooperation depends on personal relationships.";
  std::string source = "PEOPLE\n" + WrapLikeDistributed(people, 40) + "\nCRIMINAL JUSTICE AND SECURITY\n" +
                       WrapLikeDistributed(justice, 33) + "\nThis profile was funded by the Lakeside Trust.\n";
  ASSERT_NE(source.find("-\n"), std::string::npos) << "the fixture must split words at line ends";
  Narrative narrative = Parse(source, ProfileFramework());
  EXPECT_EQ(Text(narrative, "people"), people);
  EXPECT_EQ(Text(narrative, "criminal_justice_security"), justice);
  std::vector<std::string> expected = Words(people + " " + justice + " PEOPLE CRIMINAL JUSTICE AND SECURITY " +
                                            "This profile was funded by the Lakeside Trust.");
  EXPECT_EQ(Sorted(NarrativeWords(narrative)), Sorted(expected));
}

TEST(Narrative, HugeFileParses) {
  std::string paragraph = "Networks move goods across the border every night and officials look away.\n";
  std::string source = "PEOPLE\n";
  const int kParagraphs = 50000;
  for (int i = 0; i < kParagraphs; ++i) source += paragraph + "\n";
  Narrative narrative = Parse(source, ProfileFramework());
  ASSERT_EQ(narrative.sections.size(), 1u);
  EXPECT_EQ(NarrativeWords(narrative).size(), 1u + 12u * kParagraphs);
  EXPECT_TRUE(narrative.problems.empty());
}

TEST(Narrative, SectionIdsListSummaryGroupsThenSources) {
  std::vector<std::string> ids = NarrativeSectionIds(ProfileFramework("2023"));
  EXPECT_EQ(ids, (std::vector<std::string>{"summary", "people", "trade", "environment", "drugs", "cyber",
                                           "financial", "actors", "leadership_governance",
                                           "criminal_justice_security", "economic_financial",
                                           "civil_society_social_protection", "sources"}));
}

}  // namespace
}  // namespace ocindex::core
