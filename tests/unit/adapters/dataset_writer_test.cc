#include "adapters/io/dataset_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/bundled/bundled_data.h"
#include "adapters/catalog/catalog.h"
#include "adapters/io/csv_reader.h"
#include "adapters/io/dataset_reader.h"
#include "adapters/io/xlsx_reader.h"
#include "core/model/geography.h"
#include "support/fixtures.h"
#include "support/tiny_framework.h"

namespace ocindex::adapters::io {
namespace {

using test_support::AddCountry;
using test_support::Country;
using test_support::MiniGoci;
using test_support::SetPublished;

core::Geography TinyGeography() {
  auto geography = core::Geography::Build({{"COD", "Democratic Republic of the Congo", {"DRC"}},
                                           {"KAZ", "Kazakhstan", {}},
                                           {"NZL", "New Zealand", {}}});
  EXPECT_TRUE(geography.ok()) << geography.error().ToString();
  return geography.ok() ? *geography : core::Geography();
}

// Three countries on MiniGoci whose composites are worked out by hand below, with the
// publisher's printed figures equal to them (as in the bundled editions).
//
// COD: markets (6 + 5 + 4.5 + 3) / 4 = 4.625 -> 4.63; actors (7 + 8) / 2 = 7.5;
//      criminality (4.625 + 7.5) / 2 = 6.0625 -> 6.06 (from the unrounded 4.625);
//      resilience (4 + 5 + 6) / 3 = 5; governance 4.5; justice 6.
// KAZ: markets 2 (only human trafficking assessed); actors 1; criminality 1.5;
//      resilience (10 + 9.5) / 2 = 9.75; governance 9.75; justice not assessed.
// NZL: markets (1 + 1 + 1.5) / 3 = 1.1666.. -> 1.17; actors 2.25;
//      criminality (7/6 + 9/4) / 2 = 41/24 = 1.7083.. -> 1.71;
//      resilience 1.1666.. -> 1.17; governance 1; justice 1.5.
class DatasetWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    int cod = AddCountry(dataset_, framework_, Country("COD", "Africa", "Central Africa", "Congo, Dem. Rep."),
                         {{"human_trafficking", "6"},
                          {"human_smuggling", "5"},
                          {"extortion", "4.5"},
                          {"heroin_trade", "3"},
                          {"mafia_groups", "7"},
                          {"criminal_networks", "8"},
                          {"political_leadership", "4"},
                          {"transparency", "5"},
                          {"judicial_system", "6"}});
    Publish(cod, {"6.06", "4.63", "7.5", "5", "4.5", "6"});
    int kaz = AddCountry(dataset_, framework_, Country("KAZ", "Asia", "Central Asia", "Kazakhstan \"KZ\""),
                         {{"human_trafficking", "2"},
                          {"mafia_groups", "1"},
                          {"political_leadership", "10"},
                          {"transparency", "9.5"}});
    Publish(kaz, {"1.5", "2", "1", "9.75", "9.75", ""});
    int nzl = AddCountry(dataset_, framework_, Country("NZL", "Oceania", "Australia & Pacific", "New Zealand"),
                         {{"human_trafficking", "1"},
                          {"human_smuggling", "1"},
                          {"extortion", "1.5"},
                          {"mafia_groups", "2"},
                          {"criminal_networks", "2.5"},
                          {"political_leadership", "1"},
                          {"transparency", "1"},
                          {"judicial_system", "1.5"}});
    Publish(nzl, {"1.71", "1.17", "2.25", "1.17", "1", "1.5"});
  }

  // Printed figures for the composites in order; "" for none.
  void Publish(int country, const std::vector<std::string_view>& figures) {
    const char* composites[] = {"criminality", "criminal_markets", "criminal_actors",
                                "resilience",  "governance",       "justice"};
    for (size_t k = 0; k < figures.size(); ++k) {
      if (!figures[k].empty()) SetPublished(dataset_, framework_, country, composites[k], figures[k]);
    }
  }

  core::Framework framework_ = MiniGoci("2023");
  core::Dataset dataset_ = core::Dataset::ShapedFor(framework_);
  core::Geography geography_ = TinyGeography();
  test::TempDir dir_;
};

TEST_F(DatasetWriterTest, CsvIsTheProjectFormat) {
  EXPECT_EQ(DatasetCsv(framework_, dataset_),
            "iso3,country,continent,region,criminality,criminal_markets,criminal_actors,resilience,governance,"
            "justice,human_trafficking,human_smuggling,extortion,heroin_trade,mafia_groups,criminal_networks,"
            "political_leadership,transparency,judicial_system\n"
            "COD,\"Congo, Dem. Rep.\",Africa,Central Africa,6.06,4.63,7.5,5,4.5,6,6,5,4.5,3,7,8,4,5,6\n"
            "KAZ,\"Kazakhstan \"\"KZ\"\"\",Asia,Central Asia,1.5,2,1,9.75,9.75,NA,2,NA,NA,NA,1,NA,10,9.5,NA\n"
            "NZL,New Zealand,Oceania,Australia & Pacific,1.71,1.17,2.25,1.17,1,1.5,1,1,1.5,NA,2,2.5,1,1,1.5\n");
}

TEST_F(DatasetWriterTest, CsvWritesRecomputedCompositesNotStoredOnes) {
  // A stored printed figure that disagrees (or is missing) does not leak into the export.
  dataset_.published_value(0, *framework_.FindNode("criminality")) = core::Rational(9);
  dataset_.published_value(2, *framework_.FindNode("resilience")) = std::nullopt;
  const std::string csv = DatasetCsv(framework_, dataset_);
  EXPECT_NE(csv.find("COD,\"Congo, Dem. Rep.\",Africa,Central Africa,6.06,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Australia & Pacific,1.71,1.17,2.25,1.17,"), std::string::npos) << csv;
}

TEST_F(DatasetWriterTest, CsvQuotesOnlyWhatNeedsIt) {
  dataset_.countries[2].region = "Line\nbreak";
  dataset_.countries[2].continent = "Plain;text 'x'";
  const std::string csv = DatasetCsv(framework_, dataset_);
  EXPECT_NE(csv.find("NZL,New Zealand,Plain;text 'x',\"Line\nbreak\",1.71"), std::string::npos) << csv;
}

TEST_F(DatasetWriterTest, CsvRoundTripsThroughTheReader) {
  const std::string csv = DatasetCsv(framework_, dataset_);
  Result<Table> table = ParseCsv(csv, "export.csv");
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  Result<core::Dataset> back = ReadDataset(*table, framework_, geography_);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_TRUE(core::SameFigures(dataset_, *back));
  ASSERT_EQ(back->country_count(), 3);
  EXPECT_EQ(back->countries[0].name, "Congo, Dem. Rep.");
  EXPECT_EQ(back->countries[1].name, "Kazakhstan \"KZ\"");
}

TEST_F(DatasetWriterTest, CsvOfAnEmptyDatasetIsTheHeader) {
  const core::Dataset empty = core::Dataset::ShapedFor(framework_);
  const std::string csv = DatasetCsv(framework_, empty);
  EXPECT_EQ(csv.find('\n'), csv.size() - 1);
  EXPECT_TRUE(csv.starts_with("iso3,country,continent,region,criminality,"));
}

TEST_F(DatasetWriterTest, JsonHoldsNumbersAndNulls) {
  const nlohmann::json json = DatasetJson(framework_, dataset_);
  EXPECT_EQ(json["edition"], "2023");
  EXPECT_EQ(json["framework"], framework_.id);
  EXPECT_EQ(json["decimals"], 2);
  ASSERT_TRUE(json["countries"].is_array());
  ASSERT_EQ(json["countries"].size(), 3u);

  const nlohmann::json& cod = json["countries"][0];
  EXPECT_EQ(cod["iso3"], "COD");
  EXPECT_EQ(cod["name"], "Congo, Dem. Rep.");
  EXPECT_EQ(cod["continent"], "Africa");
  EXPECT_EQ(cod["region"], "Central Africa");
  ASSERT_TRUE(cod["composites"]["criminality"].is_number());
  EXPECT_DOUBLE_EQ(cod["composites"]["criminality"].get<double>(), 6.06);  // rounded, not 6.0625
  EXPECT_DOUBLE_EQ(cod["composites"]["criminal_markets"].get<double>(), 4.63);
  EXPECT_DOUBLE_EQ(cod["scores"]["extortion"].get<double>(), 4.5);
  EXPECT_EQ(cod["composites"].size(), 6u);  // pillars and components; groups are display only
  EXPECT_FALSE(cod["composites"].contains("people"));
  EXPECT_EQ(cod["scores"].size(), framework_.indicators.size());

  const nlohmann::json& kaz = json["countries"][1];
  EXPECT_TRUE(kaz["composites"]["justice"].is_null());
  EXPECT_TRUE(kaz["scores"]["heroin_trade"].is_null());
  EXPECT_DOUBLE_EQ(kaz["composites"]["resilience"].get<double>(), 9.75);

  EXPECT_DOUBLE_EQ(json["countries"][2]["composites"]["criminality"].get<double>(), 1.71);
  // Numbers print as their shortest form.
  EXPECT_NE(json.dump().find("\"criminality\":6.06"), std::string::npos);
}

TEST_F(DatasetWriterTest, XlsxRoundTripsThroughTheReader) {
  const std::string path = dir_.File("export.xlsx");
  Status written = WriteDatasetXlsx(path, framework_, dataset_);
  ASSERT_TRUE(written.ok()) << written.error().ToString();

  Result<std::vector<Table>> sheets = ReadAllSheets(path);
  ASSERT_TRUE(sheets.ok()) << sheets.error().ToString();
  ASSERT_EQ(sheets->size(), 2u);
  const Table& data = (*sheets)[0];
  EXPECT_EQ(data.sheet, "2023_dataset");
  ASSERT_FALSE(data.rows.empty());
  const std::vector<std::string>& header = data.rows[0].cells;
  ASSERT_GE(header.size(), 7u);
  EXPECT_EQ(header[0], "Continent");
  EXPECT_EQ(header[1], "Region");
  EXPECT_EQ(header[2], "Country");
  EXPECT_EQ(header[3], "ISO3");
  EXPECT_EQ(header[4], "Criminality");
  EXPECT_EQ(header[6], "Criminal actors");
  EXPECT_EQ(header.back(), "Judicial system");
  ASSERT_EQ(data.rows.size(), 4u);
  EXPECT_EQ(data.rows[1].cells[2], "Congo, Dem. Rep.");
  EXPECT_EQ(data.rows[1].cells[4], "6.06");  // a numeric cell, written short

  Result<core::Dataset> back = ReadDataset(data, framework_, geography_);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_TRUE(core::SameFigures(dataset_, *back));
  EXPECT_EQ(back->countries[1].name, "Kazakhstan \"KZ\"");

  const Table& rules = (*sheets)[1];
  EXPECT_EQ(rules.sheet, "framework");
  ASSERT_EQ(rules.rows.size(), 1 + framework_.nodes.size() + framework_.indicators.size());
  EXPECT_EQ(rules.rows[0].cells, (std::vector<std::string>{"Id", "Kind", "Name", "Parent / group", "Definition"}));
  EXPECT_EQ(rules.rows[1].cells, (std::vector<std::string>{"criminality", "pillar", "Criminality"}));
  EXPECT_EQ(rules.rows[2].cells,
            (std::vector<std::string>{"criminal_markets", "component", "Criminal markets", "criminality"}));
  EXPECT_EQ(rules.rows.back().cells,
            (std::vector<std::string>{"judicial_system", "indicator", "Judicial system", "justice"}));
}

TEST_F(DatasetWriterTest, XlsxHeaderFallsBackToIdsWhenANameIsAmbiguous) {
  // A composite named like a fixed column would be misread; of two measures sharing a
  // name, the reader finds the indicator (indicators before nodes), so the node needs its id.
  framework_.nodes[static_cast<size_t>(*framework_.FindNode("justice"))].name = "Region";
  framework_.nodes[static_cast<size_t>(*framework_.FindNode("governance"))].name = "Judicial system";
  const std::string path = dir_.File("ambiguous.xlsx");
  Status written = WriteDatasetXlsx(path, framework_, dataset_);
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  Result<Table> data = ReadSheet(path, "2023_dataset");
  ASSERT_TRUE(data.ok()) << data.error().ToString();
  EXPECT_EQ(data->rows[0].cells[8], "governance");
  EXPECT_EQ(data->rows[0].cells[9], "justice");
  EXPECT_EQ(data->rows[0].cells.back(), "Judicial system");
  Result<core::Dataset> back = ReadDataset(*data, framework_, geography_);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_TRUE(core::SameFigures(dataset_, *back));
}

// Issue 18: text that a spreadsheet would run as a formula is written as text in both
// exports; numbers stay numbers.
TEST_F(DatasetWriterTest, FormulaLeadingTextIsNeutralisedInCsvAndXlsx) {
  dataset_.countries[2].region = "=HYPERLINK(\"http://evil.example\",\"x\")";
  dataset_.countries[2].continent = "@SUM(A1)";
  const std::string csv = DatasetCsv(framework_, dataset_);
  EXPECT_NE(csv.find("NZL,New Zealand,'@SUM(A1),\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",1.71"),
            std::string::npos)
      << csv;
  const std::string path = dir_.File("guarded.xlsx");
  framework_.nodes[static_cast<size_t>(*framework_.FindNode("justice"))].name = "-Justice";
  ASSERT_TRUE(WriteDatasetXlsx(path, framework_, dataset_).ok());
  Result<Table> data = ReadSheet(path, "2023_dataset");
  ASSERT_TRUE(data.ok()) << data.error().ToString();
  EXPECT_EQ(data->rows[3].cells[0], "'@SUM(A1)");
  EXPECT_EQ(data->rows[3].cells[1], "'=HYPERLINK(\"http://evil.example\",\"x\")");
  EXPECT_EQ(data->rows[0].cells[9], "justice");  // a guarded name would not read back: the id
  Result<Table> rules = ReadSheet(path, "framework");
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  EXPECT_EQ(rules->rows[9].cells[2], "'-Justice");
  // The import keeps the apostrophe (the reader keeps cells byte for byte); the figures
  // are the same.
  Result<core::Dataset> back = ReadDataset(*data, framework_, geography_);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back->scores, dataset_.scores);
  EXPECT_EQ(back->countries[2].continent, "'@SUM(A1)");
}

TEST_F(DatasetWriterTest, XlsxReplacesAnExistingFile) {
  const std::string path = dir_.File("export.xlsx");
  ASSERT_TRUE(test::WriteFile(path, "not a workbook").ok());
  Status written = WriteDatasetXlsx(path, framework_, dataset_);
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  Result<std::vector<std::string>> names = ListSheets(path);
  ASSERT_TRUE(names.ok()) << names.error().ToString();
  EXPECT_EQ(*names, (std::vector<std::string>{"2023_dataset", "framework"}));
  // Only the workbook is left in the directory: no temporary file.
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_.path())) ++files;
  EXPECT_EQ(files, 1u);
}

TEST_F(DatasetWriterTest, XlsxSheetNameIsMadeValidForExcel) {
  dataset_.edition = "2023/24 [draft]: a very long edition name";
  const std::string path = dir_.File("odd.xlsx");
  Status written = WriteDatasetXlsx(path, framework_, dataset_);
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  Result<std::vector<std::string>> names = ListSheets(path);
  ASSERT_TRUE(names.ok()) << names.error().ToString();
  ASSERT_EQ(names->size(), 2u);
  EXPECT_EQ((*names)[0], "2023_24 _draft__ a very long ed");
}

TEST_F(DatasetWriterTest, XlsxIntoAMissingDirectoryIsAnIoError) {
  const std::string path = dir_.File("no/such/dir/export.xlsx");
  Status written = WriteDatasetXlsx(path, framework_, dataset_);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code, ErrorCode::kIo);
  EXPECT_EQ(written.error().where, path);
  EXPECT_FALSE(written.error().message.empty());
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(DatasetWriterTest, XlsxRejectsADatasetOfAnotherShape) {
  const core::Dataset other = core::Dataset::ShapedFor(test_support::FlatFramework());
  const std::string path = dir_.File("wrong.xlsx");
  Status written = WriteDatasetXlsx(path, framework_, other);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code, ErrorCode::kInvalidInput);
  EXPECT_FALSE(std::filesystem::exists(path));
}

// ---- the bundled editions ----

std::string_view BundledText(std::string_view path) {
  for (const BundledFile& file : BundledFiles()) {
    if (file.path == path) return file.content;
  }
  ADD_FAILURE() << "no bundled file " << path;
  return {};
}

class BundledDatasetWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    auto geography = BundledGeography();
    ASSERT_TRUE(geography.ok()) << geography.error().ToString();
    geography_ = std::move(*geography);
    auto editions = BundledEditions(geography_);
    ASSERT_TRUE(editions.ok()) << editions.error().ToString();
    editions_ = std::move(*editions);
    ASSERT_FALSE(editions_.empty());
  }

  core::Geography geography_;
  std::vector<EditionToStore> editions_;
  test::TempDir dir_;
};

// The bundled files are in the export format, so exporting them reproduces them byte
// for byte: the recomputed composites equal the printed ones.
TEST_F(BundledDatasetWriterTest, CsvReproducesTheBundledFiles) {
  for (const EditionToStore& edition : editions_) {
    SCOPED_TRACE(edition.framework.id);
    EXPECT_EQ(DatasetCsv(edition.framework, edition.dataset),
              BundledText("editions/" + edition.framework.id + ".csv"));
  }
}

TEST_F(BundledDatasetWriterTest, XlsxRoundTrips) {
  for (const EditionToStore& edition : editions_) {
    SCOPED_TRACE(edition.framework.id);
    const std::string path = dir_.File(edition.framework.id + ".xlsx");
    Status written = WriteDatasetXlsx(path, edition.framework, edition.dataset);
    ASSERT_TRUE(written.ok()) << written.error().ToString();
    Result<std::vector<Table>> sheets = ReadAllSheets(path);
    ASSERT_TRUE(sheets.ok()) << sheets.error().ToString();
    ASSERT_FALSE(sheets->empty());
    EXPECT_EQ(sheets->front().sheet, edition.framework.edition + "_dataset");
    Result<core::Dataset> back = ReadDataset(sheets->front(), edition.framework, geography_);
    ASSERT_TRUE(back.ok()) << back.error().ToString();
    EXPECT_TRUE(core::SameFigures(edition.dataset, *back));
  }
}

TEST_F(BundledDatasetWriterTest, JsonHasEveryCountry) {
  for (const EditionToStore& edition : editions_) {
    SCOPED_TRACE(edition.framework.id);
    const nlohmann::json json = DatasetJson(edition.framework, edition.dataset);
    EXPECT_EQ(json["edition"], edition.framework.edition);
    EXPECT_EQ(json["countries"].size(), static_cast<size_t>(edition.dataset.country_count()));
  }
}

}  // namespace
}  // namespace ocindex::adapters::io
