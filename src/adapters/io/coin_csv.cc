#include "adapters/io/coin_csv.h"

#include <charconv>
#include <map>

#include <fmt/format.h>

#include "adapters/io/csv_reader.h"

namespace ocindex::adapters::io {

namespace pl = core::pipeline;

namespace {

// Column positions by header name.
class Header {
 public:
  explicit Header(const Table& table) : table_(table) {
    if (table.rows.empty()) return;
    const auto& cells = table.rows[0].cells;
    for (size_t i = 0; i < cells.size(); ++i) index_[cells[i]] = static_cast<int>(i);
  }
  Result<int> Require(const std::string& name) const {
    auto it = index_.find(name);
    if (it == index_.end()) {
      return MakeError(ErrorCode::kInvalidInput, "expected a column named " + name,
                       table_.Where(table_.rows.empty() ? 1 : table_.rows[0].number));
    }
    return it->second;
  }

 private:
  const Table& table_;
  std::map<std::string, int> index_;
};

const std::string& Cell(const TableRow& row, int column) {
  static const std::string kEmpty;
  return column < static_cast<int>(row.cells.size()) ? row.cells[static_cast<size_t>(column)] : kEmpty;
}

bool IsNa(const std::string& text) { return text.empty() || text == "NA"; }

// A number, or missing for NA / empty.
Result<double> Number(const Table& table, const TableRow& row, int column) {
  const std::string& text = Cell(row, column);
  if (IsNa(text)) return pl::kMissing;
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("expected a number or NA, found \"{}\"", text),
                     table.Where(row.number, column));
  }
  return value;
}

}  // namespace

Result<pl::Model> ReadCoinModel(const std::string& idata_path, const std::string& imeta_path) {
  Table meta;
  OCINDEX_ASSIGN_OR_RETURN(meta, ReadCsvFile(imeta_path));
  Table data;
  OCINDEX_ASSIGN_OR_RETURN(data, ReadCsvFile(idata_path));
  const Header mh(meta);
  int level_col = 0, code_col = 0, name_col = 0, direction_col = 0, weight_col = 0, target_col = 0,
      denominator_col = 0, parent_col = 0, type_col = 0;
  OCINDEX_ASSIGN_OR_RETURN(level_col, mh.Require("Level"));
  OCINDEX_ASSIGN_OR_RETURN(code_col, mh.Require("iCode"));
  OCINDEX_ASSIGN_OR_RETURN(name_col, mh.Require("iName"));
  OCINDEX_ASSIGN_OR_RETURN(direction_col, mh.Require("Direction"));
  OCINDEX_ASSIGN_OR_RETURN(weight_col, mh.Require("Weight"));
  OCINDEX_ASSIGN_OR_RETURN(target_col, mh.Require("Target"));
  OCINDEX_ASSIGN_OR_RETURN(denominator_col, mh.Require("Denominator"));
  OCINDEX_ASSIGN_OR_RETURN(parent_col, mh.Require("Parent"));
  OCINDEX_ASSIGN_OR_RETURN(type_col, mh.Require("Type"));

  pl::Model model;
  std::vector<pl::Node> aggregates;
  std::vector<std::string> denominator_names;
  std::vector<std::string> group_names;
  for (size_t r = 1; r < meta.rows.size(); ++r) {
    const TableRow& row = meta.rows[r];
    const std::string& type = Cell(row, type_col);
    const std::string& code = Cell(row, code_col);
    if (type == "Denominator") {
      denominator_names.push_back(code);
      continue;
    }
    if (type == "Group") {
      group_names.push_back(code);
      continue;
    }
    if (type != "Indicator" && type != "Aggregate") {
      return MakeError(ErrorCode::kInvalidInput,
                       fmt::format("expected Type Indicator, Aggregate, Denominator or Group, found \"{}\"", type),
                       meta.Where(row.number, type_col));
    }
    pl::Node node;
    node.code = code;
    node.name = Cell(row, name_col);
    double level = 0, direction = 0, weight = 0;
    OCINDEX_ASSIGN_OR_RETURN(level, Number(meta, row, level_col));
    OCINDEX_ASSIGN_OR_RETURN(direction, Number(meta, row, direction_col));
    OCINDEX_ASSIGN_OR_RETURN(weight, Number(meta, row, weight_col));
    OCINDEX_ASSIGN_OR_RETURN(node.target, Number(meta, row, target_col));
    if (pl::IsMissing(level) || level < 1) {
      return MakeError(ErrorCode::kInvalidInput, "expected a level of 1 or more", meta.Where(row.number, level_col));
    }
    node.level = static_cast<int>(level);
    node.direction = pl::IsMissing(direction) ? 1 : static_cast<int>(direction);
    node.weight = pl::IsMissing(weight) ? 1 : weight;
    if (!IsNa(Cell(row, denominator_col))) node.denominator = Cell(row, denominator_col);
    if (!IsNa(Cell(row, parent_col))) node.parent_code = Cell(row, parent_col);
    (node.level == 1 ? model.nodes : aggregates).push_back(std::move(node));
  }
  const size_t n_indicators = model.nodes.size();
  model.nodes.insert(model.nodes.end(), aggregates.begin(), aggregates.end());

  const Header dh(data);
  int unit_col = 0;
  OCINDEX_ASSIGN_OR_RETURN(unit_col, dh.Require("uCode"));
  std::vector<int> indicator_cols(n_indicators);
  for (size_t j = 0; j < n_indicators; ++j) OCINDEX_ASSIGN_OR_RETURN(indicator_cols[j], dh.Require(model.nodes[j].code));
  std::vector<int> denominator_cols(denominator_names.size());
  for (size_t k = 0; k < denominator_names.size(); ++k) {
    OCINDEX_ASSIGN_OR_RETURN(denominator_cols[k], dh.Require(denominator_names[k]));
    model.denominators.push_back({denominator_names[k], {}});
  }
  std::vector<int> group_cols(group_names.size());
  for (size_t k = 0; k < group_names.size(); ++k) {
    OCINDEX_ASSIGN_OR_RETURN(group_cols[k], dh.Require(group_names[k]));
    model.groups.push_back({group_names[k], {}});
  }
  const size_t n_units = data.rows.empty() ? 0 : data.rows.size() - 1;
  model.data = pl::Matrix(n_units, n_indicators);
  for (size_t u = 0; u < n_units; ++u) {
    const TableRow& row = data.rows[u + 1];
    model.units.push_back(Cell(row, unit_col));
    for (size_t j = 0; j < n_indicators; ++j) {
      OCINDEX_ASSIGN_OR_RETURN(model.data.at(u, j), Number(data, row, indicator_cols[j]));
    }
    for (size_t k = 0; k < denominator_cols.size(); ++k) {
      double value = 0;
      OCINDEX_ASSIGN_OR_RETURN(value, Number(data, row, denominator_cols[k]));
      model.denominators[k].values.push_back(value);
    }
    for (size_t k = 0; k < group_cols.size(); ++k) {
      const std::string& label = Cell(row, group_cols[k]);
      model.groups[k].labels.push_back(IsNa(label) ? std::string() : label);
    }
  }
  Status linked = model.Link();
  if (!linked) return MakeError(linked.error().code, linked.error().message, imeta_path);
  return model;
}

Result<std::vector<std::vector<pl::NodeWeight>>> ReadCoinWeightSets(const std::string& path) {
  Table table;
  OCINDEX_ASSIGN_OR_RETURN(table, ReadCsvFile(path));
  const Header h(table);
  int set_col = 0, code_col = 0, weight_col = 0;
  OCINDEX_ASSIGN_OR_RETURN(set_col, h.Require("set"));
  OCINDEX_ASSIGN_OR_RETURN(code_col, h.Require("iCode"));
  OCINDEX_ASSIGN_OR_RETURN(weight_col, h.Require("Weight"));
  std::vector<std::vector<pl::NodeWeight>> sets;
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    double set = 0, weight = 0;
    OCINDEX_ASSIGN_OR_RETURN(set, Number(table, row, set_col));
    OCINDEX_ASSIGN_OR_RETURN(weight, Number(table, row, weight_col));
    if (pl::IsMissing(set) || set < 1 || set > 1e6 || pl::IsMissing(weight)) {
      return MakeError(ErrorCode::kInvalidInput, "expected a set number >= 1 and a weight", table.Where(row.number));
    }
    const size_t s = static_cast<size_t>(set);
    if (sets.size() < s) sets.resize(s);
    sets[s - 1].push_back({Cell(row, code_col), weight});
  }
  return sets;
}

}  // namespace ocindex::adapters::io
