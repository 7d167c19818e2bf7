#include "core/pipeline/model.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace ocindex::core::pipeline {

namespace {
Error Invalid(std::string message) { return MakeError(ErrorCode::kInvalidInput, std::move(message)); }
}  // namespace

Status Model::Link() {
  const size_t n_indicators = data.cols();
  if (data.rows() != units.size()) {
    return Invalid(fmt::format("the data has {} rows but there are {} units", data.rows(), units.size()));
  }
  std::set<std::string_view> seen;
  for (const std::string& unit : units) {
    if (!seen.insert(unit).second) return Invalid(fmt::format("unit {} appears twice", unit));
  }
  seen.clear();
  for (size_t i = 0; i < nodes.size(); ++i) {
    Node& node = nodes[i];
    if (node.code.empty()) return Invalid(fmt::format("node {} has no code", i + 1));
    if (!seen.insert(node.code).second) return Invalid(fmt::format("node {} appears twice", node.code));
    const bool indicator = i < n_indicators;
    if (indicator != (node.level == 1)) {
      return Invalid(fmt::format("node {}: the first {} nodes must be the indicators (level 1), in data "
                                 "column order, and only they",
                                 node.code, n_indicators));
    }
    if (node.direction != 1 && node.direction != -1) {
      return Invalid(fmt::format("node {}: direction must be 1 or -1, not {}", node.code, node.direction));
    }
    if (!std::isfinite(node.weight) || node.weight < 0) {
      return Invalid(fmt::format("node {}: weight must be a finite number >= 0, not {}", node.code, node.weight));
    }
    if (!node.denominator.empty() && FindDenominator(node.denominator) == nullptr) {
      return Invalid(fmt::format("node {}: unknown denominator {}", node.code, node.denominator));
    }
    node.children.clear();
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    Node& node = nodes[i];
    node.parent = -1;
    if (node.parent_code.empty()) continue;
    std::optional<int> parent = FindNode(node.parent_code);
    if (!parent) return Invalid(fmt::format("node {}: unknown parent {}", node.code, node.parent_code));
    Node& p = nodes[static_cast<size_t>(*parent)];
    if (p.level <= node.level) {
      return Invalid(fmt::format("node {} (level {}) has parent {} at level {}: parents must be higher",
                                 node.code, node.level, p.code, p.level));
    }
    node.parent = *parent;
    p.children.push_back(static_cast<int>(i));
  }
  order_.clear();
  for (size_t i = n_indicators; i < nodes.size(); ++i) {
    if (nodes[i].children.empty()) return Invalid(fmt::format("aggregate {} has no children", nodes[i].code));
    order_.push_back(static_cast<int>(i));
  }
  std::stable_sort(order_.begin(), order_.end(), [this](int a, int b) {
    return nodes[static_cast<size_t>(a)].level < nodes[static_cast<size_t>(b)].level;
  });
  for (const AuxColumn& column : denominators) {
    if (column.values.size() != units.size()) {
      return Invalid(fmt::format("denominator {} has {} values for {} units", column.name, column.values.size(),
                                 units.size()));
    }
  }
  for (const GroupColumn& column : groups) {
    if (column.labels.size() != units.size()) {
      return Invalid(fmt::format("group {} has {} labels for {} units", column.name, column.labels.size(),
                                 units.size()));
    }
  }
  return {};
}

std::optional<int> Model::FindNode(std::string_view code) const {
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].code == code) return static_cast<int>(i);
  }
  return std::nullopt;
}

const AuxColumn* Model::FindDenominator(std::string_view name) const {
  for (const AuxColumn& column : denominators) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

const GroupColumn* Model::FindGroup(std::string_view name) const {
  for (const GroupColumn& column : groups) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

}  // namespace ocindex::core::pipeline
