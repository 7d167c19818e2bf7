// The index framework: pillars, components, groups and indicators, with the rules
// that turn indicator scores into published figures. A framework is data (see
// data/frameworks/*.toml and docs/FRAMEWORK_FORMAT.md); nothing here is specific to
// one edition.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model/rational.h"

namespace ocindex::core {

enum class NodeKind { kPillar, kComponent, kGroup };
enum class Aggregate {
  kChildren,    // weighted mean of the child nodes' unrounded values
  kIndicators,  // weighted mean of every indicator beneath the node; groups are display only
};

const char* NodeKindName(NodeKind kind);

struct Node {
  std::string id;
  std::string name;
  std::string definition;
  NodeKind kind = NodeKind::kGroup;
  Aggregate aggregate = Aggregate::kIndicators;
  std::string parent_id;  // empty for a pillar
  Rational weight = 1;    // weight within its parent when the parent aggregates children
  std::vector<std::string> headers;  // column labels publishers use, normalised (see NormalizeHeader)

  // Filled by Framework::Link().
  int parent = -1;
  std::vector<int> children;    // child nodes, in display order
  std::vector<int> indicators;  // indicators directly in this node
};

struct Indicator {
  std::string id;
  std::string name;
  std::string definition;
  std::string group_id;
  std::string since;     // first edition that assessed it
  Rational weight = 1;   // weight among the indicators its ancestors average
  std::vector<std::string> headers;
  int group = -1;  // filled by Link()
};

// A measure is anything with a value per country: a node (composite) or an indicator.
// Measures are numbered nodes first, then indicators.
struct Framework {
  std::string id;
  std::string name;
  std::string edition;
  std::string publisher;
  std::string previous;  // edition compared with for changes; empty if none

  Rational scale_min = 1;
  Rational scale_max = 10;
  Rational scale_step = Rational(1, 2);
  int decimals = 2;

  std::string quadrant_x;  // node id on the horizontal axis (resilience)
  std::string quadrant_y;  // node id on the vertical axis (criminality)
  Rational quadrant_threshold = Rational(11, 2);  // values >= threshold are "high"

  std::vector<Node> nodes;
  std::vector<Indicator> indicators;

  // Resolves parent and group ids into indices and checks the structure: unique ids,
  // parents defined before their children, pillars at the top, every composite with
  // at least one indicator beneath it, a scale and quadrant that make sense.
  Status Link();

  int measure_count() const { return static_cast<int>(nodes.size() + indicators.size()); }
  bool IsNode(int measure) const { return measure < static_cast<int>(nodes.size()); }
  int IndicatorMeasure(int indicator) const { return static_cast<int>(nodes.size()) + indicator; }
  const std::string& MeasureId(int measure) const;
  const std::string& MeasureName(int measure) const;

  std::optional<int> FindNode(std::string_view id) const;
  std::optional<int> FindIndicator(std::string_view id) const;
  // A node or indicator by id, else by name or header (indicators before nodes),
  // case-insensitively.
  std::optional<int> FindMeasure(std::string_view id_or_name) const;
  // All indicators beneath a node, in display order.
  std::vector<int> IndicatorsUnder(int node) const;
  // Whether a score lies on the scale's grid.
  bool OnScale(const Rational& score) const;
};

// Lower-case, surrounding spaces and a trailing ',' or '.' removed, inner spaces
// collapsed: "Criminality avg," and "CRIMINALITY AVG." both become "criminality avg".
std::string NormalizeHeader(std::string_view header);

// The framework restricted to the given indicator ids (kept in its order); nodes left
// with no indicator beneath them are dropped. Used for like-for-like comparisons.
Result<Framework> RestrictFramework(const Framework& framework, const std::vector<std::string>& keep);

}  // namespace ocindex::core
