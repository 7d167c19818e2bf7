#include "adapters/io/table_problems.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/model/rational.h"

namespace ocindex::adapters::io {
namespace {

constexpr std::size_t kMaxProblems = 20;

}  // namespace

void Problems::Add(uint32_t row, int column, std::string message) {
  ++count_;
  if (lines_.size() < kMaxProblems) lines_.push_back({table_.Where(row, column), std::move(message)});
}

Error Problems::ToError() const {
  if (count_ == 1) return MakeError(ErrorCode::kInvalidInput, lines_[0].second, lines_[0].first);
  std::string message = fmt::format("{} problems; {}:", count_, outcome_);
  for (const auto& [where, what] : lines_) message += fmt::format("\n  {}: {}", where, what);
  if (count_ > lines_.size()) message += fmt::format("\n  ... and {} more", count_ - lines_.size());
  return MakeError(ErrorCode::kInvalidInput, message,
                   table_.sheet.empty() ? table_.source : table_.source + ", sheet " + table_.sheet);
}

const std::string& Cell(const TableRow& row, std::size_t column) {
  static const std::string kEmpty;
  return column < row.cells.size() ? row.cells[column] : kEmpty;
}

std::string Trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::vector<int> FindColumns(const TableRow& header, const std::vector<std::string>& names, std::size_t required,
                             Problems& problems) {
  std::vector<int> columns(names.size(), -1);
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    std::string name = Trim(header.cells[c]);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const auto found = std::find(names.begin(), names.end(), name);
    const int column = static_cast<int>(c);
    if (found == names.end()) {
      problems.Add(header.number, column,
                   fmt::format("unknown column '{}': expected {}", header.cells[c], fmt::join(names, ", ")));
    } else if (int& slot = columns[static_cast<std::size_t>(found - names.begin())]; slot >= 0) {
      problems.Add(header.number, column, fmt::format("a second '{}' column", name));
    } else {
      slot = column;
    }
  }
  for (std::size_t n = 0; n < required; ++n) {
    if (columns[n] < 0) problems.Add(header.number, -1, fmt::format("no '{}' column in the header", names[n]));
  }
  return columns;
}

std::string ScaleText(const core::Framework& framework) {
  return fmt::format("a number from {} to {} in steps of {}", core::FormatRational(framework.scale_min),
                     core::FormatRational(framework.scale_max), core::FormatRational(framework.scale_step));
}

}  // namespace ocindex::adapters::io
