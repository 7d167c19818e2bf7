#include "adapters/io/dataset_writer.h"

#include <stdlib.h>  // mkdtemp (POSIX)
#include <unistd.h>  // getpid (POSIX)
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "adapters/io/dataset_reader.h"
#include "adapters/io/csv_writer.h"
#include "adapters/io/spreadsheet_text.h"
#include "adapters/io/text_file.h"
#include "core/model/rational.h"
#include "core/scoring/scorecard.h"

namespace ocindex::adapters::io {
namespace {

using core::Rational;

// Every exported figure of one edition in column order: composites, then indicators.
struct Figures {
  std::vector<int> composites;  // node indices of pillars and components, framework order
  int indicator_count = 0;
  int decimals = 2;
  // values[c * columns() + k]; nullopt where there is no value.
  std::vector<std::optional<Rational>> values;

  int columns() const { return static_cast<int>(composites.size()) + indicator_count; }
  const std::optional<Rational>& at(int country, int column) const {
    return values[static_cast<size_t>(country) * static_cast<size_t>(columns()) + static_cast<size_t>(column)];
  }
};

// Collects the figures to export. A dataset the scorecard cannot compute (not shaped for
// the framework) still yields its scores, matched by id, with no composites; `scorecard`
// receives the reason.
Figures CollectFigures(const core::Framework& framework, const core::Dataset& dataset, Status* scorecard) {
  Figures figures;
  figures.decimals = framework.decimals;
  figures.indicator_count = static_cast<int>(framework.indicators.size());
  for (size_t n = 0; n < framework.nodes.size(); ++n) {
    if (framework.nodes[n].kind != core::NodeKind::kGroup) figures.composites.push_back(static_cast<int>(n));
  }
  // Where each framework indicator sits in the dataset; -1 if the dataset lacks it.
  std::vector<int> score_column;
  for (const core::Indicator& indicator : framework.indicators) {
    int found = -1;
    for (size_t i = 0; i < dataset.indicator_ids.size(); ++i) {
      if (dataset.indicator_ids[i] == indicator.id) {
        found = static_cast<int>(i);
        break;
      }
    }
    score_column.push_back(found);
  }

  Result<core::Scorecard> card = core::Scorecard::Compute(framework, dataset);
  *scorecard = card ? Status() : Status(card.error());

  figures.values.reserve(static_cast<size_t>(dataset.country_count()) * static_cast<size_t>(figures.columns()));
  for (int c = 0; c < dataset.country_count(); ++c) {
    for (int node : figures.composites) {
      std::optional<int64_t> units = card ? card->rounded(c, node) : std::nullopt;
      figures.values.push_back(units ? std::optional<Rational>(Rational::FromUnits(*units, framework.decimals))
                                     : std::nullopt);
    }
    for (int column : score_column) {
      figures.values.push_back(column >= 0 ? dataset.score(c, column) : std::nullopt);
    }
  }
  return figures;
}

// A column label that the dataset reader maps back to `measure`: the display name when
// it is unambiguous, else the id (the name may collide with another measure's header or
// with a fixed column such as "Region").
std::string ReadableLabel(const core::Framework& framework, int measure) {
  const std::string& name = framework.MeasureName(measure);
  const std::string key = core::NormalizeHeader(name);
  // A name the formula guard would change (SpreadsheetText) would not read back either.
  if (!key.empty() && !FixedColumnOf(key) && framework.FindMeasure(key) == measure && SpreadsheetText(name) == name) {
    return name;
  }
  return framework.MeasureId(measure);
}

// ---- xlsx ----

constexpr std::string_view kNotAssessed = "NA";

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\ and no
// apostrophe at either end. Editions are free text, so bend them to fit.
std::string SheetName(const std::string& edition) {
  std::string name = edition + "_dataset";
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  }
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  // Count UTF-8 characters (not continuation bytes) and cut on a character boundary.
  size_t characters = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) == 0x80) continue;
    if (++characters > 31) {
      name.resize(i);
      break;
    }
  }
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name.empty() ? "dataset" : name;
}

Error XlsxError(const std::string& path, std::string_view what, lxw_error error) {
  return MakeError(ErrorCode::kIo, "cannot write the workbook: " + std::string(what) + ": " + lxw_strerror(error),
                   path);
}

// Owns a workbook being written to a temporary file beside `path`; a workbook abandoned
// on error is closed (which frees it) and its temporary file removed.
class Workbook {
 public:
  explicit Workbook(const std::string& path)
      : path_(path), temp_path_(path + ".ocindex-" + std::to_string(getpid()) + ".tmp") {
    handle_ = workbook_new(temp_path_.c_str());
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (handle_ == nullptr) return;
    workbook_close(handle_);
    std::remove(temp_path_.c_str());
  }

  lxw_workbook* get() const { return handle_; }

  // Writes the file and moves it into place.
  Status Finish() {
    const lxw_error closed = workbook_close(handle_);
    handle_ = nullptr;
    if (closed != LXW_NO_ERROR) {
      std::remove(temp_path_.c_str());
      return XlsxError(path_, "closing", closed);
    }
    if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
      const int error = errno;
      std::remove(temp_path_.c_str());
      return MakeError(ErrorCode::kIo, "cannot write the workbook: " + std::generic_category().message(error), path_);
    }
    return {};
  }

 private:
  std::string path_;
  std::string temp_path_;
  lxw_workbook* handle_ = nullptr;
};

// Writes cells of one sheet, keeping the first libxlsxwriter error.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* sheet, lxw_format* header) : sheet_(sheet), header_(header) {}

  void Header(int column, const std::string& text) { Text(0, column, text, header_); }
  void Text(int row, int column, const std::string& text, lxw_format* format = nullptr) {
    // An empty string cell would read back as a blank; leave the cell out instead.
    if (text.empty()) return;
    Keep(worksheet_write_string(sheet_, Row(row), Column(column), SpreadsheetText(text).c_str(), format));
  }
  void Number(int row, int column, double value) {
    Keep(worksheet_write_number(sheet_, Row(row), Column(column), value, nullptr));
  }
  void Width(int first, int last, double width) {
    Keep(worksheet_set_column(sheet_, Column(first), Column(last), width, nullptr));
  }
  // Keeps the header row in view and returns the first error, if any.
  lxw_error Finish() {
    worksheet_freeze_panes(sheet_, 1, 0);
    return error_;
  }

 private:
  static lxw_row_t Row(int row) { return static_cast<lxw_row_t>(row); }
  // Columns past Excel's last (XFD) stop there; libxlsxwriter then reports them out of range.
  static lxw_col_t Column(int column) {
    return column < LXW_COL_MAX ? static_cast<lxw_col_t>(column) : static_cast<lxw_col_t>(LXW_COL_MAX);
  }
  void Keep(lxw_error error) {
    if (error_ == LXW_NO_ERROR) error_ = error;
  }

  lxw_worksheet* sheet_;
  lxw_format* header_;
  lxw_error error_ = LXW_NO_ERROR;
};

lxw_worksheet* AddSheet(lxw_workbook* workbook, const std::string& name, lxw_error* error) {
  *error = workbook_validate_sheet_name(workbook, name.c_str());
  if (*error != LXW_NO_ERROR) return nullptr;
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (sheet == nullptr) *error = LXW_ERROR_MEMORY_MALLOC_FAILED;
  return sheet;
}

}  // namespace

std::string DatasetCsv(const core::Framework& framework, const core::Dataset& dataset) {
  Status scorecard;
  const Figures figures = CollectFigures(framework, dataset, &scorecard);
  std::string out = "iso3,country,continent,region";
  for (int node : figures.composites) {
    out += ',';
    out += CsvField(framework.nodes[static_cast<size_t>(node)].id);
  }
  for (const core::Indicator& indicator : framework.indicators) {
    out += ',';
    out += CsvField(indicator.id);
  }
  out += '\n';
  for (int c = 0; c < dataset.country_count(); ++c) {
    const core::CountryEntry& entry = dataset.countries[static_cast<size_t>(c)];
    out += CsvField(entry.iso3);
    for (const std::string* field : {&entry.name, &entry.continent, &entry.region}) {
      out += ',';
      out += CsvField(*field);
    }
    for (int k = 0; k < figures.columns(); ++k) {
      const std::optional<Rational>& value = figures.at(c, k);
      out += ',';
      out += value ? core::FormatRational(*value) : std::string(kNotAssessed);
    }
    out += '\n';
  }
  return out;
}

nlohmann::json DatasetJson(const core::Framework& framework, const core::Dataset& dataset) {
  Status scorecard;
  const Figures figures = CollectFigures(framework, dataset, &scorecard);
  const auto number = [](const std::optional<Rational>& value) -> nlohmann::json {
    return value ? nlohmann::json(value->ToDouble()) : nlohmann::json(nullptr);
  };
  nlohmann::json countries = nlohmann::json::array();
  for (int c = 0; c < dataset.country_count(); ++c) {
    const core::CountryEntry& entry = dataset.countries[static_cast<size_t>(c)];
    nlohmann::json composites = nlohmann::json::object();
    nlohmann::json scores = nlohmann::json::object();
    int k = 0;
    for (int node : figures.composites) composites[framework.nodes[static_cast<size_t>(node)].id] = number(figures.at(c, k++));
    for (const core::Indicator& indicator : framework.indicators) scores[indicator.id] = number(figures.at(c, k++));
    countries.push_back({{"iso3", entry.iso3},
                         {"name", entry.name},
                         {"continent", entry.continent},
                         {"region", entry.region},
                         {"composites", std::move(composites)},
                         {"scores", std::move(scores)}});
  }
  return {{"edition", dataset.edition.empty() ? framework.edition : dataset.edition},
          {"framework", framework.id},
          {"decimals", framework.decimals},
          {"countries", std::move(countries)}};
}

Status WriteDatasetXlsx(const std::string& path, const core::Framework& framework, const core::Dataset& dataset) {
  Status scorecard;
  const Figures figures = CollectFigures(framework, dataset, &scorecard);
  if (!scorecard) {
    return MakeError(ErrorCode::kInvalidInput, "cannot export: " + scorecard.error().message, path);
  }

  Workbook workbook(path);
  if (workbook.get() == nullptr) return XlsxError(path, "creating", LXW_ERROR_MEMORY_MALLOC_FAILED);
  lxw_format* bold = workbook_add_format(workbook.get());
  if (bold == nullptr) return XlsxError(path, "adding a format", LXW_ERROR_MEMORY_MALLOC_FAILED);
  format_set_bold(bold);

  // The data sheet, in the publisher's column order so that import recognises it.
  const std::string edition = dataset.edition.empty() ? framework.edition : dataset.edition;
  const std::string data_name = SheetName(edition);
  lxw_error error = LXW_NO_ERROR;
  lxw_worksheet* data_sheet = AddSheet(workbook.get(), data_name, &error);
  if (data_sheet == nullptr) return XlsxError(path, "adding sheet " + data_name, error);
  SheetWriter data(data_sheet, bold);
  int column = 0;
  for (const char* label : {"Continent", "Region", "Country", "ISO3"}) data.Header(column++, label);
  for (int node : figures.composites) data.Header(column++, ReadableLabel(framework, node));
  for (int i = 0; i < figures.indicator_count; ++i) {
    data.Header(column++, ReadableLabel(framework, framework.IndicatorMeasure(i)));
  }
  data.Width(0, 1, 22);
  data.Width(2, 2, 28);
  if (figures.columns() > 0) data.Width(4, figures.columns() + 3, 12);
  for (int c = 0; c < dataset.country_count(); ++c) {
    const core::CountryEntry& entry = dataset.countries[static_cast<size_t>(c)];
    const int row = c + 1;
    data.Text(row, 0, entry.continent);
    data.Text(row, 1, entry.region);
    data.Text(row, 2, entry.name);
    data.Text(row, 3, entry.iso3);
    for (int k = 0; k < figures.columns(); ++k) {
      const std::optional<Rational>& value = figures.at(c, k);
      // The double nearest the exact value: libxlsxwriter prints 17 significant digits
      // at most, which the reader rounds back to the exact decimal.
      if (value) data.Number(row, k + 4, value->ToDouble());
      else data.Text(row, k + 4, std::string(kNotAssessed));
    }
  }
  if (error = data.Finish(); error != LXW_NO_ERROR) return XlsxError(path, "writing sheet " + data_name, error);

  // The framework sheet documents the columns; its header has no Country column, so
  // import skips it.
  lxw_worksheet* framework_sheet = AddSheet(workbook.get(), "framework", &error);
  if (framework_sheet == nullptr) return XlsxError(path, "adding sheet framework", error);
  SheetWriter rules(framework_sheet, bold);
  column = 0;
  for (const char* label : {"Id", "Kind", "Name", "Parent / group", "Definition"}) rules.Header(column++, label);
  rules.Width(0, 0, 30);
  rules.Width(1, 1, 11);
  rules.Width(2, 3, 30);
  rules.Width(4, 4, 80);
  int row = 1;
  for (const core::Node& node : framework.nodes) {
    rules.Text(row, 0, node.id);
    rules.Text(row, 1, core::NodeKindName(node.kind));
    rules.Text(row, 2, node.name);
    rules.Text(row, 3, node.parent_id);
    rules.Text(row, 4, node.definition);
    ++row;
  }
  for (const core::Indicator& indicator : framework.indicators) {
    rules.Text(row, 0, indicator.id);
    rules.Text(row, 1, "indicator");
    rules.Text(row, 2, indicator.name);
    rules.Text(row, 3, indicator.group_id);
    rules.Text(row, 4, indicator.definition);
    ++row;
  }
  if (error = rules.Finish(); error != LXW_NO_ERROR) return XlsxError(path, "writing sheet framework", error);

  return workbook.Finish();
}

Result<std::string> DatasetXlsxBytes(const core::Framework& framework, const core::Dataset& dataset) {
  std::string folder = (std::filesystem::temp_directory_path() / "ocindex-xlsx-XXXXXX").string();
  if (mkdtemp(folder.data()) == nullptr) {
    return MakeError(ErrorCode::kIo, "cannot create a temporary folder: " + std::generic_category().message(errno), folder);
  }
  const std::string path = folder + "/dataset.xlsx";
  Status written = WriteDatasetXlsx(path, framework, dataset);
  Result<std::string> bytes = written ? ReadBoundedFile(path, MaxInputBytes()) : Result<std::string>(written.error());
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);
  return bytes;
}

}  // namespace ocindex::adapters::io
