// The formula guard of CSV and xlsx exports (issue 18, OWASP's CSV injection rule).
#include "adapters/io/spreadsheet_text.h"

#include <gtest/gtest.h>

#include "adapters/io/csv_writer.h"

namespace ocindex::adapters::io {
namespace {

TEST(SpreadsheetText, FormulaLeadingTextGainsAnApostrophe) {
  EXPECT_EQ(SpreadsheetText("=HYPERLINK(\"http://evil.example\",\"x\")"),
            "'=HYPERLINK(\"http://evil.example\",\"x\")");
  EXPECT_EQ(SpreadsheetText("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(SpreadsheetText("-2+3"), "'-2+3");
  EXPECT_EQ(SpreadsheetText("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(SpreadsheetText("\t=1"), "'\t=1");
  EXPECT_EQ(SpreadsheetText("\r=1"), "'\r=1");
  EXPECT_EQ(SpreadsheetText("- a bullet"), "'- a bullet");
  EXPECT_EQ(SpreadsheetText("-"), "'-");
}

TEST(SpreadsheetText, NumbersAndOrdinaryTextStayAsTheyAre) {
  for (const char* text : {"-1.5", "+2", "-.5", "1e-3", "-2E+10", "7", "", "Kazakhstan", "a=b", "'quoted", "x-y"}) {
    EXPECT_EQ(SpreadsheetText(text), text);
  }
  for (const char* text : {"-1.5.2", "-e5", "--1", "+", "-1e", "-1,5"}) EXPECT_EQ(SpreadsheetText(text), std::string("'") + text);
}

TEST(SpreadsheetText, CsvFieldsAreGuardedThenQuoted) {
  EXPECT_EQ(CsvField("=1+2"), "'=1+2");
  EXPECT_EQ(CsvField("=HYPERLINK(\"u\",\"x\")"), "\"'=HYPERLINK(\"\"u\"\",\"\"x\"\")\"");
  EXPECT_EQ(CsvField("-0.25"), "-0.25");
}

}  // namespace
}  // namespace ocindex::adapters::io
