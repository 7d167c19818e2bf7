// Every kind of bad input gets a clear error naming where it is, and leaves the
// database exactly as it was. Good input in each supported layout is imported once.
#include "adapters/catalog/importer.h"

#include <gtest/gtest.h>

#include "adapters/store/sqlite_store.h"
#include "support/fixtures.h"

namespace ocindex::adapters {
namespace {

// 2021 layout with the project's ids; three countries, every score 5 unless changed.
struct CsvFixture {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  static CsvFixture For2021(const core::Framework& framework) {
    CsvFixture out;
    out.header = {"iso3", "country", "continent", "region"};
    for (const auto& indicator : framework.indicators) out.header.push_back(indicator.id);
    for (const char* iso3 : {"KAZ", "KGZ", "UZB"}) {
      std::vector<std::string> row{iso3, iso3, "Asia", "Central Asia and the Caucasus"};
      row.resize(out.header.size(), "5");
      out.rows.push_back(row);
    }
    return out;
  }
  size_t Column(const std::string& name) const {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  }
  std::string Text() const {
    auto line = [](const std::vector<std::string>& cells) {
      std::string out;
      for (size_t j = 0; j < cells.size(); ++j) out += (j ? "," : "") + cells[j];
      return out + "\n";
    };
    std::string out = line(header);
    for (const auto& row : rows) out += line(row);
    return out;
  }
};

class ImporterTest : public ::testing::Test {
 protected:
  static ImportOptions Edition2021(bool replace = false, bool dry_run = false) {
    ImportOptions options;
    options.edition = "2021";
    options.replace = replace;
    options.dry_run = dry_run;
    return options;
  }
  static ImportOptions Replace() {
    ImportOptions options;
    options.replace = true;
    return options;
  }

  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    auto store = OpenSqliteStore(dir_.File("ocindex.db"));
    ASSERT_TRUE(store) << store.error().ToString();
    auto catalog = Catalog::Open(std::move(*store));
    ASSERT_TRUE(catalog) << catalog.error().ToString();
    catalog_.emplace(std::move(*catalog));
    auto edition = catalog_->Load("2021");
    ASSERT_TRUE(edition);
    framework_2021_ = edition->framework;
    before_ = Snapshot();
  }

  // Every stored revision of every edition, to prove a failed import changed nothing.
  std::vector<StoredEdition> Snapshot() {
    std::vector<StoredEdition> out;
    auto editions = catalog_->store().ListEditions();
    EXPECT_TRUE(editions);
    for (const auto& info : *editions) {
      auto revisions = catalog_->store().ListRevisions(info.edition);
      EXPECT_TRUE(revisions);
      for (const auto& revision : *revisions) {
        auto stored = catalog_->store().LoadEdition(info.edition, revision.revision);
        EXPECT_TRUE(stored);
        out.push_back(std::move(*stored));
      }
    }
    return out;
  }

  void ExpectUnchanged() {
    auto after = Snapshot();
    ASSERT_EQ(after.size(), before_.size());
    for (size_t k = 0; k < after.size(); ++k) {
      EXPECT_EQ(after[k].info.edition, before_[k].info.edition);
      EXPECT_EQ(after[k].info.revision, before_[k].info.revision);
      EXPECT_TRUE(core::SameFigures(after[k].dataset, before_[k].dataset));
    }
  }

  // Imports `bytes` as `name`; expects failure with `code` and every fragment in the message.
  void ExpectRejected(const std::string& name, std::string_view bytes, ErrorCode code,
                      std::vector<std::string> fragments, ImportOptions options = Edition2021()) {
    const std::string path = dir_.File(name);
    ASSERT_TRUE(test::WriteFile(path, bytes));
    auto report = ImportFile(*catalog_, path, options);
    ASSERT_FALSE(report) << "import of " << name << " should fail";
    EXPECT_EQ(report.error().code, code) << report.error().ToString();
    const std::string text = report.error().ToString();
    for (const std::string& fragment : fragments) {
      EXPECT_NE(text.find(fragment), std::string::npos) << "missing '" << fragment << "' in: " << text;
    }
    ExpectUnchanged();
  }

  test::TempDir dir_;
  std::optional<Catalog> catalog_;
  core::Framework framework_2021_;
  std::vector<StoredEdition> before_;
};

TEST_F(ImporterTest, UnknownIndicatorColumn) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.header.push_back("Moon dust trade");
  for (auto& row : csv.rows) row.push_back("5");
  ExpectRejected("unknown.csv", csv.Text(), ErrorCode::kInvalidInput,
                 {"unknown.csv, line 1, column 31", "unknown column 'Moon dust trade'"});
}

TEST_F(ImporterTest, UnknownCountryWithSuggestion) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.header[0] = "ignored";  // force lookup by name
  csv.header.erase(csv.header.begin());
  for (auto& row : csv.rows) row.erase(row.begin());
  csv.rows[1][0] = "Kazakstan";
  csv.rows[0][0] = "Kyrgyzstan";
  csv.rows[2][0] = "Uzbekistan";
  ExpectRejected("country.csv", csv.Text(), ErrorCode::kInvalidInput,
                 {"line 3, column 1", "unknown country 'Kazakstan'", "did you mean Kazakhstan"});
}

TEST_F(ImporterTest, UnknownCountryCode) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[2][0] = "XYZ";
  ExpectRejected("code.csv", csv.Text(), ErrorCode::kInvalidInput, {"line 4, column 1", "unknown country code 'XYZ'"});
}

TEST_F(ImporterTest, ScoreOutOfRange) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[0][csv.Column("heroin_trade")] = "10.5";
  ExpectRejected("range.csv", csv.Text(), ErrorCode::kInvalidInput,
                 {"line 2, column 11", "score 10.5 is off the scale", "from 1 to 10 in steps of 0.5"});
}

TEST_F(ImporterTest, ScoreOffTheHalfPointGrid) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[1][csv.Column("fauna_crimes")] = "6.2";
  ExpectRejected("grid.csv", csv.Text(), ErrorCode::kInvalidInput, {"line 3, column 9", "score 6.2 is off the scale"});
}

TEST_F(ImporterTest, NonNumericCell) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[2][csv.Column("prevention")] = "high";
  ExpectRejected("text.csv", csv.Text(), ErrorCode::kInvalidInput, {"line 4", "'high' is not a number"});
}

TEST_F(ImporterTest, EmptyScoreIsAnErrorNotZero) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[0][csv.Column("prevention")] = "";
  ExpectRejected("blank.csv", csv.Text(), ErrorCode::kInvalidInput, {"line 2", "missing score", "NA if not assessed"});
}

TEST_F(ImporterTest, DuplicateCountry) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[2][0] = "KAZ";
  ExpectRejected("dup.csv", csv.Text(), ErrorCode::kInvalidInput, {"line 4", "appears twice", "line 2"});
}

TEST_F(ImporterTest, MissingRequiredColumn) {
  auto csv = CsvFixture::For2021(framework_2021_);
  size_t column = csv.Column("cocaine_trade");
  csv.header.erase(csv.header.begin() + static_cast<long>(column));
  for (auto& row : csv.rows) row.erase(row.begin() + static_cast<long>(column));
  ExpectRejected("missing.csv", csv.Text(), ErrorCode::kInvalidInput,
                 {"missing required column 'Cocaine trade'"});
}

TEST_F(ImporterTest, EmptyFile) {
  ExpectRejected("empty.csv", "", ErrorCode::kInvalidInput, {"empty.csv", "empty"});
}

TEST_F(ImporterTest, LegacyXlsIsRecognisedByItsMagicBytes) {
  // An OLE compound file (a legacy .xls) renamed .xlsx: said so, not "invalid UTF-8".
  ExpectRejected("old.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'),
                 ErrorCode::kInvalidInput, {"old.xlsx", "legacy .xls"});
}

TEST_F(ImporterTest, WrongEncoding) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[0][1] = "Kazakhstan \xE9";  // Latin-1 e-acute
  ExpectRejected("latin1.csv", csv.Text(), ErrorCode::kInvalidInput, {"latin1.csv, line 2", "UTF-8"});
}

TEST_F(ImporterTest, PublishedCompositeDisagreeing) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.header.push_back("criminality");
  for (auto& row : csv.rows) row.push_back("5");
  csv.rows[1].back() = "5.01";
  ExpectRejected("composite.csv", csv.Text(), ErrorCode::kInvalidInput,
                 {"line 3, column 31", "published Criminality 5.01 disagrees with 5.00 recomputed"});
}

TEST_F(ImporterTest, ManyProblemsAreListedTogether) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[0][5] = "11";
  csv.rows[1][6] = "x";
  ExpectRejected("many.csv", csv.Text(), ErrorCode::kInvalidInput, {"2 problems", "line 2", "line 3"});
}

TEST_F(ImporterTest, NotAssessedIsKeptAsSuch) {
  auto csv = CsvFixture::For2021(framework_2021_);
  csv.rows[0][csv.Column("cocaine_trade")] = "NA";
  const std::string path = dir_.File("na.csv");
  ASSERT_TRUE(test::WriteFile(path, csv.Text()));
  auto report = ImportFile(*catalog_, path, Edition2021(/*replace=*/true));
  ASSERT_TRUE(report) << report.error().ToString();
  auto stored = catalog_->Load("2021");
  ASSERT_TRUE(stored);
  int kaz = *stored->dataset.FindCountry("KAZ");
  EXPECT_FALSE(stored->dataset.score(kaz, *stored->framework.FindIndicator("cocaine_trade")).has_value());
}

TEST_F(ImporterTest, ChangedFiguresNeedReplaceAndKeepTheOldRevision) {
  auto csv = CsvFixture::For2021(framework_2021_);
  ExpectRejected("conflict.csv", csv.Text(), ErrorCode::kConflict, {"already stored", "--replace"});

  const std::string path = dir_.File("conflict.csv");
  auto report = ImportFile(*catalog_, path, Edition2021(/*replace=*/true));
  ASSERT_TRUE(report) << report.error().ToString();
  ASSERT_EQ(report->editions.size(), 1u);
  EXPECT_EQ(report->editions[0].status, ImportStatus::kReplaced);
  auto revisions = catalog_->store().ListRevisions("2021");
  ASSERT_TRUE(revisions);
  ASSERT_EQ(revisions->size(), 2u);
  auto original = catalog_->store().LoadEdition("2021", 1);
  ASSERT_TRUE(original);
  EXPECT_EQ(original->dataset.country_count(), 193);
}

TEST_F(ImporterTest, ValidateWritesNothing) {
  auto csv = CsvFixture::For2021(framework_2021_);
  const std::string path = dir_.File("validate.csv");
  ASSERT_TRUE(test::WriteFile(path, csv.Text()));
  auto report = ImportFile(*catalog_, path, Edition2021(/*replace=*/false, /*dry_run=*/true));
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(report->editions[0].status, ImportStatus::kValid);
  ExpectUnchanged();
}

// The publisher's workbook shape: an introduction sheet, headers with trailing commas
// and capitals, names with commas for periods, a region with a trailing space, and
// float noise in composites. Importing it twice changes nothing the second time.
TEST_F(ImporterTest, PublisherWorkbookWithQuirks) {
  std::vector<std::string> header{"Continent", "Region", "Country", "Criminality avg,", "CRIMINAL MARKETS."};
  for (const auto& indicator : framework_2021_.indicators) header.push_back(indicator.name);
  std::vector<std::vector<std::string>> rows{header};
  auto add = [&rows, &header](std::string name, std::string region) {
    std::vector<std::string> row{"Africa", region, name, "4.9999999999999991", "5"};
    row.resize(header.size(), "5");
    rows.push_back(row);
  };
  add("Congo, Dem, Rep,", "Central Africa ");
  add("Sao Tome and Principe", "Central Africa");
  add("eSwatini", "Southern Africa");
  const std::string path = dir_.File("goci_9999.xlsx");
  ASSERT_TRUE(test::WriteXlsx(path, {{"2021_Global_OC_Index", {{"Introduction"}}}, {"2021_dataset", rows}}));

  auto report = ImportFile(*catalog_, path, Replace());
  ASSERT_TRUE(report) << report.error().ToString();
  ASSERT_EQ(report->editions.size(), 1u);
  EXPECT_EQ(report->editions[0].edition, "2021");  // from the sheet name
  EXPECT_EQ(report->editions[0].countries, 3);
  ASSERT_EQ(report->skipped.size(), 1u);
  auto stored = catalog_->Load("2021");
  ASSERT_TRUE(stored);
  int cod = *stored->dataset.FindCountry("COD");
  EXPECT_EQ(stored->dataset.countries[static_cast<size_t>(cod)].region, "Central Africa");

  auto again = ImportFile(*catalog_, path, ImportOptions());
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_EQ(again->editions[0].status, ImportStatus::kUnchanged);
}

TEST_F(ImporterTest, WorkbookWithoutAnyCountryTable) {
  const std::string path = dir_.File("notes.xlsx");
  ASSERT_TRUE(test::WriteXlsx(path, {{"Notes", {{"Nothing here"}}}}));
  auto report = ImportFile(*catalog_, path, ImportOptions());
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find("no sheet holds a country table"), std::string::npos);
  ExpectUnchanged();
}

TEST_F(ImporterTest, AmbiguousEditionAsksForOne) {
  auto edition = catalog_->Load("2023");
  ASSERT_TRUE(edition);
  std::vector<std::string> header{"iso3", "continent", "region"};
  for (const auto& indicator : edition->framework.indicators) header.push_back(indicator.id);
  std::string text;
  for (size_t j = 0; j < header.size(); ++j) text += (j ? "," : "") + header[j];
  ExpectRejected("scores.csv", text + "\n", ErrorCode::kInvalidInput, {"fit editions 2023, 2025", "--edition"},
                 ImportOptions());
}

}  // namespace
}  // namespace ocindex::adapters
