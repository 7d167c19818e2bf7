// A text without profile headings as one section: paragraphs from hard-wrapped lines,
// headings and list items apart, Markdown reduced to words, pages mapped.
#include "core/profile/whole_text.h"

#include <gtest/gtest.h>

namespace ocindex::core {
namespace {

std::string Text(const Narrative& narrative) {
  return narrative.sections.empty() ? std::string() : narrative.sections[0].text;
}

TEST(WholeText, OneSectionOfReflowedParagraphs) {
  const Narrative narrative = WholeTextNarrative(
      "GHANA\n"
      "I. Summary\n"
      "Cocaine and heroin arrive from South America and Southeast and South-\n"
      "west Asia. Consumption of these drugs is increasing within Ghana, and\n"
      "traffickers use the airport.\n"
      "\n"
      "  \xE2\x80\xA2 FY 2008 - $496,000\n"
      "  \xE2\x80\xA2 FY 2009 - $500,000\n",
      {}, false);
  ASSERT_EQ(narrative.sections.size(), 1u);
  EXPECT_EQ(narrative.sections[0].node_id, kWholeTextSection);
  EXPECT_EQ(Text(narrative),
            "GHANA\n\nI. Summary\n\nCocaine and heroin arrive from South America and Southeast and Southwest Asia. "
            "Consumption of these drugs is increasing within Ghana, and traffickers use the airport.\n\n"
            "FY 2008 - $496,000\n\nFY 2009 - $500,000");
  EXPECT_TRUE(narrative.page_starts.empty());
}

TEST(WholeText, MarkdownHeadingsLinksAndEmphasis) {
  const Narrative narrative =
      WholeTextNarrative("# Fuel smuggling\nFuel is **smuggled** to [Pakistan](https://x.org/pk).\n![map](m.png)\n",
                         {}, true);
  EXPECT_EQ(Text(narrative), "Fuel smuggling\n\nFuel is smuggled to Pakistan.");
}

TEST(WholeText, PagesMapIntoTheReflowedText) {
  // Page 2 begins mid-sentence: the paragraph runs on; page 3 after a full stop starts one.
  const std::string text =
      "Heroin is smuggled from Afghanistan through Iran and\n"
      "Turkey to the consumer markets of Western and\n"
      "Central Europe, mostly by road and by rail.\n"
      "Cannabis is grown in the north of the country.\n";
  const uint32_t page2 = static_cast<uint32_t>(text.find("Central"));
  const uint32_t page3 = static_cast<uint32_t>(text.find("Cannabis"));
  const Narrative narrative = WholeTextNarrative(text, {0, page2, page3}, false);
  const std::string& out = Text(narrative);
  EXPECT_EQ(out,
            "Heroin is smuggled from Afghanistan through Iran and Turkey to the consumer markets of Western and "
            "Central Europe, mostly by road and by rail.\n\nCannabis is grown in the north of the country.");
  ASSERT_EQ(narrative.page_starts.size(), 3u);
  EXPECT_EQ(narrative.page_starts[0], 0u);
  EXPECT_EQ(narrative.page_starts[1], out.find("Central"));
  EXPECT_EQ(narrative.page_starts[2], out.find("Cannabis"));
}

TEST(WholeText, EmptyTextHasNoSection) {
  EXPECT_TRUE(WholeTextNarrative("\n  \n", {}, false).sections.empty());
}

}  // namespace
}  // namespace ocindex::core
