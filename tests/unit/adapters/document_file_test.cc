// Documents read as text for flow extraction: HTML text, PDF pages (through poppler,
// on PDFs the test writes itself), format detection and the input limits.
#include <gtest/gtest.h>

#include "adapters/io/document_file.h"
#include "adapters/io/html_text.h"
#include "adapters/io/pdf_text.h"
#include "support/fixtures.h"
#include "support/minimal_pdf.h"

namespace ocindex::adapters::io {
namespace {

using test::MinimalPdf;
using test::PdfLine;

TEST(HtmlText, KeepsTheTextAndEndsParagraphsAtBlocks) {
  const std::string html =
      "<!DOCTYPE html><html><head><title>Ignored</title><style>p { color: red }</style>\n"
      "<script>var s = '<p>not text</p>';</script></head>\n"
      "<body><h1>Ghana</h1><!-- a comment <p>hidden</p> -->\n"
      "<p>Cocaine <b>arrives</b>\n  from South&nbsp;America &amp; Asia.</p>"
      "<ul><li>One&#8217;s</li><li>two &#x2014; &ldquo;three&rdquo; &unknown;</li></ul>a < b</body></html>";
  EXPECT_EQ(HtmlText(html),
            "Ghana\n\nCocaine arrives from South America & Asia.\n\nOne\xE2\x80\x99s\n\n"
            "two \xE2\x80\x94 \xE2\x80\x9Cthree\xE2\x80\x9D &unknown;\n\na < b");
}

TEST(HtmlText, AHeadLeftOpenEndsAtTheBody) {
  EXPECT_EQ(HtmlText("<html><head><title>T</title><body><p>Text</p>"), "Text");
  EXPECT_EQ(HtmlText("<p>Unclosed <script>x"), "Unclosed");
}

TEST(HtmlText, TellsHtmlFromText) {
  EXPECT_TRUE(LooksLikeHtml("\n<!doctype html>\n<p>x"));
  EXPECT_TRUE(LooksLikeHtml("<HTML><BODY>x"));
  EXPECT_FALSE(LooksLikeHtml("Heroin goes from a <b> to c."));
}

std::vector<PdfLine> Column(int x, int top, const std::vector<std::string>& lines) {
  std::vector<PdfLine> out;
  for (size_t i = 0; i < lines.size(); ++i) out.push_back({x, top - 14 * static_cast<int>(i), lines[i]});
  return out;
}

TEST(PdfText, ReadsColumnsInOrderRejoinsHyphensAndDropsPageNumbers) {
  std::vector<PdfLine> first = Column(72, 700, {"Cocaine from South America is smug-", "gled through Cape Verde."});
  for (const PdfLine& line : Column(330, 700, {"Heroin arrives from Southern Asia", "by air."})) first.push_back(line);
  first.push_back({300, 40, "1"});
  const std::string pdf = MinimalPdf({first, {{72, 700, "Cannabis is exported to Senegal."}, {300, 40, "2"}}});
  auto text = ReadPdfText(pdf, "report.pdf", 10);
  ASSERT_TRUE(text.ok()) << text.error().ToString();
  ASSERT_EQ(text->pages.size(), 2u);
  const std::string& page = text->pages[0];
  EXPECT_NE(page.find("smuggled through Cape Verde."), std::string::npos) << page;
  EXPECT_LT(page.find("Cape Verde"), page.find("Heroin arrives")) << page;  // the left column first
  EXPECT_EQ(page.find("1\n"), std::string::npos) << page;
  EXPECT_EQ(text->pages[1], "Cannabis is exported to Senegal.\n");
}

TEST(PdfText, DropsRunningHeadersRepeatedOnMostPages) {
  std::vector<std::vector<PdfLine>> pages;
  for (int p = 1; p <= 4; ++p) {
    pages.push_back({{72, 760, "Country Report 2024"}, {72, 700, "Text of page " + std::to_string(p) + "."},
                     {250, 40, "Page " + std::to_string(p) + " of 4"}});
  }
  auto text = ReadPdfText(MinimalPdf(pages), "report.pdf", 10);
  ASSERT_TRUE(text.ok()) << text.error().ToString();
  EXPECT_EQ(text->pages[2], "Text of page 3.\n");
}

TEST(PdfText, RefusesDamagedFilesAndTooManyPages) {
  auto damaged = ReadPdfText("%PDF-1.4\nnothing else", "bad.pdf", 10);
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(damaged.error().ToString().find("bad.pdf"), std::string::npos);
  auto long_one = ReadPdfText(MinimalPdf({{{72, 700, "a"}}, {{72, 700, "b"}}}), "long.pdf", 1);
  ASSERT_FALSE(long_one.ok());
  EXPECT_NE(long_one.error().ToString().find("2 pages, more than the 1"), std::string::npos)
      << long_one.error().ToString();
}

TEST(ReadDocument, TellsTheFormatAndKeepsPageStarts) {
  test::TempDir dir;
  const std::string pdf = dir.File("report.bin");  // told by its content, not its name
  ASSERT_TRUE(test::WriteFile(pdf, MinimalPdf({{{72, 700, "One."}}, {{72, 700, "Two."}}})).ok());
  auto document = ReadDocument(pdf);
  ASSERT_TRUE(document.ok()) << document.error().ToString();
  EXPECT_EQ(document->format, DocumentFormat::kPdf);
  EXPECT_EQ(document->text, "One.\nTwo.\n");
  EXPECT_EQ(document->page_starts, (std::vector<uint32_t>{0, 5}));

  const std::string html = dir.File("page.htm");
  ASSERT_TRUE(test::WriteFile(html, "<p>Hi</p>").ok());
  EXPECT_EQ(ReadDocument(html)->format, DocumentFormat::kHtml);
  const std::string markdown = dir.File("notes.md");
  ASSERT_TRUE(test::WriteFile(markdown, "# Hi").ok());
  EXPECT_EQ(ReadDocument(markdown)->format, DocumentFormat::kMarkdown);

  auto too_big = ReadDocument(html, {.max_bytes = 4, .max_pages = 10});
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.error().ToString().find("page.htm"), std::string::npos);
  EXPECT_EQ(ReadDocument(dir.File("missing.txt")).error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace ocindex::adapters::io
