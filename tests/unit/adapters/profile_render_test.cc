// Profiles rendered from the bundled editions and a narrative the test writes: the
// sections come out in framework order beside the figures, in all three formats.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "adapters/catalog/profiles.h"
#include "adapters/io/text_file.h"
#include "adapters/render/profile_render.h"
#include "adapters/store/sqlite_store.h"
#include "support/fixtures.h"
#include "support/narrative_fixtures.h"

namespace ocindex::adapters {
namespace {

class ProfileRenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore(":memory:");
    ASSERT_TRUE(store.ok()) << store.error().ToString();
    auto catalog = Catalog::Open(std::move(*store));
    ASSERT_TRUE(catalog.ok()) << catalog.error().ToString();
    catalog_ = std::make_unique<Catalog>(std::move(*catalog));
  }

  // Imports the Valdoria narrative (the words are the fixture's) as Kazakhstan's.
  void ImportNarrative(const std::string& edition, std::string narrative) {
    ASSERT_TRUE(test::WriteFile(dir_.File("n.txt"), narrative).ok());
    ProfileImportOptions options{dir_.File("n.txt"), "KAZ", edition, "text", "tester", "", false};
    auto report = ImportProfile(*catalog_, options);
    ASSERT_TRUE(report.ok()) << report.error().ToString();
  }

  render::ProfileView View(const std::string& edition_id) {
    auto edition = catalog_->Load(edition_id);
    EXPECT_TRUE(edition.ok());
    auto previous = catalog_->LoadPrevious(*edition);
    EXPECT_TRUE(previous.ok());
    auto view = LoadProfileView(*catalog_, *edition, *previous ? &**previous : nullptr, "KAZ");
    EXPECT_TRUE(view.ok()) << view.error().ToString();
    return view.ok() ? *view : render::ProfileView{};
  }

  std::unique_ptr<Catalog> catalog_;
  test::TempDir dir_;
};

// Positions of each needle in order; fails if one is missing or out of order.
void ExpectInOrder(const std::string& haystack, const std::vector<std::string>& needles) {
  size_t at = 0;
  for (const std::string& needle : needles) {
    size_t found = haystack.find(needle, at);
    ASSERT_NE(found, std::string::npos) << "'" << needle << "' missing after position " << at;
    at = found + needle.size();
  }
}

const std::vector<std::string> kTitlesInOrder = {"People",
                                                 "Trade",
                                                 "Environment",
                                                 "Drugs",
                                                 "Criminal actors",
                                                 "Leadership and governance",
                                                 "Criminal justice and security",
                                                 "Economic and financial environment",
                                                 "Civil society and social protection"};

TEST_F(ProfileRenderTest, ViewCarriesFiguresRanksAndSectionsInFrameworkOrder) {
  // The narrative lists TRADE before PEOPLE; the profile must not.
  ImportNarrative("2021", "TRADE\nBoats.\n\nPEOPLE\nRecruiters.\n");
  render::ProfileView view = View("2021");
  EXPECT_EQ(view.country, "Kazakhstan");
  ASSERT_EQ(view.sections.size(), 2u);
  EXPECT_EQ(view.sections[0].title, "People");
  EXPECT_EQ(view.sections[1].title, "Trade");
  ASSERT_EQ(view.ranks.size(), 2u);
  EXPECT_EQ(view.ranks[0].measure, "Criminality");
  EXPECT_EQ(view.ranks[0].now[0], "133/193");  // as published for 2021
  ASSERT_FALSE(view.rows.empty());
  EXPECT_EQ(view.rows[0].score, "4.26");
  EXPECT_EQ(view.previous_edition, "");
  EXPECT_EQ(view.bars.size(), catalog_->Load("2021")->framework.indicators.size());  // one bar per indicator
}

TEST_F(ProfileRenderTest, MarkdownHasSectionsInOrderFiguresAndFooter) {
  ImportNarrative("2021", std::string(test_support::kDistributedNarrative));
  const std::string md = render::RenderProfileMarkdown(View("2021"));
  ExpectInOrder(md, {"# Kazakhstan (KAZ)", "## Ranks", "133/193", "## Scores", "4.26", "## Indicators"});
  std::vector<std::string> headings;
  for (const std::string& title : kTitlesInOrder) headings.push_back("## " + title + "\n");
  ExpectInOrder(md, headings);
  EXPECT_NE(md.find("along cross-border lorry routes"), std::string::npos);
  EXPECT_NE(md.find("Friends of Valdoria Foundation"), std::string::npos);
}

TEST_F(ProfileRenderTest, ChangesAgainstThePreviousEditionAreShown) {
  const std::string md = render::RenderProfileMarkdown(View("2023"));
  // Kazakhstan's criminality: 4.26 in 2021, 4.47 in 2023; world rank 133 -> 127.
  EXPECT_NE(md.find("| **Criminality** | 4.47 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 4.26 | +0.21 |"), std::string::npos);
  EXPECT_NE(md.find("| World | 127/193 | 133/193 | +6 |"), std::string::npos);
}

TEST_F(ProfileRenderTest, HtmlIsStandaloneWithInlineSvgAndEscapedText) {
  ImportNarrative("2021", std::string(test_support::kDistributedNarrative) + "\nSOURCES\nReport <draft> & notes.\n");
  const std::string html = render::RenderProfileHtml(View("2021"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);  // no external resource
  EXPECT_EQ(html.find("<script"), std::string::npos);
  std::vector<std::string> headings;
  for (const std::string& title : kTitlesInOrder) headings.push_back("<h2>" + title + "</h2>");
  headings.push_back("<h2>Sources</h2>");
  ExpectInOrder(html, headings);
  EXPECT_NE(html.find("Report &lt;draft&gt; &amp; notes."), std::string::npos);
}

TEST_F(ProfileRenderTest, ScoresOnlyProfileSaysSo) {
  render::ProfileView view = View("2025");
  EXPECT_TRUE(view.sections.empty());
  const std::string md = render::RenderProfileMarkdown(view);
  EXPECT_NE(md.find("scores-only"), std::string::npos);
  EXPECT_NE(md.find("## Indicators"), std::string::npos);
}

int PdfPages(const std::string& pdf) {
  int pages = 0;
  for (size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1)) {
    pages += pdf.compare(at, 12, "/Type /Pages") == 0 ? 0 : 1;
  }
  return pages;
}

TEST_F(ProfileRenderTest, PdfIsValidWithPagesAndEmbeddedFonts) {
  ImportNarrative("2021", std::string(test_support::kDistributedNarrative));
  auto pdf = render::RenderProfilePdf(View("2021"));
  ASSERT_TRUE(pdf.ok()) << pdf.error().ToString();
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("%%EOF", pdf->size() - 8), std::string::npos);
  EXPECT_GT(PdfPages(*pdf), 0);
  EXPECT_NE(pdf->find("/FontFile2"), std::string::npos);  // TrueType font embedded
}

TEST_F(ProfileRenderTest, PdfLongNarrativeBreaksAcrossPages) {
  std::string narrative = "PEOPLE\n";
  for (int i = 0; i < 400; ++i) narrative += "Recruiters promise work on fishing fleets and in river hotels.\n\n";
  ImportNarrative("2021", narrative);
  auto pdf = render::RenderProfilePdf(View("2021"));
  ASSERT_TRUE(pdf.ok());
  auto short_pdf = render::RenderProfilePdf(View("2025"));
  ASSERT_TRUE(short_pdf.ok());
  EXPECT_GT(PdfPages(*pdf), PdfPages(*short_pdf) + 3);
}

// Text extraction finds the sections in order and the words as written.
TEST_F(ProfileRenderTest, PdfTextIsSelectable) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext is not installed";
  ImportNarrative("2021", std::string(test_support::kDistributedNarrative));
  auto pdf = render::RenderProfilePdf(View("2021"));
  ASSERT_TRUE(pdf.ok());
  ASSERT_TRUE(io::WriteFileAtomically(dir_.File("p.pdf"), *pdf).ok());
  ASSERT_EQ(std::system(("pdftotext '" + dir_.File("p.pdf") + "' '" + dir_.File("p.txt") + "'").c_str()), 0);
  auto text = io::ReadTextFile(dir_.File("p.txt"));
  ASSERT_TRUE(text.ok());
  ExpectInOrder(*text, {"Kazakhstan (KAZ)", "Ranks", "Scores", "Indicators"});
  ExpectInOrder(*text, kTitlesInOrder);
  EXPECT_NE(text->find("Valdoria is mainly a transit country"), std::string::npos);
  EXPECT_NE(text->find("Page 1"), std::string::npos);
}

// Font sizes are points: the 22 pt title's box is 22 pt times DejaVu Sans' 1.164 em line
// box (pango-cairo's default 96 dpi made it 4/3 larger, about 34 pt).
TEST_F(ProfileRenderTest, PdfFontSizesArePoints) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext is not installed";
  auto pdf = render::RenderProfilePdf(View("2021"));
  ASSERT_TRUE(pdf.ok());
  ASSERT_TRUE(io::WriteFileAtomically(dir_.File("p.pdf"), *pdf).ok());
  ASSERT_EQ(std::system(("pdftotext -bbox -l 1 '" + dir_.File("p.pdf") + "' '" + dir_.File("p.html") + "'").c_str()),
            0);
  auto boxes = io::ReadTextFile(dir_.File("p.html"));
  ASSERT_TRUE(boxes.ok());
  const size_t word = boxes->find(">Kazakhstan</word>");
  ASSERT_NE(word, std::string::npos);
  const size_t start = boxes->rfind("<word", word);
  auto attribute = [&](const std::string& name) {
    const size_t at = boxes->find(name + "=\"", start) + name.size() + 2;
    return std::stod(boxes->substr(at, boxes->find('"', at) - at));
  };
  EXPECT_NEAR(attribute("yMax") - attribute("yMin"), 22 * 1.164, 1.0);
}

TEST_F(ProfileRenderTest, ExportAllWritesEveryCountry) {
  ImportNarrative("2021", std::string(test_support::kDistributedNarrative));
  int last_done = -1;
  auto report = ExportAllProfiles(*catalog_, "2021", ProfileFormat::kMarkdown, dir_.File("all"), 2,
                                  [&](int done, int total) {
                                    EXPECT_LE(done, total);
                                    last_done = done;
                                  });
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->written, 193);
  EXPECT_EQ(report->with_narrative, 1);
  EXPECT_EQ(last_done, 193);
  auto kaz = io::ReadTextFile(dir_.File("all/KAZ-2021.md"));
  ASSERT_TRUE(kaz.ok());
  EXPECT_NE(kaz->find("## People"), std::string::npos);
  auto other = io::ReadTextFile(dir_.File("all/UZB-2021.md"));
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->find("scores-only"), std::string::npos);
}

}  // namespace
}  // namespace ocindex::adapters
