#include "adapters/io/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/fixtures.h"

namespace ocindex::adapters::io {
namespace {

using Cells = std::vector<std::string>;

::testing::AssertionResult Contains(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" lacks \"" << part << "\"";
}

Table ParseOk(std::string_view text) {
  Result<Table> table = ParseCsv(text, "data.csv");
  EXPECT_TRUE(table.ok()) << table.error().ToString();
  return table.ok() ? std::move(table).value() : Table{};
}

Error ParseError(std::string_view text) {
  Result<Table> table = ParseCsv(text, "data.csv");
  EXPECT_FALSE(table.ok()) << "parsed " << table->rows.size() << " rows";
  return table.ok() ? Error{} : table.error();
}

TEST(CsvReaderTest, ReadsHeaderAndRowsWithLineNumbers) {
  const Table table = ParseOk("Country,Score\nKenya,4.0199999999999996\nPeru,5\n");
  EXPECT_EQ(table.source, "data.csv");
  EXPECT_EQ(table.sheet, "");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"Country", "Score"}));
  EXPECT_EQ(table.rows[1].number, 2u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"Kenya", "4.0199999999999996"}));
  EXPECT_EQ(table.rows[2].cells, (Cells{"Peru", "5"}));
}

TEST(CsvReaderTest, LastLineNeedsNoLineEnd) {
  const Table table = ParseOk("a,b\n1,2");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"1", "2"}));
}

TEST(CsvReaderTest, QuotedFieldsKeepCommasAndDoubledQuotes) {
  const Table table = ParseOk("name,note\n\"Congo, Dem. Rep.\",\"say \"\"hi\"\"\"\n\"\",x\n");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"Congo, Dem. Rep.", "say \"hi\""}));
  EXPECT_EQ(table.rows[2].cells, (Cells{"", "x"}));
}

TEST(CsvReaderTest, QuotedFieldMaySpanLinesAndRowNumberIsItsFirstLine) {
  const Table table = ParseOk("a,b\n1,\"first\nsecond\nthird\"\n2,x\n");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1].number, 2u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"1", "first\nsecond\nthird"}));
  EXPECT_EQ(table.rows[2].number, 5u);  // the physical line, after the multi-line record
  EXPECT_EQ(table.rows[2].cells, (Cells{"2", "x"}));
}

TEST(CsvReaderTest, CrlfLineEnds) {
  const Table table = ParseOk("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"a", "b"}));
  // A line break inside a cell reads as "\n" whatever the file's line ends.
  EXPECT_EQ(table.rows[1].cells, (Cells{"1", "x\ny"}));
  EXPECT_EQ(table.rows[2].number, 4u);
  EXPECT_EQ(table.rows[2].cells, (Cells{"2", "3"}));
}

TEST(CsvReaderTest, LoneCarriageReturnEndsALine) {
  const Table table = ParseOk("a,b\r1,2\r");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1].number, 2u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"1", "2"}));
}

TEST(CsvReaderTest, Utf8ByteOrderMarkIsSkipped) {
  const Table table = ParseOk(
      "\xEF\xBB\xBF"
      "Country,Score\nC\xC3\xB4te d'Ivoire,6.1\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"Country", "Score"}));
  EXPECT_EQ(table.rows[1].cells, (Cells{"C\xC3\xB4te d'Ivoire", "6.1"}));
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCountInLineNumbers) {
  const Table table = ParseOk("\na,b\n\n  \n1,2\n\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].number, 2u);
  EXPECT_EQ(table.rows[1].number, 5u);
}

TEST(CsvReaderTest, CellsAreNotTrimmedAndEmptyFieldsKept) {
  const Table table = ParseOk("a,b,c\n x , y,\n,,\n");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1].cells, (Cells{" x ", " y", ""}));
  EXPECT_EQ(table.rows[2].cells, (Cells{"", "", ""}));
}

TEST(CsvReaderTest, EmptyFileIsAnError) {
  for (std::string_view text : {"", "\xEF\xBB\xBF", "\n\r\n  \n"}) {
    const Error error = ParseError(text);
    EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
    EXPECT_EQ(error.where, "data.csv");
    EXPECT_EQ(error.message, "the file is empty: expected a header row");
  }
}

TEST(CsvReaderTest, Latin1IsRejectedWithLineAndByte) {
  // "Côte" in Latin-1: 0xF4 is not UTF-8.
  const Error error = ParseError("Country,Score\nC\xF4te d'Ivoire,6.1\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, "data.csv, line 2, column 1");
  EXPECT_TRUE(Contains(error.message, "invalid UTF-8"));
  EXPECT_TRUE(Contains(error.message, "byte 0xF4 at byte 2 of the line"));
  EXPECT_TRUE(Contains(error.message, "must be UTF-8"));
  EXPECT_TRUE(Contains(error.message, "Latin-1 or Windows-1252"));
}

TEST(CsvReaderTest, MalformedUtf8SequencesAreRejected) {
  // Overlong "/", a UTF-16 surrogate, a truncated sequence at the end of the file.
  for (std::string_view text : {"a\n\xC0\xAF\n", "a\n\xED\xA0\x80\n", "a\nx\xE2\x82"}) {
    const Error error = ParseError(text);
    EXPECT_TRUE(Contains(error.where, "line 2"));
    EXPECT_TRUE(Contains(error.message, "invalid UTF-8"));
  }
  // Four-byte characters (emoji) are fine.
  EXPECT_EQ(ParseOk("a\n\xF0\x9F\x98\x80\n").rows[1].cells, (Cells{"\xF0\x9F\x98\x80"}));
}

TEST(CsvReaderTest, InvalidUtf8ColumnCountsFields) {
  const Error error = ParseError("a,b,c\n1,\"x,\xE9\",3\n");
  EXPECT_EQ(error.where, "data.csv, line 2, column 2");
  EXPECT_TRUE(Contains(error.message, "at byte 6 of the line"));
}

TEST(CsvReaderTest, Utf16ByteOrderMarkIsRecognised) {
  const Error little =
      ParseError(std::string_view("\xFF\xFE"
                                  "a\0,\0b\0",
                                  8));
  EXPECT_EQ(little.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(little.where, "data.csv, line 1");
  EXPECT_TRUE(Contains(little.message, "UTF-16"));
  EXPECT_TRUE(Contains(little.message, "FF FE"));
  EXPECT_TRUE(Contains(little.message, "must be UTF-8"));

  const Error big = ParseError(std::string_view("\xFE\xFF\0a", 4));
  EXPECT_TRUE(Contains(big.message, "UTF-16"));
  EXPECT_TRUE(Contains(big.message, "FE FF"));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesTheLineWhereItOpened) {
  const Error error = ParseError("a,b\n1,2\n3,\"open\nstill open\n4,5\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, "data.csv, line 3, column 2");
  EXPECT_TRUE(Contains(error.message, "unterminated quoted field"));
  EXPECT_TRUE(Contains(error.message, "expected a closing \""));
}

TEST(CsvReaderTest, StrayQuoteInUnquotedFieldIsAnError) {
  const Error error = ParseError("a,b\n1,5\" tall\n");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, "data.csv, line 2, column 2");
  EXPECT_TRUE(Contains(error.message, "stray double quote at byte 4 of the line"));
  EXPECT_TRUE(Contains(error.message, "expected the whole field in quotes"));
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  const Error error = ParseError("a,b\n\"x\"y,2\n");
  EXPECT_EQ(error.where, "data.csv, line 2, column 1");
  EXPECT_TRUE(Contains(error.message, "after the closing quote"));
  EXPECT_TRUE(Contains(error.message, "expected a comma or the end of the line"));
}

TEST(CsvReaderTest, NulByteMeansBinaryFile) {
  const Error error = ParseError(std::string_view("a,b\n1,x\0y\n", 10));
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, "data.csv, line 2, column 2");
  EXPECT_TRUE(Contains(error.message, "NUL byte at byte 4 of the line"));
  EXPECT_TRUE(Contains(error.message, "binary file"));
  EXPECT_TRUE(Contains(error.message, "not a UTF-8 CSV file"));
}

TEST(CsvReaderTest, ErrorToStringJoinsWhereAndMessage) {
  const Error error = ParseError("a\n\"x\n");
  EXPECT_EQ(error.ToString().rfind("data.csv, line 2, column 1: unterminated", 0), 0u)
      << error.ToString();
}

TEST(CsvReaderTest, ReadCsvFileUsesThePathAsSource) {
  test::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const std::string path = dir.File("scores.csv");
  ASSERT_TRUE(test::WriteFile(path, "a,b\r\n1,2\r\n").ok());
  Result<Table> table = ReadCsvFile(path);
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_EQ(table->source, path);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[1].cells, (Cells{"1", "2"}));

  ASSERT_TRUE(test::WriteFile(path, "a\n\"b\n").ok());
  Result<Table> broken = ReadCsvFile(path);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().where, path + ", line 2, column 1");
}

TEST(CsvReaderTest, ReadCsvFileReportsTheOsReason) {
  test::TempDir dir;
  const std::string path = dir.File("missing.csv");
  Result<Table> table = ReadCsvFile(path);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kIo);
  EXPECT_EQ(table.error().where, path);
  EXPECT_TRUE(Contains(table.error().message, "cannot open"));
  EXPECT_TRUE(Contains(table.error().message, "No such file or directory"));
}

TEST(CsvReaderTest, ReadCsvFileOnADirectorySaysSo) {
  test::TempDir dir;
  Result<Table> table = ReadCsvFile(dir.path());
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(Contains(table.error().message, "is a directory, expected a file"));
}

TEST(CsvTableTest, WhereUsesLinesAndColumnNumbers) {
  Table table;
  table.source = "data.csv";
  EXPECT_EQ(table.Where(12, 2), "data.csv, line 12, column 3");
  EXPECT_EQ(table.Where(12), "data.csv, line 12");
}

}  // namespace
}  // namespace ocindex::adapters::io
