// Tabular command output in the three formats the CLI offers: an aligned table for a
// terminal, CSV and JSON for programs. Commands build a Grid; they never format.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ocindex::adapters::render {

enum class Format { kTable, kCsv, kJson };

std::optional<Format> ParseFormat(std::string_view name);

struct GridColumn {
  std::string name;     // header; also the JSON key
  bool numeric = false;  // right-aligned in tables, a JSON number
};

struct Grid {
  std::vector<GridColumn> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: no value (JSON null)

  void AddColumn(std::string name, bool numeric = false) { columns.push_back({std::move(name), numeric}); }
  std::vector<std::optional<std::string>>& AddRow() { return rows.emplace_back(); }
};

// Table: header, a rule, then rows; missing values print as "-".
void WriteTable(const Grid& grid, std::ostream& out);
// RFC 4180; missing values are empty fields.
void WriteCsv(const Grid& grid, std::ostream& out);
// An array of objects keyed by column name, keys in column order.
nlohmann::ordered_json ToJson(const Grid& grid);
void Write(const Grid& grid, Format format, std::ostream& out);

}  // namespace ocindex::adapters::render
