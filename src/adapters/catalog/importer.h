// `ocindex import` and `ocindex validate`: reads a CSV file or an xlsx workbook,
// works out which edition each table holds, checks everything, and stores all of it
// in one transaction or nothing.
#pragma once

#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "core/error.h"

namespace ocindex::adapters {

struct ImportOptions {
  std::string edition;         // force this edition for every table; empty: work it out
  std::string framework_path;  // a framework file for a new (user-defined) edition
  std::string units_path;      // a unit list (code,name,aliases) added to the stored country list
  bool replace = false;        // store changed figures as a new revision of a stored edition
  bool dry_run = false;        // validate only: read and check, write nothing
};

enum class ImportStatus { kNew, kUnchanged, kReplaced, kValid };

const char* ImportStatusName(ImportStatus status);

struct ImportOutcome {
  std::string edition;
  std::string table;  // "file" or "file, sheet S"
  int countries = 0;
  ImportStatus status = ImportStatus::kNew;
};

struct SkippedSheet {
  std::string sheet;
  std::string reason;
};

struct ImportReport {
  std::vector<ImportOutcome> editions;
  std::vector<SkippedSheet> skipped;  // workbook sheets that hold no country table
};

// Editions are chosen per table: --edition, else the framework file's edition, else a
// known edition's year in the sheet name, else in the file name, else the one known
// framework whose indicators the columns match. An edition whose figures equal the
// stored ones is reported unchanged and not rewritten. With a unit list, rows resolve
// against the stored list plus its units, which are stored with the editions (an index
// of municipalities or companies); the list may restate stored units, not rename them.
Result<ImportReport> ImportFile(Catalog& catalog, const std::string& path, const ImportOptions& options);

}  // namespace ocindex::adapters
