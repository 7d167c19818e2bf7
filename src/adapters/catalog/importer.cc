#include "adapters/catalog/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>

#include "adapters/io/csv_reader.h"
#include "adapters/io/dataset_reader.h"
#include "adapters/io/framework_toml.h"
#include "adapters/io/geography_csv.h"
#include "adapters/io/text_file.h"
#include "adapters/io/xlsx_reader.h"

namespace ocindex::adapters {
namespace {

// xlsx files are zip archives, and a legacy .xls (or an xlsx Excel encrypted) is an OLE
// compound file; their first four bytes say so. Both go to the workbook reader, which
// tells the one from the other (not to the CSV reader, which would call either invalid
// UTF-8).
bool LooksLikeWorkbook(const std::string& path) {
  char magic[4] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in.read(magic, sizeof magic)) return false;
  const std::string_view start(magic, sizeof magic);
  return start == std::string_view("PK\x03\x04", 4) || start == std::string_view("\xD0\xCF\x11\xE0", 4);
}

bool HasCountryColumn(const io::Table& table) {
  if (table.rows.empty()) return false;
  for (const std::string& cell : table.rows[0].cells) {
    auto fixed = io::FixedColumnOf(core::NormalizeHeader(cell));
    if (fixed == io::FixedColumn::kCountry || fixed == io::FixedColumn::kIso3) return true;
  }
  return false;
}

// Every four-digit year in `text` that names a known edition.
std::vector<std::string> EditionsNamedIn(std::string_view text, const std::vector<FrameworkSource>& known) {
  std::vector<std::string> out;
  static const std::regex kYear("(19|20)[0-9]{2}");
  std::string subject(text);
  for (std::sregex_iterator it(subject.begin(), subject.end(), kYear), end; it != end; ++it) {
    for (const FrameworkSource& source : known) {
      if (source.framework.edition == it->str() &&
          std::find(out.begin(), out.end(), it->str()) == out.end()) {
        out.push_back(it->str());
      }
    }
  }
  return out;
}

// The known framework whose indicators are exactly the table's indicator columns.
std::vector<const FrameworkSource*> MatchingFrameworks(const io::Table& table,
                                                       const std::vector<FrameworkSource>& known) {
  std::vector<const FrameworkSource*> out;
  for (const FrameworkSource& source : known) {
    std::vector<bool> present(source.framework.indicators.size(), false);
    bool all_known = true;
    for (const std::string& cell : table.rows[0].cells) {
      const std::string key = core::NormalizeHeader(cell);
      if (key.empty() || io::FixedColumnOf(key)) continue;
      auto measure = source.framework.FindMeasure(key);
      if (!measure) {
        all_known = false;
        break;
      }
      if (!source.framework.IsNode(*measure)) {
        present[static_cast<size_t>(*measure) - source.framework.nodes.size()] = true;
      }
    }
    if (all_known && std::all_of(present.begin(), present.end(), [](bool p) { return p; })) out.push_back(&source);
  }
  return out;
}

Result<const FrameworkSource*> ChooseFramework(const io::Table& table, const std::string& path,
                                               const ImportOptions& options,
                                               const std::vector<FrameworkSource>& known) {
  auto by_edition = [&known](const std::string& edition) -> const FrameworkSource* {
    for (const FrameworkSource& source : known) {
      if (source.framework.edition == edition) return &source;
    }
    return nullptr;
  };
  const std::string where = table.sheet.empty() ? table.source : table.source + ", sheet " + table.sheet;
  std::string wanted = options.edition;
  if (wanted.empty() && !table.sheet.empty()) {
    auto named = EditionsNamedIn(table.sheet, known);
    if (named.size() == 1) wanted = named[0];
  }
  if (wanted.empty()) {
    auto named = EditionsNamedIn(std::filesystem::path(path).filename().string(), known);
    if (named.size() == 1) wanted = named[0];
  }
  if (!wanted.empty()) {
    if (const FrameworkSource* source = by_edition(wanted)) return source;
    return MakeError(ErrorCode::kNotFound,
                     "edition " + wanted + " has no framework; pass --framework FILE to define it", where);
  }
  auto matching = MatchingFrameworks(table, known);
  if (matching.size() == 1) return matching[0];
  std::vector<std::string> names;
  for (const FrameworkSource* source : matching) names.push_back(source->framework.edition);
  return MakeError(ErrorCode::kInvalidInput,
                   matching.empty()
                       ? "cannot tell which edition this table holds: its columns match no known framework; "
                         "pass --edition or --framework"
                       : fmt::format("cannot tell which edition this table holds: its columns fit editions {}; "
                                     "pass --edition",
                                     fmt::join(names, ", ")),
                   where);
}

// The dataset of a CSV file whose header row is `head`'s, its other rows parsed and
// read one at a time: a large file is never held as a Table.
Result<core::Dataset> ReadCsvRows(io::CsvRecords& records, const io::Table& head, const core::Framework& framework,
                                  const core::Geography& geography) {
  io::DatasetReader reader(head, framework, geography);
  reader.Header(head.rows[0]);
  for (io::TableRow row;;) {
    bool more = false;
    OCINDEX_ASSIGN_OR_RETURN(more, records.Next(row));
    if (!more) return reader.Finish();
    reader.Row(row);
  }
}

// An edition's previous editions, as stored, must not lead back to it: its past (the
// changes, the timeline) would never end.
Status CheckPastEnds(Catalog& catalog, const core::Framework& framework, const std::string& where) {
  std::vector<std::string> chain = {framework.edition};
  for (std::string id = framework.previous; !id.empty();) {
    const bool seen = std::find(chain.begin(), chain.end(), id) != chain.end();
    chain.push_back(id);
    if (seen && id == framework.edition) {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("edition {}'s previous editions lead back to it ({}); expected 'previous' to name "
                                   "an earlier edition, or nothing",
                                   framework.edition, fmt::join(chain, " → ")),
                       where);
    }
    if (seen) return {};  // a loop stored earlier, not through this edition: the engine cuts it
    auto toml = catalog.store().LoadFrameworkToml(id);  // the framework alone, not the edition's scores
    if (!toml) {
      if (toml.error().code == ErrorCode::kNotFound) return {};
      return toml.error();
    }
    auto parsed = io::ParseFramework(*toml, "stored framework of edition " + id);
    if (!parsed) return parsed.error();
    id = parsed->previous;
  }
  return {};
}

}  // namespace

const char* ImportStatusName(ImportStatus status) {
  switch (status) {
    case ImportStatus::kNew: return "imported";
    case ImportStatus::kUnchanged: return "unchanged";
    case ImportStatus::kReplaced: return "replaced";
    case ImportStatus::kValid: return "valid";
  }
  return "";
}

Result<ImportReport> ImportFile(Catalog& catalog, const std::string& path, const ImportOptions& options) {
  std::vector<FrameworkSource> known;
  if (!options.framework_path.empty()) {
    auto text = io::ReadTextFile(options.framework_path);
    if (!text) return text.error();
    auto framework = io::ParseFramework(*text, options.framework_path);
    if (!framework) return framework.error();
    if (!options.edition.empty() && options.edition != framework->edition) {
      return MakeError(ErrorCode::kInvalidInput, "--edition " + options.edition + " differs from the framework's edition " +
                                                     framework->edition, options.framework_path);
    }
    known.push_back({std::move(*framework), std::move(*text)});
  } else {
    OCINDEX_ASSIGN_OR_RETURN(known, catalog.KnownFrameworks());
  }

  // The units rows resolve to: the stored list, plus the unit list's units if given.
  std::optional<io::UnitList> units;
  std::optional<core::Geography> with_units;
  if (!options.units_path.empty()) {
    std::string units_text;
    OCINDEX_ASSIGN_OR_RETURN(units_text, io::ReadTextFile(options.units_path));
    OCINDEX_ASSIGN_OR_RETURN(units, io::ParseUnitsCsv(units_text, options.units_path));
    OCINDEX_ASSIGN_OR_RETURN(with_units, catalog.geography().With(units->units.countries(), units->where));
  }
  const core::Geography& geography = with_units ? *with_units : catalog.geography();

  ImportReport report;
  std::vector<io::Table> tables;      // a workbook's sheets whole; a CSV file's header row only
  std::string csv_text;               // a CSV file's bytes, which
  std::optional<io::CsvRecords> csv;  // yields its rows below the header one at a time
  if (LooksLikeWorkbook(path)) {
    auto sheets = io::ReadAllSheets(path);
    if (!sheets) return sheets.error();
    for (io::Table& table : *sheets) {
      if (HasCountryColumn(table)) {
        tables.push_back(std::move(table));
      } else {
        report.skipped.push_back({table.sheet, "no Country column in its first row"});
      }
    }
    if (tables.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "no sheet holds a country table (a first row with a Country column)",
                       path);
    }
  } else {
    OCINDEX_ASSIGN_OR_RETURN(csv_text, io::ReadTextFile(path));
    csv.emplace(csv_text, path);
    io::Table head = csv->shape();
    head.rows.emplace_back();
    OCINDEX_RETURN_IF_ERROR(csv->Next(head.rows[0]));  // an empty file is an error
    tables.push_back(std::move(head));
  }

  std::vector<EditionToStore> to_store;
  for (const io::Table& table : tables) {
    const FrameworkSource* source = nullptr;
    OCINDEX_ASSIGN_OR_RETURN(source, ChooseFramework(table, path, options, known));
    auto dataset = csv ? ReadCsvRows(*csv, table, source->framework, geography)
                       : io::ReadDataset(table, source->framework, geography);
    if (!dataset) return dataset.error();
    ImportOutcome outcome{source->framework.edition,
                          table.sheet.empty() ? table.source : table.source + ", sheet " + table.sheet,
                          dataset->country_count(), ImportStatus::kNew};
    for (const EditionToStore& pending : to_store) {
      if (pending.framework.edition == outcome.edition) {
        return MakeError(ErrorCode::kInvalidInput, "a second table for edition " + outcome.edition, outcome.table);
      }
    }
    auto stored = catalog.store().LoadEdition(outcome.edition);
    if (stored) {
      if (core::SameFigures(stored->dataset, *dataset)) {
        outcome.status = ImportStatus::kUnchanged;
      } else if (!options.replace && !options.dry_run) {
        return MakeError(ErrorCode::kConflict,
                         fmt::format("edition {} is already stored (revision {}) with different figures; "
                                     "pass --replace to store these as revision {} (earlier revisions are kept)",
                                     outcome.edition, stored->info.revision, stored->info.revision + 1),
                         outcome.table);
      } else {
        outcome.status = ImportStatus::kReplaced;
      }
    } else if (stored.error().code != ErrorCode::kNotFound) {
      return stored.error();
    }
    OCINDEX_RETURN_IF_ERROR(
        CheckPastEnds(catalog, source->framework, options.framework_path.empty() ? outcome.table : options.framework_path));
    if (options.dry_run) outcome.status = ImportStatus::kValid;
    if (outcome.status == ImportStatus::kNew || outcome.status == ImportStatus::kReplaced) {
      to_store.push_back({source->framework, source->toml, std::move(*dataset), path, {}});
    }
    report.editions.push_back(std::move(outcome));
  }
  // A unit list is stored even with the editions unchanged: it may add units or aliases.
  if (!options.dry_run && (!to_store.empty() || units)) {
    OCINDEX_RETURN_IF_ERROR(catalog.store().SaveEditions(to_store, options.replace, units ? &units->units : nullptr));
  }
  return report;
}

}  // namespace ocindex::adapters
