// What every reader of a Table needs to report bad input well: the problems found,
// each with its file, line (or sheet and row) and column, gathered into one error so
// the user fixes them all in one pass; and small cell helpers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/io/table.h"
#include "core/error.h"
#include "core/model/framework.h"

namespace ocindex::adapters::io {

class Problems {
 public:
  // `outcome` says what the error means for the user's data ("nothing was imported").
  explicit Problems(const Table& table, std::string outcome = "nothing was imported")
      : table_(table), outcome_(std::move(outcome)) {}
  // `column` is 0-based; a negative column names the row only.
  void Add(uint32_t row, int column, std::string message);
  bool empty() const { return count_ == 0; }
  std::size_t count() const { return count_; }
  // One problem: its message at its place. Several: a count and the first 20, listed.
  Error ToError() const;

 private:
  const Table& table_;
  std::string outcome_;
  std::size_t count_ = 0;
  std::vector<std::pair<std::string, std::string>> lines_;
};

// The cell at `column`, or an empty string when the row is shorter.
const std::string& Cell(const TableRow& row, std::size_t column);
// Surrounding white space removed.
std::string Trim(std::string_view text);
// The 0-based column of each of `names` in the header row, -1 where absent. A header
// cell that is none of the names (compared without case or surrounding space), a name
// given twice, and a missing one of the first `required` names are problems.
std::vector<int> FindColumns(const TableRow& header, const std::vector<std::string>& names, std::size_t required,
                             Problems& problems);
// "a number from 1 to 10 in steps of 0.5": what a score cell must hold.
std::string ScaleText(const core::Framework& framework);

}  // namespace ocindex::adapters::io
