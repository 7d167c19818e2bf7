// Maps a Table (the project's CSV, a publisher CSV or a publisher worksheet) onto a
// framework: finds the columns, resolves countries, checks every score against the
// scale and every printed composite against the recomputed one.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/io/table.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/model/geography.h"

namespace ocindex::adapters::io {

// Column headers are matched after core::NormalizeHeader against: continent, region,
// country, iso3 / country code, and every node and indicator id, name or header of the
// framework. A cell "NA" (or "n/a", "not assessed") marks an indicator not assessed for
// that country; an empty score cell is an error, never a zero.
//
// All problems in the table are collected (up to a limit) into one kInvalidInput error
// whose message lists each with its file, sheet, row and column.
Result<core::Dataset> ReadDataset(const Table& table, const core::Framework& framework,
                                  const core::Geography& geography);

// ReadDataset one row at a time, so that a large CSV file need not be held whole as a
// Table: Header() with the first row, Row() with each row below it in order, then
// Finish() once. `shape` names the source (and sheet) in messages; its rows are not
// read. The arguments must outlive the reader.
class DatasetReader {
 public:
  DatasetReader(const Table& shape, const core::Framework& framework, const core::Geography& geography);
  ~DatasetReader();
  DatasetReader(const DatasetReader&) = delete;
  DatasetReader& operator=(const DatasetReader&) = delete;

  void Header(const TableRow& header);
  void Row(const TableRow& row);
  Result<core::Dataset> Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The columns a country table carries besides measures. One list, so that reading,
// recognising data sheets, choosing an edition and naming export columns agree.
enum class FixedColumn { kContinent, kRegion, kCountry, kIso3 };

// The fixed column a normalised header (core::NormalizeHeader) names, if any.
std::optional<FixedColumn> FixedColumnOf(const std::string& normalized_header);

}  // namespace ocindex::adapters::io
