#include "adapters/render/grid.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "adapters/io/csv_writer.h"

namespace ocindex::adapters::render {
namespace {

// Display width of UTF-8 text: one column per code point (accented names align).
size_t Width(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A numeric cell as JSON: whole numbers ("193") as integers, so counts do not print
// as 193.0; anything else as a double.
nlohmann::ordered_json NumberJson(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const long long whole = std::strtoll(text.c_str(), &end, 10);
  if (!text.empty() && *end == '\0' && errno == 0) return whole;
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

void WriteTable(const Grid& grid, std::ostream& out) {
  std::vector<size_t> widths;
  for (const GridColumn& column : grid.columns) widths.push_back(Width(column.name));
  for (const auto& row : grid.rows) {
    for (size_t j = 0; j < row.size() && j < widths.size(); ++j) {
      widths[j] = std::max(widths[j], Width(row[j].value_or("-")));
    }
  }
  auto line = [&](auto cell_text) {
    std::string text;
    for (size_t j = 0; j < grid.columns.size(); ++j) {
      std::string cell = cell_text(j);
      std::string pad(widths[j] - std::min(widths[j], Width(cell)), ' ');
      if (j > 0) text += "  ";
      text += grid.columns[j].numeric ? pad + cell : cell + (j + 1 < grid.columns.size() ? pad : "");
    }
    out << text << '\n';
  };
  line([&](size_t j) { return grid.columns[j].name; });
  line([&](size_t j) { return std::string(widths[j], '-'); });
  for (const auto& row : grid.rows) {
    line([&](size_t j) { return j < row.size() ? row[j].value_or("-") : std::string("-"); });
  }
}

void WriteCsv(const Grid& grid, std::ostream& out) {
  for (size_t j = 0; j < grid.columns.size(); ++j) out << (j ? "," : "") << io::CsvField(grid.columns[j].name);
  out << '\n';
  for (const auto& row : grid.rows) {
    for (size_t j = 0; j < grid.columns.size(); ++j) {
      out << (j ? "," : "") << (j < row.size() && row[j] ? io::CsvField(*row[j]) : "");
    }
    out << '\n';
  }
}

nlohmann::ordered_json ToJson(const Grid& grid) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : grid.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t j = 0; j < grid.columns.size(); ++j) {
      const GridColumn& column = grid.columns[j];
      if (j >= row.size() || !row[j]) {
        object[column.name] = nullptr;
      } else if (column.numeric) {
        object[column.name] = NumberJson(*row[j]);
      } else {
        object[column.name] = *row[j];
      }
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

void Write(const Grid& grid, Format format, std::ostream& out) {
  switch (format) {
    case Format::kTable: WriteTable(grid, out); break;
    case Format::kCsv: WriteCsv(grid, out); break;
    case Format::kJson: out << ToJson(grid).dump(2) << '\n'; break;
  }
}

}  // namespace ocindex::adapters::render
