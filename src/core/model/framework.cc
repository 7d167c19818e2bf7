#include "core/model/framework.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace ocindex::core {

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kPillar: return "pillar";
    case NodeKind::kComponent: return "component";
    case NodeKind::kGroup: return "group";
  }
  return "group";
}

std::string NormalizeHeader(std::string_view header) {
  std::string out;
  for (char c : header) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == '.')) out.pop_back();
  return out;
}

Status Framework::Link() {
  auto invalid = [this](std::string message) {
    return MakeError(ErrorCode::kInvalidInput, std::move(message), "framework " + id);
  };
  if (id.empty()) return invalid("the framework has no id");
  if (edition.empty()) return invalid("the framework names no edition");
  if (!(scale_min < scale_max)) return invalid("the scale's min must be below its max");
  if (!(Rational(0) < scale_step)) return invalid("the scale's step must be positive");
  if (!((scale_max - scale_min) / scale_step).IsInteger()) {
    return invalid("the scale's step must divide max - min into whole steps");
  }
  if (decimals < 0 || decimals > 6) return invalid("rounding decimals must be between 0 and 6");
  if (nodes.empty()) return invalid("the framework has no node; expected at least one pillar");
  if (indicators.empty()) return invalid("the framework has no indicator");

  std::unordered_map<std::string, int> node_index;
  std::set<std::string> ids;
  for (size_t n = 0; n < nodes.size(); ++n) {
    Node& node = nodes[n];
    node.children.clear();
    node.indicators.clear();
    if (node.id.empty()) return invalid("node " + std::to_string(n + 1) + " has no id");
    if (!ids.insert(node.id).second) return invalid("id '" + node.id + "' is used twice");
    if (!(Rational(0) < node.weight)) return invalid("node '" + node.id + "' needs a positive weight");
    if (node.parent_id.empty()) {
      if (node.kind != NodeKind::kPillar) {
        return invalid("node '" + node.id + "' is a " + NodeKindName(node.kind) +
                       " but has no parent; only pillars stand at the top");
      }
      node.parent = -1;
    } else {
      auto parent = node_index.find(node.parent_id);
      if (parent == node_index.end()) {
        return invalid("node '" + node.id + "' has parent '" + node.parent_id +
                       "', which is not a node defined before it");
      }
      if (node.kind == NodeKind::kPillar) return invalid("pillar '" + node.id + "' cannot have a parent");
      node.parent = parent->second;
      nodes[static_cast<size_t>(node.parent)].children.push_back(static_cast<int>(n));
    }
    node_index.emplace(node.id, static_cast<int>(n));
  }
  for (size_t i = 0; i < indicators.size(); ++i) {
    Indicator& indicator = indicators[i];
    if (indicator.id.empty()) return invalid("indicator " + std::to_string(i + 1) + " has no id");
    if (!ids.insert(indicator.id).second) return invalid("id '" + indicator.id + "' is used twice");
    if (!(Rational(0) < indicator.weight)) {
      return invalid("indicator '" + indicator.id + "' needs a positive weight");
    }
    auto group = node_index.find(indicator.group_id);
    if (group == node_index.end()) {
      return invalid("indicator '" + indicator.id + "' is in group '" + indicator.group_id +
                     "', which is not a node");
    }
    indicator.group = group->second;
    nodes[static_cast<size_t>(indicator.group)].indicators.push_back(static_cast<int>(i));
  }
  for (size_t n = 0; n < nodes.size(); ++n) {
    const Node& node = nodes[n];
    if (IndicatorsUnder(static_cast<int>(n)).empty()) {
      return invalid("node '" + node.id + "' has no indicator beneath it");
    }
    if (node.aggregate == Aggregate::kChildren && node.children.empty()) {
      return invalid("node '" + node.id + "' averages its children but has no child node");
    }
    if (node.aggregate == Aggregate::kChildren && !node.indicators.empty()) {
      return invalid("node '" + node.id +
                     "' averages its children, so indicators must sit in a child node, not in it");
    }
  }
  for (const std::string* axis : {&quadrant_x, &quadrant_y}) {
    if (!axis->empty() && !FindNode(*axis)) {
      return invalid("quadrant axis '" + *axis + "' is not a node of the framework");
    }
  }
  return {};
}

const std::string& Framework::MeasureId(int measure) const {
  return IsNode(measure) ? nodes[static_cast<size_t>(measure)].id
                         : indicators[static_cast<size_t>(measure) - nodes.size()].id;
}

const std::string& Framework::MeasureName(int measure) const {
  return IsNode(measure) ? nodes[static_cast<size_t>(measure)].name
                         : indicators[static_cast<size_t>(measure) - nodes.size()].name;
}

std::optional<int> Framework::FindNode(std::string_view node_id) const {
  for (size_t n = 0; n < nodes.size(); ++n) {
    if (nodes[n].id == node_id) return static_cast<int>(n);
  }
  return std::nullopt;
}

std::optional<int> Framework::FindIndicator(std::string_view indicator_id) const {
  for (size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].id == indicator_id) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::optional<int> Framework::FindMeasure(std::string_view id_or_name) const {
  const std::string key = NormalizeHeader(id_or_name);
  auto named = [&key](const std::string& measure_name, const std::vector<std::string>& headers) {
    return NormalizeHeader(measure_name) == key || std::find(headers.begin(), headers.end(), key) != headers.end();
  };
  // Ids first; then indicators before nodes, because a group may share its only
  // indicator's name ("Financial crimes") and a column of scores is the indicator.
  for (int m = 0; m < measure_count(); ++m) {
    if (NormalizeHeader(MeasureId(m)) == key) return m;
  }
  for (size_t i = 0; i < indicators.size(); ++i) {
    if (named(indicators[i].name, indicators[i].headers)) return IndicatorMeasure(static_cast<int>(i));
  }
  for (size_t n = 0; n < nodes.size(); ++n) {
    if (named(nodes[n].name, nodes[n].headers)) return static_cast<int>(n);
  }
  return std::nullopt;
}

std::vector<int> Framework::IndicatorsUnder(int node) const {
  std::vector<int> out;
  // Depth-first in display order: a node's own indicators, then each child's.
  auto visit = [this, &out](auto&& self, int n) -> void {
    const Node& current = nodes[static_cast<size_t>(n)];
    out.insert(out.end(), current.indicators.begin(), current.indicators.end());
    for (int child : current.children) self(self, child);
  };
  visit(visit, node);
  return out;
}

bool Framework::OnScale(const Rational& score) const {
  return !(score < scale_min) && !(scale_max < score) && ((score - scale_min) / scale_step).IsInteger();
}

Result<Framework> RestrictFramework(const Framework& framework, const std::vector<std::string>& keep) {
  Framework out = framework;
  out.indicators.clear();
  for (const Indicator& indicator : framework.indicators) {
    for (const std::string& kept : keep) {
      if (kept == indicator.id) out.indicators.push_back(indicator);
    }
  }
  if (out.indicators.empty()) {  // said here: Link would only find the nodes gone
    return MakeError(ErrorCode::kInvalidInput, "edition " + framework.edition +
                                                   " shares no indicator with the editions it is compared with: "
                                                   "like-for-like needs at least one");
  }
  // Drop nodes with nothing left beneath them, bottom-up (children follow parents).
  std::vector<bool> alive(framework.nodes.size(), false);
  for (const Indicator& indicator : out.indicators) {
    for (int n = indicator.group; n >= 0;
         n = framework.nodes[static_cast<size_t>(n)].parent) {
      alive[static_cast<size_t>(n)] = true;
    }
  }
  out.nodes.clear();
  for (size_t n = 0; n < framework.nodes.size(); ++n) {
    if (alive[n]) out.nodes.push_back(framework.nodes[n]);
  }
  if (!out.quadrant_x.empty() && !out.FindNode(out.quadrant_x)) out.quadrant_x.clear();
  if (!out.quadrant_y.empty() && !out.FindNode(out.quadrant_y)) out.quadrant_y.clear();
  if (Status linked = out.Link(); !linked) return linked.error();
  return out;
}

}  // namespace ocindex::core
