// A composite-indicator model as the OECD/JRC handbook and COINr describe it: units
// (countries) by indicators, with missing values, and a tree of nodes (indicators at
// level 1, aggregates above) carrying weights, directions and denominators. Values
// are doubles; a missing value is NaN (see kMissing). Everything here is a value.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace ocindex::core::pipeline {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool IsMissing(double value) { return std::isnan(value); }

// A column-major matrix of doubles: rows are units, columns are indicators or nodes,
// so one column (one indicator across units) is contiguous.
class Matrix {
 public:
  Matrix() = default;
  Matrix(size_t rows, size_t cols, double fill = 0) : rows_(rows), cols_(cols), values_(rows * cols, fill) {}

  size_t rows() const { return rows_; }
  size_t cols() const { return cols_; }
  double& at(size_t row, size_t col) { return values_[col * rows_ + row]; }
  double at(size_t row, size_t col) const { return values_[col * rows_ + row]; }
  double* column(size_t col) { return values_.data() + col * rows_; }
  const double* column(size_t col) const { return values_.data() + col * rows_; }
  // Reshapes without giving memory back, so a buffer reused at the same or a smaller
  // size never allocates. Values are left unspecified.
  void Resize(size_t rows, size_t cols) {
    rows_ = rows;
    cols_ = cols;
    values_.resize(rows * cols);
  }

 private:
  size_t rows_ = 0;
  size_t cols_ = 0;
  std::vector<double> values_;
};

struct Node {
  std::string code;
  std::string name;
  int level = 1;             // 1 = indicator; aggregates have higher levels
  std::string parent_code;   // empty for the root(s)
  double weight = 1;         // weight within the parent
  int direction = 1;         // +1 or -1: indicators are multiplied by it before normalising
  std::string denominator;   // indicators only: name of a denominator column; empty = none
  double target = kMissing;  // indicators only: target for distance-to-target normalisation
  double goalpost_low = kMissing;   // indicators only: goalposts for goalpost normalisation
  double goalpost_high = kMissing;

  // Filled by Model::Link().
  int parent = -1;
  std::vector<int> children;
};

// An auxiliary numeric column of the units (GDP, population, ...), used to denominate.
struct AuxColumn {
  std::string name;
  std::vector<double> values;  // per unit
};

// A categorical column of the units (income group, continent, ...), used to impute.
struct GroupColumn {
  std::string name;
  std::vector<std::string> labels;  // per unit; empty = no group
};

// Nodes shown together without weighing in the aggregation (GOCI's groups such as
// People or Drugs): audited like aggregates, ignored by the pipeline.
struct DisplayGroup {
  std::string code;
  std::vector<int> members;  // node indices
};

struct Model {
  std::vector<std::string> units;  // unit codes, one per row
  // Indicators first, in the column order of `data`, then aggregates in any order.
  std::vector<Node> nodes;
  Matrix data;  // units x indicators
  std::vector<AuxColumn> denominators;
  std::vector<GroupColumn> groups;
  std::vector<DisplayGroup> display_groups;

  // Resolves parents and children and checks the structure: unique codes, indicators
  // (level 1) first and matching the data's columns, every parent an existing node one
  // level or more above, every aggregate with at least one child, directions of +-1,
  // finite positive weights, known denominators, columns as long as there are units.
  Status Link();

  size_t indicator_count() const { return data.cols(); }
  size_t unit_count() const { return units.size(); }
  std::optional<int> FindNode(std::string_view code) const;
  const AuxColumn* FindDenominator(std::string_view name) const;
  const GroupColumn* FindGroup(std::string_view name) const;
  // Aggregates in an order where every child comes before its parent (by level).
  const std::vector<int>& aggregation_order() const { return order_; }

 private:
  std::vector<int> order_;
};

}  // namespace ocindex::core::pipeline
