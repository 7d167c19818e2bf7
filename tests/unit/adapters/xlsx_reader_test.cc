#include "adapters/io/xlsx_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/io/text_file.h"
#include "adapters/io/zip_writer.h"
#include "support/fixtures.h"
#include "support/stored_zip.h"

namespace ocindex::adapters::io {
namespace {

using Cells = std::vector<std::string>;
using test::MakeXlsxParts;
using test::SetPart;
using test::SharedStringsXml;
using test::WorksheetXml;
using test::XlsxOptions;
using test::XlsxParts;
using test::XlsxSheet;

::testing::AssertionResult Contains(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" lacks \"" << part << "\"";
}

class XlsxReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(dir_.path().empty()); }

  // Writes a workbook from a grid and returns its path.
  std::string Write(const std::vector<XlsxSheet>& sheets, const XlsxOptions& options = {}) {
    const std::string path = dir_.File("book.xlsx");
    const Status status = test::WriteXlsx(path, sheets, options);
    EXPECT_TRUE(status.ok()) << status.error().ToString();
    return path;
  }

  std::string WriteParts(const XlsxParts& parts) {
    const std::string path = dir_.File("book.xlsx");
    const Status status = test::WriteXlsxParts(path, parts);
    EXPECT_TRUE(status.ok()) << status.error().ToString();
    return path;
  }

  // A one-sheet workbook named "Data" whose <sheetData> is `sheet_data`.
  std::string WriteSheetXml(const std::string& sheet_data,
                            const std::string& shared_strings_items = "") {
    XlsxParts parts = MakeXlsxParts({{"Data", {}}});
    SetPart(parts, "xl/worksheets/sheet1.xml", WorksheetXml(sheet_data));
    if (!shared_strings_items.empty()) {
      SetPart(parts, "xl/sharedStrings.xml", SharedStringsXml(shared_strings_items));
    }
    return WriteParts(parts);
  }

  Table ReadOk(const std::string& path, std::string_view sheet) {
    Result<Table> table = ReadSheet(path, sheet);
    EXPECT_TRUE(table.ok()) << table.error().ToString();
    return table.ok() ? std::move(table).value() : Table{};
  }

  Error ReadError(const std::string& path, std::string_view sheet) {
    Result<Table> table = ReadSheet(path, sheet);
    EXPECT_FALSE(table.ok());
    return table.ok() ? Error{} : table.error();
  }

  test::TempDir dir_;
};

const std::vector<XlsxSheet> kGociLike = {
    {"2023_Global_OC_Index", {{"GLOBAL ORGANIZED CRIME INDEX"}}},
    {"2023_dataset",
     {{"Continent", "Region", "Country", "Criminality avg,"},
      {"Africa", "East Africa", "Kenya", "4.0199999999999996"},
      {"Europe", "Western Europe", "Andorra", "2.5"}}},
};

TEST_F(XlsxReaderTest, ListSheetsInWorkbookOrder) {
  const std::string path = Write(kGociLike);
  Result<std::vector<std::string>> sheets = ListSheets(path);
  ASSERT_TRUE(sheets.ok()) << sheets.error().ToString();
  EXPECT_EQ(*sheets, (Cells{"2023_Global_OC_Index", "2023_dataset"}));
}

TEST_F(XlsxReaderTest, ReadsSharedStringsAndKeepsNumberTextExactly) {
  const Table table = ReadOk(Write(kGociLike), "2023_dataset");
  EXPECT_EQ(table.sheet, "2023_dataset");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"Continent", "Region", "Country", "Criminality avg,"}));
  EXPECT_EQ(table.rows[1].number, 2u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"Africa", "East Africa", "Kenya", "4.0199999999999996"}));
  EXPECT_EQ(table.rows[2].cells, (Cells{"Europe", "Western Europe", "Andorra", "2.5"}));
}

TEST_F(XlsxReaderTest, ReadsInlineStrings) {
  XlsxOptions options;
  options.inline_strings = true;
  const std::string path = Write(kGociLike, options);
  const Table table = ReadOk(path, "2023_dataset");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"Africa", "East Africa", "Kenya", "4.0199999999999996"}));
}

TEST_F(XlsxReaderTest, SkippedColumnsAndRowsKeepTheirPositions) {
  const std::string path =
      Write({{"Data", {{"a", "", "c"}, {}, {"", "", "", "4.5"}, {"", "", "", ""}, {"x"}}}});
  const Table table = ReadOk(path, "Data");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"a", "", "c"}));
  EXPECT_EQ(table.rows[1].number, 3u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"", "", "", "4.5"}));
  EXPECT_EQ(table.rows[2].number, 5u);
  EXPECT_EQ(table.rows[2].cells, (Cells{"x"}));
}

TEST_F(XlsxReaderTest, RowsWithOnlyEmptyCellsAreDropped) {
  const Table table =
      ReadOk(WriteSheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                           "<row r=\"2\"><c r=\"A2\" s=\"3\"/><c r=\"B2\"><v></v></c>"
                           "</row><row r=\"3\"><c r=\"B3\"><v>2</v></c></row>"),
             "Data");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[1].number, 3u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"", "2"}));
}

TEST_F(XlsxReaderTest, AbsoluteRelationshipTargets) {
  XlsxOptions options;
  options.absolute_targets = true;
  const std::string path = Write(kGociLike, options);
  const Table table = ReadOk(path, "2023_dataset");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[2].cells[2], "Andorra");
}

TEST_F(XlsxReaderTest, SheetOrderFollowsWorkbookNotPartNames) {
  // Sheet tabs reordered in Excel: the workbook lists sheet2.xml first.
  XlsxParts parts = MakeXlsxParts({{"First", {{"one"}}}, {"Second", {{"two"}}}});
  SetPart(parts, "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/worksheet\" Target=\"./worksheets/../worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
          "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
  const std::string path = WriteParts(parts);
  EXPECT_EQ(ReadOk(path, "First").rows[0].cells, (Cells{"two"}));
  EXPECT_EQ(ReadOk(path, "Second").rows[0].cells, (Cells{"one"}));
}

TEST_F(XlsxReaderTest, ReadAllSheetsReturnsEveryWorksheetInOrder) {
  Result<std::vector<Table>> tables = ReadAllSheets(Write(kGociLike));
  ASSERT_TRUE(tables.ok()) << tables.error().ToString();
  ASSERT_EQ(tables->size(), 2u);
  EXPECT_EQ((*tables)[0].sheet, "2023_Global_OC_Index");
  EXPECT_EQ((*tables)[1].sheet, "2023_dataset");
  EXPECT_EQ((*tables)[1].rows.size(), 3u);
}

TEST_F(XlsxReaderTest, ParseAllSheetsReadsBytesInMemoryLikeTheFile) {
  const std::string path = Write(kGociLike);
  Result<std::string> bytes = ReadTextFile(path);
  ASSERT_TRUE(bytes.ok());
  Result<std::vector<Table>> tables = ParseAllSheets(*bytes, "upload.xlsx");
  ASSERT_TRUE(tables.ok()) << tables.error().ToString();
  ASSERT_EQ(tables->size(), 2u);
  EXPECT_EQ((*tables)[1].source, "upload.xlsx");
  EXPECT_EQ((*tables)[1].rows.size(), ReadAllSheets(path)->at(1).rows.size());

  // Cut short, the archive is refused, naming its source.
  Result<std::vector<Table>> cut = ParseAllSheets(bytes->substr(0, bytes->size() / 2), "upload.xlsx");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(cut.error().where, "upload.xlsx");
}

TEST_F(XlsxReaderTest, SheetNamesMatchCaseInsensitivelyAsInExcel) {
  const Table table = ReadOk(Write(kGociLike), "2023_DATASET");
  EXPECT_EQ(table.sheet, "2023_dataset");
}

TEST_F(XlsxReaderTest, SheetNotFoundListsTheSheets) {
  const std::string path = Write(kGociLike);
  const Error error = ReadError(path, "2025_dataset");
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.where, path);
  EXPECT_TRUE(Contains(error.message, "no sheet named \"2025_dataset\""));
  EXPECT_TRUE(
      Contains(error.message, "available sheets: \"2023_Global_OC_Index\", \"2023_dataset\""));
}

TEST_F(XlsxReaderTest, RichTextAndWhitespaceInSharedStrings) {
  const Table table = ReadOk(
      WriteSheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>",
                    "<si><r><t xml:space=\"preserve\">GLOBAL ORGANIZED CRIME INDEX - </t></r>"
                    "<r><rPr><sz val=\"48\"/></rPr><t>2023</t></r></si>"
                    "<si><t xml:space=\"preserve\"> </t></si>"
                    "<si><t>line_x000D_&#10;break _x005F_x0041_</t></si>"
                    "<si><t>\xE6\xBC\xA2</t><rPh sb=\"0\" eb=\"1\"><t>kan</t></rPh></si>"),
      "Data");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"GLOBAL ORGANIZED CRIME INDEX - 2023", " ",
                                        "line\r\nbreak _x0041_", "\xE6\xBC\xA2"}));
}

TEST_F(XlsxReaderTest, BooleansErrorsFormulaStringsAndNumbers) {
  const Table table = ReadOk(
      WriteSheetXml("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>"
                    "<c r=\"C1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                    "<c r=\"D1\" t=\"str\"><f>A1&amp;\"x\"</f><v>TRUEx</v></c>"
                    "<c r=\"E1\" s=\"2\"><v>4.0199999999999996</v></c>"
                    "<c r=\"F1\" t=\"n\"><v>1.0000000000000001E-3</v></c>"
                    "<c r=\"G1\"><f>SUM(E1:F1)</f><v>-0.5</v></c></row>"),
      "Data");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"TRUE", "FALSE", "#DIV/0!", "TRUEx", "4.0199999999999996",
                                        "1.0000000000000001E-3", "-0.5"}));
}

TEST_F(XlsxReaderTest, CellsWithoutReferencesTakeTheNextPosition) {
  const Table table = ReadOk(
      WriteSheetXml("<row><c><v>1</v></c><c r=\"D1\"><v>4</v></c><c><v>5</v></c></row>"
                    "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
                    "<row r=\"9\"><c r=\"AA9\"><v>27</v></c></row><row><c><v>10</v></c></row>"),
      "Data");
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0].number, 1u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"1", "", "", "4", "5"}));
  EXPECT_EQ(table.rows[1].number, 2u);
  EXPECT_EQ(table.rows[1].cells, (Cells{"x"}));
  EXPECT_EQ(table.rows[2].number, 9u);
  ASSERT_EQ(table.rows[2].cells.size(), 27u);
  EXPECT_EQ(table.rows[2].cells[26], "27");
  EXPECT_EQ(table.rows[3].number, 10u);
}

TEST_F(XlsxReaderTest, WorkbookWithoutSharedStringsPart) {
  const std::string path = Write({{"Numbers", {{"1", "2"}, {"3.25", "-4"}}}});
  Result<std::vector<Table>> tables = ReadAllSheets(path);
  ASSERT_TRUE(tables.ok()) << tables.error().ToString();
  EXPECT_EQ((*tables)[0].rows[1].cells, (Cells{"3.25", "-4"}));
}

TEST_F(XlsxReaderTest, MissingPackageRelationshipsFallBackToXlWorkbook) {
  XlsxParts parts = MakeXlsxParts(kGociLike);
  test::RemovePart(parts, "_rels/.rels");
  EXPECT_EQ(ReadOk(WriteParts(parts), "2023_dataset").rows.size(), 3u);
}

TEST_F(XlsxReaderTest, SharedStringIndexOutOfRangeNamesTheCell) {
  const std::string path =
      WriteSheetXml("<row r=\"4\"><c r=\"B4\" t=\"s\"><v>7</v></c></row>", "<si><t>only</t></si>");
  const Error error = ReadError(path, "Data");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, path + ", sheet Data, row 4, column B");
  EXPECT_TRUE(Contains(error.message, "shared string index \"7\" is out of range"));
  EXPECT_TRUE(Contains(error.message, "expected 0 to 0"));
}

TEST_F(XlsxReaderTest, InvalidCellReferenceIsAnError) {
  const std::string path = WriteSheetXml("<row r=\"2\"><c r=\"1A\"><v>1</v></c></row>");
  const Error error = ReadError(path, "Data");
  EXPECT_EQ(error.where, path + ", sheet Data, row 2");
  EXPECT_TRUE(Contains(error.message, "invalid cell reference \"1A\""));
  EXPECT_TRUE(Contains(error.message, "like B7"));
}

TEST_F(XlsxReaderTest, NotAZipArchive) {
  const std::string path = dir_.File("book.xlsx");
  ASSERT_TRUE(test::WriteFile(path, "Country,Score\nKenya,4.02\n").ok());
  const Error error = ReadError(path, "Data");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, path);
  EXPECT_EQ(error.message, "not an xlsx workbook (not a zip archive)");
  ASSERT_FALSE(ListSheets(path).ok());
  EXPECT_EQ(ListSheets(path).error().message, error.message);
}

TEST_F(XlsxReaderTest, LegacyXlsOrEncryptedWorkbookIsNamed) {
  const std::string path = dir_.File("book.xlsx");
  ASSERT_TRUE(test::WriteFile(
                  path, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'))
                  .ok());
  const Error error = ReadError(path, "Data");
  EXPECT_TRUE(Contains(error.message, "not an xlsx workbook (not a zip archive"));
  EXPECT_TRUE(Contains(error.message, "legacy .xls"));
}

TEST_F(XlsxReaderTest, MissingFileIsAnIoError) {
  const std::string path = dir_.File("absent.xlsx");
  Result<std::vector<std::string>> sheets = ListSheets(path);
  ASSERT_FALSE(sheets.ok());
  EXPECT_EQ(sheets.error().code, ErrorCode::kIo);
  EXPECT_EQ(sheets.error().where, path);
  EXPECT_TRUE(Contains(sheets.error().message, "No such file or directory"));
}

TEST_F(XlsxReaderTest, ZipWithoutWorkbookPart) {
  const std::string path = dir_.File("book.xlsx");
  ASSERT_TRUE(WriteZip(path, {{"content.xml", "<office:document/>"}}).ok());
  const Error error = ReadError(path, "Data");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, path);
  EXPECT_TRUE(Contains(error.message, "not an xlsx workbook"));
  EXPECT_TRUE(Contains(error.message, "no xl/workbook.xml"));
}

TEST_F(XlsxReaderTest, MalformedSheetXmlGivesParserReasonAndOffset) {
  const std::string path = WriteSheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
  const Error error = ReadError(path, "Data");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where, path + ", sheet Data");
  EXPECT_TRUE(Contains(error.message, "malformed XML in xl/worksheets/sheet1.xml"));
  EXPECT_TRUE(Contains(error.message, "Start-end tags mismatch"));
  EXPECT_TRUE(Contains(error.message, "at byte offset"));
}

TEST_F(XlsxReaderTest, MalformedWorkbookXml) {
  XlsxParts parts = MakeXlsxParts(kGociLike);
  SetPart(parts, "xl/workbook.xml", "<workbook><sheets><sheet name=\"a\" </sheets></workbook>");
  const std::string path = WriteParts(parts);
  Result<std::vector<std::string>> sheets = ListSheets(path);
  ASSERT_FALSE(sheets.ok());
  EXPECT_EQ(sheets.error().where, path);
  EXPECT_TRUE(Contains(sheets.error().message, "malformed XML in xl/workbook.xml"));
  EXPECT_TRUE(Contains(sheets.error().message, "at byte offset"));
}

// A zip whose only entry, stored, claims `claimed_size` uncompressed bytes: what a
// zip bomb looks like to the reader, without writing hundreds of MiB in a test.
std::string ZipClaimingSize(const std::string& name, const std::string& data, uint32_t claimed_size) {
  return test::StoredZip({{name, data, claimed_size}});
}

TEST_F(XlsxReaderTest, RefusesEntriesAbove256MiB) {
  const std::string path = dir_.File("bomb.xlsx");
  ASSERT_TRUE(
      test::WriteFile(path, ZipClaimingSize("xl/workbook.xml", "<workbook/>", 300u << 20)).ok());
  Result<std::vector<std::string>> sheets = ListSheets(path);
  ASSERT_FALSE(sheets.ok());
  EXPECT_EQ(sheets.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(sheets.error().where, path);
  EXPECT_TRUE(Contains(sheets.error().message, "xl/workbook.xml inflates to more than 256 MiB"));

  // The same hand-made archive with an honest size reads fine.
  ASSERT_TRUE(test::WriteFile(path, ZipClaimingSize("xl/workbook.xml", "<workbook/>", 11)).ok());
  Result<std::vector<std::string>> honest = ListSheets(path);
  ASSERT_TRUE(honest.ok()) << honest.error().ToString();
  EXPECT_TRUE(honest->empty());
}

TEST(XlsxTableTest, WhereUsesRowsAndColumnLetters) {
  Table table;
  table.source = "data.xlsx";
  table.sheet = "2023_dataset";
  EXPECT_EQ(table.Where(12, 5), "data.xlsx, sheet 2023_dataset, row 12, column F");
  EXPECT_EQ(table.Where(12), "data.xlsx, sheet 2023_dataset, row 12");
}

TEST(XlsxTableTest, ColumnLetters) {
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
  EXPECT_EQ(ColumnLetters(38), "AM");
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(702), "AAA");
  EXPECT_EQ(ColumnLetters(16383), "XFD");
  EXPECT_EQ(ColumnLetters(-1), "");
}

}  // namespace
}  // namespace ocindex::adapters::io
